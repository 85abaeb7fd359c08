import { isOdsCode } from '../portal-params';
import { isRole, type PortalUser } from '../portal-user';

/** The claims of a verified Cognito ID token that the portal reads. */
export interface IdTokenClaims {
  sub: string;
  'cognito:username'?: unknown;
  email?: unknown;
  'cognito:groups'?: unknown;
  'custom:practices'?: unknown;
}

/**
 * The portal user a verified ID token describes: roles from the Cognito groups (unknown groups are
 * ignored), practices from `custom:practices` (comma-separated ODS codes; anything else is ignored).
 */
export function userFromIdToken(claims: IdTokenClaims): PortalUser {
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].map(String) : [];
  const practices = typeof claims['custom:practices'] === 'string' ? claims['custom:practices'].split(',') : [];
  const name = claims['cognito:username'] ?? claims.email;
  return {
    id: typeof name === 'string' && name !== '' ? name : claims.sub,
    roles: groups.filter(isRole),
    practices: practices.map((code) => code.trim()).filter(isOdsCode),
  };
}
