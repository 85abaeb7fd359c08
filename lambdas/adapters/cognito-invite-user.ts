import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { InviteUser } from '../portal/admin-actions';

/** The Cognito group of practice users (SPEC §4.5 roles). */
export const PRACTICE_GROUP = 'practice';

/**
 * Invites a practice user: AdminCreateUser (the pool emails a temporary password through its SES
 * configuration), the `practices` attribute set to their ODS codes, then the `practice` group.
 * Users are created by admins only: there is no self sign-up.
 */
export function cognitoInviteUser(client: CognitoIdentityProviderClient, userPoolId: string): InviteUser {
  return async ({ email, practiceCodes }) => {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'custom:practices', Value: practiceCodes.join(',') },
        ],
      }),
    );
    await client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: PRACTICE_GROUP }),
    );
  };
}
