import { describe, expect, it } from 'vitest';
import { synthForTest } from '../synth-for-test';

const { stack, template } = synthForTest();
type Element = Parameters<typeof stack.getLogicalId>[0];
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Element);

const roleId = logicalId(stack.portal.portalFunction.role);
const tableArn = { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] };
const bucketArn = { 'Fn::GetAtt': [logicalId(stack.reportsBucket), 'Arn'] };
const keyArn = {
  'Fn::GetAtt': [
    stack.getLogicalId(stack.node.findChild('DataKey').node.findChild('Key').node.defaultChild as Element),
    'Arn',
  ],
};
const leadingKeys = (keys: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys } });
const viaService = (service: string) => ({
  StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', [`${service}.`, { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
});

type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** Every statement of every policy attached to the portal function's role. */
function portalStatements(): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

describe('the portal role', () => {
  it('has exactly these grants: reports and gap lists, its item kinds, audit, directory, resend, invitations', () => {
    const bySid = Object.fromEntries(portalStatements().map((s) => [s.Sid ?? 'logs', s]));
    expect(Object.keys(bySid).sort()).toEqual([
      'DecryptReportsViaS3',
      'InviteUsersToPortalPool',
      'ListReportsBucketPrefixes',
      'QueryByPeriodIndex',
      'ReadPortalItems',
      'ReadReportsBucketPrefixes',
      'UpdateNotificationItems',
      'UseDataKeyViaDynamoDb',
      'WriteAuditItems',
      'WriteDirectoryItems',
      'logs',
    ]);
    expect(bySid.logs).toMatchObject({
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': [logicalId(stack.portal.portalFunction.logGroup), 'Arn'] },
    });
    expect(bySid.ReadReportsBucketPrefixes).toMatchObject({
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: [{ 'Fn::Join': ['', [bucketArn, '/gap-lists/*']] }, { 'Fn::Join': ['', [bucketArn, '/reports/*']] }],
    });
    expect(bySid.ListReportsBucketPrefixes).toMatchObject({
      Action: 's3:ListBucket',
      Resource: bucketArn,
      Condition: { StringLike: { 's3:prefix': ['reports/*', 'gap-lists/*'] } },
    });
    expect(bySid.ReadPortalItems).toMatchObject({
      Action: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
      Resource: tableArn,
      Condition: leadingKeys(['PERIODS', 'FILES', 'PRACTICE#*', 'NOTIFY#*', 'AUDIT#*']),
    });
    expect(bySid.QueryByPeriodIndex).toMatchObject({
      Action: 'dynamodb:Query',
      Resource: { 'Fn::Join': ['', [tableArn, '/index/byPeriod']] },
    });
    expect(bySid.WriteAuditItems).toMatchObject({
      Action: 'dynamodb:PutItem',
      Resource: tableArn,
      Condition: leadingKeys(['AUDIT#*']),
    });
    expect(bySid.WriteDirectoryItems).toMatchObject({
      Action: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      Resource: tableArn,
      Condition: leadingKeys(['PRACTICE#*']),
    });
    expect(bySid.UpdateNotificationItems).toMatchObject({
      Action: 'dynamodb:UpdateItem',
      Resource: tableArn,
      Condition: leadingKeys(['NOTIFY#*']),
    });
    expect(bySid.DecryptReportsViaS3).toMatchObject({
      Action: 'kms:Decrypt',
      Resource: keyArn,
      Condition: viaService('s3'),
    });
    expect(bySid.UseDataKeyViaDynamoDb).toMatchObject({
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
      Resource: keyArn,
      Condition: viaService('dynamodb'),
    });
    expect(bySid.InviteUsersToPortalPool).toMatchObject({
      Action: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminCreateUser'],
      Resource: { 'Fn::GetAtt': [logicalId(stack.portal.users.userPool), 'Arn'] },
    });
  });

  it('allows no wildcard action, no Resource "*", no Scan and no managed policy', () => {
    for (const statement of portalStatements()) {
      expect(statement.Effect).toBe('Allow');
      const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
      for (const action of actions) expect(action).not.toMatch(/\*/);
      expect(actions).not.toContain('dynamodb:Scan');
      expect(statement.Resource).not.toBe('*');
    }
    const role = template.findResources('AWS::IAM::Role')[roleId];
    expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
  });
});
