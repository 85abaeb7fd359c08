import { describe, expect, it } from 'vitest';
import { synthForTest } from './synth-for-test';

const { stack, template } = synthForTest();

type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Principal?: unknown;
  Resource: unknown;
  Condition?: unknown;
};
type Element = Parameters<typeof stack.getLogicalId>[0];
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Element);
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function keyPolicyStatements(): Statement[] {
  return Object.values(template.findResources('AWS::KMS::Key')).flatMap(
    (key) => key.Properties.KeyPolicy.Statement as Statement[],
  );
}

/** The statements of the policies attached to one function's role. */
function statementsOfFunction(functionId: string): Statement[] {
  const fn = template.findResources('AWS::Lambda::Function')[functionId];
  const roleId = fn?.Properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

describe('the data key policy', () => {
  it('lets S3 use the key only on behalf of buckets of this account (aws:SourceAccount, aws:SourceArn)', () => {
    const forS3 = keyPolicyStatements().filter((s) => JSON.stringify(s.Principal).includes('s3.amazonaws.com'));
    expect(forS3).toEqual([
      {
        Sid: 'AllowS3ToEncryptEventNotificationsForSqs',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::*']] } },
        },
      },
    ]);
  });

  it('gives no AWS service principal the key without a condition', () => {
    const unconditioned = keyPolicyStatements().filter(
      (s) => JSON.stringify(s.Principal).includes('"Service"') && s.Condition === undefined,
    );
    expect(unconditioned).toEqual([]);
  });
});

describe('the notify role', () => {
  const notifyStatements = () => statementsOfFunction(logicalId(stack.monthlyReport.notifyFunction.function));
  const tableArn = { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] };

  it('writes only notification ledger items: PutItem on partition keys NOTIFY#…, nothing else', () => {
    const writes = notifyStatements().filter((s) =>
      asArray(s.Action).some((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
    );
    expect(writes).toEqual([
      {
        Sid: 'PutOwnTableItems',
        Effect: 'Allow',
        Action: 'dynamodb:PutItem',
        Resource: tableArn,
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['NOTIFY#*'] } },
      },
    ]);
  });

  it('still reads snapshots, the directory and the ledgers on the table and its byPeriod index', () => {
    const reads = notifyStatements().find((s) => s.Sid === 'ReadTableItems');
    expect(asArray(reads?.Action ?? [])).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:DescribeTable']),
    );
    expect(reads?.Resource).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/byPeriod']] }]);
  });
});

describe('the unknown-deliveries alarm', () => {
  it('raises an alarm when a notify run reports an email with an unknown delivery, and holds it until one reports none', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'PcmReporter',
      MetricName: 'UnknownDeliveries',
      Statistic: 'Maximum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'ignore',
    });
  });
});
