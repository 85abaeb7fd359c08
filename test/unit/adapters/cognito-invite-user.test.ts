import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { cognitoInviteUser } from '../../../lambdas/adapters/cognito-invite-user';

describe('cognitoInviteUser', () => {
  it('creates the user with their practices, emailed by the pool, then adds them to the practice group', async () => {
    const sent: unknown[] = [];
    const client = { send: async (command: unknown) => sent.push(command) } as unknown as CognitoIdentityProviderClient;
    await cognitoInviteUser(client, 'eu-west-2_Pool')({ email: 'pm@example.org', practiceCodes: ['A81001', 'B82002'] });

    expect(sent[0]).toBeInstanceOf(AdminCreateUserCommand);
    expect((sent[0] as AdminCreateUserCommand).input).toEqual({
      UserPoolId: 'eu-west-2_Pool',
      Username: 'pm@example.org',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'pm@example.org' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:practices', Value: 'A81001,B82002' },
      ],
    });
    expect(sent[1]).toBeInstanceOf(AdminAddUserToGroupCommand);
    expect((sent[1] as AdminAddUserToGroupCommand).input).toEqual({
      UserPoolId: 'eu-west-2_Pool',
      Username: 'pm@example.org',
      GroupName: 'practice',
    });
  });
});
