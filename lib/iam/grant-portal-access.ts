import { Aws } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { DataTable } from '../constructs/data-table';
import { KEY_PREFIXES } from '../storage/lifecycle-rules';
import { grantPrefixAccess } from './grant-prefix-access';

/**
 * Partition keys the portal reads: the period list, the file index, practices (directory entry and snapshots share
 * `PRACTICE#<ODS>`), the notification ledger (resend) and audit records (admin page). Never the ingest ledger.
 */
export const PORTAL_READ_KEYS = ['PERIODS', 'FILES', 'PRACTICE#*', 'NOTIFY#*', 'AUDIT#*'] as const;

export interface PortalAccess {
  readonly reportsBucket: IBucket;
  readonly table: DataTable;
  readonly key: IKey;
  readonly userPool: IUserPool;
}

/**
 * What the portal function may do, and nothing else: read (and so presign) objects under `reports/` and `gap-lists/`;
 * read its item kinds; write audit records; write directory entries; update notification records to resend an
 * email; invite users into its own pool. The key only through S3 (decrypt) and DynamoDB.
 */
export function grantPortalAccess(role: Role, access: PortalAccess): void {
  const { table } = access;
  grantPrefixAccess(role, access.reportsBucket, { read: [KEY_PREFIXES.reports, KEY_PREFIXES.gapLists] });
  table.grantItemActionsOnLeadingKeys(role, {
    sid: 'ReadPortalItems',
    actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
    leadingKeys: PORTAL_READ_KEYS,
  });
  table.grantQueryByPeriod(role);
  table.grantItemActionsOnLeadingKeys(role, {
    sid: 'WriteAuditItems',
    actions: ['dynamodb:PutItem'],
    leadingKeys: ['AUDIT#*'],
  });
  // IAM cannot condition on the sort key, so this also covers the practice's snapshots under the same partition.
  table.grantItemActionsOnLeadingKeys(role, {
    sid: 'WriteDirectoryItems',
    actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
    leadingKeys: ['PRACTICE#*'],
  });
  table.grantItemActionsOnLeadingKeys(role, {
    sid: 'UpdateNotificationItems',
    actions: ['dynamodb:UpdateItem'],
    leadingKeys: ['NOTIFY#*'],
  });

  const via = (service: string) => ({ StringEquals: { 'kms:ViaService': `${service}.${Aws.REGION}.amazonaws.com` } });
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'DecryptReportsViaS3',
      actions: ['kms:Decrypt'],
      resources: [access.key.keyArn],
      conditions: via('s3'),
    }),
  );
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'UseDataKeyViaDynamoDb',
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      resources: [access.key.keyArn],
      conditions: via('dynamodb'),
    }),
  );
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'InviteUsersToPortalPool',
      actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup'],
      resources: [access.userPool.userPoolArn],
    }),
  );
}
