import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDocumentClient, createS3Client } from '../adapters/aws-clients';
import { cognitoInviteUser } from '../adapters/cognito-invite-user';
import { DynamoAuditLog } from '../adapters/dynamo-audit-log';
import { DynamoTable } from '../adapters/dynamo-table';
import { S3ObjectStore } from '../adapters/s3-object-store';
import type { Logger } from '../logger';
import { cognitoAuth } from './auth/cognito-auth';
import { presignedDownloads } from './downloads';
import { ledgerResend } from './ledger-resend';
import type { PortalDeps } from './portal-deps';
import type { PortalEnvironment } from './portal-environment';

/** The portal's ports in AWS: S3 (presigned links), the single table, Cognito. */
export function deployedPortalDeps(env: Readonly<PortalEnvironment>, logger: Logger): PortalDeps {
  const aws = { region: env.region, forcePathStyle: false };
  const objects = new S3ObjectStore(createS3Client(aws));
  const documents = createDocumentClient(aws);
  const table = new DynamoTable(documents, env.tableName);
  const now = () => new Date();
  return {
    config: {
      icbName: env.icbName,
      gapListRetentionDays: env.gapListRetentionDays,
      baseUrl: env.portalBaseUrl,
      suppressSmallNumbers: env.suppressSmallNumbers,
    },
    objects,
    reportsBucket: env.reportsBucket,
    snapshots: table,
    directory: table,
    ledger: table,
    audit: new DynamoAuditLog(documents, env.tableName, env.gapListRetentionDays),
    auth: cognitoAuth({
      userPoolId: env.userPoolId,
      clientId: env.userPoolClientId,
      domain: env.cognitoDomain,
      baseUrl: env.portalBaseUrl,
    }),
    download: presignedDownloads(objects, env.reportsBucket),
    inviteUser: cognitoInviteUser(new CognitoIdentityProviderClient({ region: env.region }), env.userPoolId),
    resendEmail: ledgerResend(table, now, 'the next time the notify step runs for that month'),
    logger,
    now,
  };
}
