import { type PortalParams, paramsAreValid } from './portal-params';
import { PORTAL_ROUTES, type RouteName } from './portal-routes';
import { holdsPractice, type PortalUser, seesIcbOutputs } from './portal-user';

export type Decision = { outcome: 'allow' } | { outcome: 'deny'; status: 400 | 401 | 403 };

const ALLOW: Decision = { outcome: 'allow' };
const deny = (status: 400 | 401 | 403): Decision => ({ outcome: 'deny', status });

/**
 * Whether `user` may use `route` with `params`. Order matters: an anonymous visitor learns only
 * that they must sign in (401); then a malformed parameter is refused (400) before anything is
 * looked up; then the role (403, which says nothing about the practice asked for).
 */
export function authorise(user: PortalUser | undefined, route: RouteName, params: PortalParams): Decision {
  const { access } = PORTAL_ROUTES[route];
  if (access === 'public') return ALLOW;
  if (user === undefined) return deny(401);
  if (!paramsAreValid(params)) return deny(400);
  switch (access) {
    case 'signed-in':
      return ALLOW;
    case 'icb':
      return seesIcbOutputs(user) ? ALLOW : deny(403);
    case 'practice-numbers':
      return seesIcbOutputs(user) || holdsPractice(user, params.ods ?? '') ? ALLOW : deny(403);
    case 'practice-files':
      return holdsPractice(user, params.ods ?? '') ? ALLOW : deny(403);
    case 'admin':
      return user.roles.includes('admin') ? ALLOW : deny(403);
  }
}
