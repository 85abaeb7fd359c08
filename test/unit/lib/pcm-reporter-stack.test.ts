import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthForTest } from './synth-for-test';

// Two syntheses for the whole file: the defaults, and every setting changed from its default.
const { stack, template } = synthForTest();
const configured = synthForTest({
  exportRetentionDays: 14,
  gapListRetentionDays: 60,
  reportSchedule: 'cron(15 9 5 * ? *)',
  alarmEmail: 'platform@example.org',
  attachmentDomains: [],
  columnMapping: { fields: { 'Pt Mob': 'mobile' } },
  valueMapping: { preferredContactMethod: { 'Txt msg': 'sms' } },
  icbContactName: 'Sam Patel, Primary Care Data Team',
  icbContactEmail: 'primarycare.data@example.org',
});
type Element = Parameters<typeof stack.getLogicalId>[0];
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Element);
const configuredId = (construct: { node: { defaultChild?: unknown } }) =>
  configured.stack.getLogicalId(construct.node.defaultChild as Element);

const keyId = logicalId(stack.node.findChild('DataKey').node.findChild('Key') as never);
const exportsBucketId = logicalId(stack.exportsBucket);
const reportsBucketId = logicalId(stack.reportsBucket);
const accessLogsBucketId = logicalId(stack.accessLogsBucket);
const ingestFunctionId = logicalId(stack.ingest.ingestFunction.function);
const reportFunctionId = logicalId(stack.monthlyReport.reportFunction.function);
const notifyFunctionId = logicalId(stack.monthlyReport.notifyFunction.function);

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown; Sid?: string };

/** Every Allow statement of every IAM policy and inline role policy in the template. */
function allowStatements(): { policy: string; statement: Statement }[] {
  const found: { policy: string; statement: Statement }[] = [];
  const push = (policy: string, document: { Statement: Statement[] } | undefined) => {
    for (const statement of document?.Statement ?? []) {
      if (statement.Effect === 'Allow') found.push({ policy, statement });
    }
  };
  for (const [id, policy] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
    push(id, policy.Properties.PolicyDocument);
  }
  for (const [id, role] of Object.entries(template.findResources('AWS::IAM::Role'))) {
    for (const inline of role.Properties.Policies ?? []) push(id, inline.PolicyDocument);
  }
  return found;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The statements of the default policy attached to one function's role. */
function statementsOfFunction(functionId: string): Statement[] {
  const fn = template.findResources('AWS::Lambda::Function')[functionId];
  const roleId = fn?.Properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** `<bucket>/<prefix>*` resources an object action is granted on, as `bucket:prefix` strings. */
function objectGrants(functionId: string, action: string): string[] {
  const names: Record<string, string> = { [exportsBucketId]: 'exports-bucket', [reportsBucketId]: 'reports-bucket' };
  return statementsOfFunction(functionId)
    .filter((s) => s.Effect === 'Allow' && asArray(s.Action).includes(action))
    .flatMap((s) => asArray(s.Resource))
    .map((resource) => {
      const [bucketRef, suffix] = (resource as { 'Fn::Join': [string, [{ 'Fn::GetAtt': [string] }, string]] })[
        'Fn::Join'
      ][1];
      return `${names[bucketRef['Fn::GetAtt'][0]]}:${suffix}`;
    })
    .sort();
}

describe('PcmReporterStack', () => {
  describe('encryption', () => {
    it('creates one customer-managed KMS key with automatic rotation, retained with the stack', () => {
      template.resourceCountIs('AWS::KMS::Key', 1);
      template.hasResource('AWS::KMS::Key', {
        Properties: { EnableKeyRotation: true },
        DeletionPolicy: 'Retain',
      });
    });

    it.each([
      ['exports', () => exportsBucketId],
      ['reports', () => reportsBucketId],
    ])('encrypts the %s bucket with SSE-KMS under the customer key', (_name, id) => {
      expect(template.findResources('AWS::S3::Bucket')[id()]?.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
            },
          },
        ],
      });
    });

    it('encrypts the access-logs bucket with SSE-S3, the only encryption S3 log delivery supports', () => {
      expect(template.findResources('AWS::S3::Bucket')[accessLogsBucketId]?.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
    });

    it('encrypts every queue, the table, the alarm topic and every Lambda log group with the customer key', () => {
      const keyArn = { 'Fn::GetAtt': [keyId, 'Arn'] };
      for (const queue of Object.values(template.findResources('AWS::SQS::Queue'))) {
        expect(queue.Properties.KmsMasterKeyId).toEqual(keyArn);
      }
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn },
      });
      template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: keyArn });
      const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
      // ingest, report, notify, portal functions, the workflow and the portal API's access logs
      expect(logGroups.length).toBe(6);
      for (const logGroup of logGroups) expect(logGroup.Properties.KmsKeyId).toEqual(keyArn);
    });
  });

  describe('buckets', () => {
    it('blocks every form of public access, disables ACLs and keeps versions on all three buckets', () => {
      const buckets = template.findResources('AWS::S3::Bucket');
      expect(Object.keys(buckets).length).toBe(3);
      for (const [id, bucket] of Object.entries(buckets)) {
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
        // CloudFront standard logging writes through an ACL grant, so the access-logs bucket keeps ACLs enabled.
        const ownership = id === accessLogsBucketId ? 'BucketOwnerPreferred' : 'BucketOwnerEnforced';
        expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: ownership }] });
        expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
        expect(bucket.DeletionPolicy).toBe('Retain');
      }
    });

    it.each([
      ['exports', () => exportsBucketId],
      ['reports', () => reportsBucketId],
      ['access-logs', () => accessLogsBucketId],
    ])('denies any request to the %s bucket that is not over TLS 1.2 or later', (_name, id) => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id() },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
            }),
          ]),
        },
      });
    });

    it('writes server access logs of the exports and reports buckets to the access-logs bucket', () => {
      const buckets = template.findResources('AWS::S3::Bucket');
      expect(buckets[exportsBucketId]?.Properties.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: accessLogsBucketId },
        LogFilePrefix: 'exports-bucket/',
      });
      expect(buckets[reportsBucketId]?.Properties.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: accessLogsBucketId },
        LogFilePrefix: 'reports-bucket/',
      });
    });

    it('expires raw exports and quarantined copies after 30 days by default, old versions after 7', () => {
      const rules = template.findResources('AWS::S3::Bucket')[exportsBucketId]?.Properties.LifecycleConfiguration.Rules;
      expect(rules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Prefix: 'exports/',
            ExpirationInDays: 30,
            NoncurrentVersionExpiration: { NoncurrentDays: 7 },
            Status: 'Enabled',
          }),
          expect.objectContaining({
            Prefix: 'quarantine/',
            ExpirationInDays: 30,
            NoncurrentVersionExpiration: { NoncurrentDays: 7 },
            Status: 'Enabled',
          }),
        ]),
      );
    });

    it('expires gap lists and staged gap-list rows after 90 days by default and never expires reports', () => {
      const rules: { Prefix?: string; ExpirationInDays?: number }[] =
        template.findResources('AWS::S3::Bucket')[reportsBucketId]?.Properties.LifecycleConfiguration.Rules;
      expect(rules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Prefix: 'gap-lists/', ExpirationInDays: 90, Status: 'Enabled' }),
          expect.objectContaining({ Prefix: 'staging/gap-rows/', ExpirationInDays: 90, Status: 'Enabled' }),
        ]),
      );
      const reportRule = rules.find((rule) => rule.Prefix === 'reports/');
      expect(reportRule).toBeDefined();
      expect(reportRule?.ExpirationInDays).toBeUndefined();
      expect(
        rules.filter((rule) => rule.Prefix === undefined).every((rule) => rule.ExpirationInDays === undefined),
      ).toBe(true);
    });

    it('takes the retention days from configuration', () => {
      const buckets = configured.template.findResources('AWS::S3::Bucket');
      const expiryOf = (bucketId: string, prefix: string) =>
        buckets[bucketId]?.Properties.LifecycleConfiguration.Rules.find((r: { Prefix?: string }) => r.Prefix === prefix)
          ?.ExpirationInDays;
      expect(expiryOf(configuredId(configured.stack.exportsBucket), 'exports/')).toBe(14);
      expect(expiryOf(configuredId(configured.stack.exportsBucket), 'quarantine/')).toBe(14);
      expect(expiryOf(configuredId(configured.stack.reportsBucket), 'gap-lists/')).toBe(60);
      expect(expiryOf(configuredId(configured.stack.reportsBucket), 'staging/gap-rows/')).toBe(60);
    });
  });

  describe('ingest', () => {
    it('sends ObjectCreated events under exports/ (and only there) to the ingest queue', () => {
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { Ref: exportsBucketId },
        NotificationConfiguration: {
          QueueConfigurations: [
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'exports/' }] } },
              QueueArn: { 'Fn::GetAtt': [logicalId(stack.ingest.queue), 'Arn'] },
            },
          ],
        },
      });
    });

    it('admits only the exports bucket of this account to the ingest queue, over TLS', () => {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId(stack.ingest.queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 's3.amazonaws.com' },
              Action: Match.arrayWith(['sqs:SendMessage']),
              Condition: {
                ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [exportsBucketId, 'Arn'] } },
                StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              },
            }),
          ]),
        },
      });
    });

    it('moves a message to the dead-letter queue after 3 receives and keeps it 14 days', () => {
      const queues = template.findResources('AWS::SQS::Queue');
      const queue = queues[logicalId(stack.ingest.queue)];
      expect(queue?.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(stack.ingest.deadLetterQueue), 'Arn'] },
        maxReceiveCount: 3,
      });
      expect(queues[logicalId(stack.ingest.deadLetterQueue)]?.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    });

    it('sizes the visibility timeout to six times the ingest function timeout', () => {
      const timeout = template.findResources('AWS::Lambda::Function')[ingestFunctionId]?.Properties.Timeout;
      expect(timeout).toBe(300);
      expect(
        template.findResources('AWS::SQS::Queue')[logicalId(stack.ingest.queue)]?.Properties.VisibilityTimeout,
      ).toBe(1800);
    });

    it('reports partial batch failures from the queue event source', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.ingest.queue), 'Arn'] },
        FunctionName: { Ref: ingestFunctionId },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: 1,
      });
    });
  });

  describe('table', () => {
    it('is on-demand with point-in-time recovery, deletion protection and the byPeriod GSI', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [
            {
              IndexName: 'byPeriod',
              KeySchema: [
                { AttributeName: 'gsi1pk', KeyType: 'HASH' },
                { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
        },
      });
    });
  });

  describe('functions', () => {
    it.each([
      { name: 'ingest', id: () => ingestFunctionId, memory: 1024, timeout: 300, storage: 2048, reserved: undefined },
      {
        name: 'report',
        id: () => reportFunctionId,
        memory: 1536,
        timeout: 600,
        storage: undefined,
        reserved: undefined,
      },
      { name: 'notify', id: () => notifyFunctionId, memory: 512, timeout: 300, storage: undefined, reserved: 1 },
    ])('runs the $name handler on Node.js 24 on ARM with $memory MB and $timeout s', (c) => {
      const props = template.findResources('AWS::Lambda::Function')[c.id()]?.Properties;
      expect(props.Runtime).toBe('nodejs24.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Handler).toBe('index.handler');
      expect(props.MemorySize).toBe(c.memory);
      expect(props.Timeout).toBe(c.timeout);
      expect(props.EphemeralStorage?.Size).toBe(c.storage);
      expect(props.ReservedConcurrentExecutions).toBe(c.reserved);
      expect(props.LoggingConfig).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO' });
    });

    it('tells the handlers "none" when no attachment domain is configured', () => {
      const id = configuredId(configured.stack.monthlyReport.notifyFunction.function);
      const variables =
        configured.template.findResources('AWS::Lambda::Function')[id]?.Properties.Environment.Variables;
      expect(variables.ATTACHMENT_DOMAINS).toBe('none');
    });

    it('gives the ingest handler the column and value mappings from context, as the JSON it parses', () => {
      const id = configuredId(configured.stack.ingest.ingestFunction.function);
      const variables =
        configured.template.findResources('AWS::Lambda::Function')[id]?.Properties.Environment.Variables;
      expect(JSON.parse(variables.COLUMN_MAPPING)).toEqual({ fields: { 'Pt Mob': 'mobile' } });
      expect(JSON.parse(variables.VALUE_MAPPING)).toEqual({ preferredContactMethod: { 'Txt msg': 'sms' } });
      const defaults = template.findResources('AWS::Lambda::Function')[ingestFunctionId]?.Properties.Environment;
      expect(defaults.Variables).not.toHaveProperty('VALUE_MAPPING');
    });

    it('gives the named ICB contact and Reply-To to the notify function only, and only when configured', () => {
      const variablesOf = (t: typeof template, id: string) =>
        t.findResources('AWS::Lambda::Function')[id]?.Properties.Environment.Variables;
      const notify = variablesOf(
        configured.template,
        configuredId(configured.stack.monthlyReport.notifyFunction.function),
      );
      expect(notify).toMatchObject({
        ICB_CONTACT_NAME: 'Sam Patel, Primary Care Data Team',
        ICB_CONTACT_EMAIL: 'primarycare.data@example.org',
      });
      const ingest = variablesOf(configured.template, configuredId(configured.stack.ingest.ingestFunction.function));
      expect(ingest).not.toHaveProperty('ICB_CONTACT_EMAIL');
      expect(variablesOf(template, notifyFunctionId)).not.toHaveProperty('ICB_CONTACT_NAME');
    });

    it('gives every handler the environment the handlers read', () => {
      for (const id of [ingestFunctionId, reportFunctionId, notifyFunctionId]) {
        const variables = template.findResources('AWS::Lambda::Function')[id]?.Properties.Environment.Variables;
        expect(variables).toMatchObject({
          TABLE_NAME: { Ref: logicalId(stack.table) },
          EXPORTS_BUCKET: { Ref: exportsBucketId },
          REPORTS_BUCKET: { Ref: reportsBucketId },
          ICB_NAME: 'NHS Example Integrated Care Board',
          SENDER_ADDRESS: 'pcm-reports@example.org',
          ATTACHMENT_DOMAINS: 'nhs.net',
          SMS_COST_PER_FRAGMENT_GBP: '0.024',
          SMS_INVITES_PER_YEAR: '2',
          SMS_FRAGMENTS_PER_INVITE: '1',
          SMS_VAT_RATE: '0.2',
          SUPPRESS_SMALL_NUMBERS: 'false',
          MAIL_TRANSPORT: 'ses',
          LOG_LEVEL: 'info',
        });
        // Emails link to the portal now: the deprecated expiry is never passed on (it would only log a warning).
        expect(variables).not.toHaveProperty('LINK_EXPIRY_DAYS');
      }
    });
  });

  describe('least privilege', () => {
    it('never grants an S3, DynamoDB or KMS action on Resource "*"', () => {
      const offending = allowStatements().filter(
        ({ statement }) =>
          asArray(statement.Resource).includes('*') &&
          asArray(statement.Action).some((action) => /^(s3|dynamodb|kms):/.test(action)),
      );
      expect(offending).toEqual([]);
    });

    it('never grants a wildcard S3, DynamoDB or KMS action such as s3:* or kms:GenerateDataKey*', () => {
      const wildcards = allowStatements()
        .flatMap(({ statement }) => asArray(statement.Action))
        .filter((action) => /^(s3|dynamodb|kms):/.test(action) && action.includes('*'));
      expect(wildcards).toEqual([]);
    });

    it('lets ingest read and delete exports/, write quarantine/, and write gap lists and staged rows', () => {
      expect(objectGrants(ingestFunctionId, 's3:GetObject')).toEqual([
        'exports-bucket:/exports/*',
        'reports-bucket:/gap-lists/*',
        'reports-bucket:/staging/gap-rows/*',
      ]);
      expect(objectGrants(ingestFunctionId, 's3:DeleteObject')).toEqual(['exports-bucket:/exports/*']);
      expect(objectGrants(ingestFunctionId, 's3:PutObject')).toEqual([
        'exports-bucket:/quarantine/*',
        'reports-bucket:/gap-lists/*',
        'reports-bucket:/staging/gap-rows/*',
      ]);
    });

    it('lets the report read staged rows, gap lists and reports, and write gap lists and reports only', () => {
      expect(objectGrants(reportFunctionId, 's3:GetObject')).toEqual([
        'reports-bucket:/gap-lists/*',
        'reports-bucket:/reports/*',
        'reports-bucket:/staging/gap-rows/*',
      ]);
      expect(objectGrants(reportFunctionId, 's3:PutObject')).toEqual([
        'reports-bucket:/gap-lists/*',
        'reports-bucket:/reports/*',
      ]);
      expect(objectGrants(reportFunctionId, 's3:DeleteObject')).toEqual([]);
    });

    it('lets notify read gap lists only and write nothing to S3', () => {
      expect(objectGrants(notifyFunctionId, 's3:GetObject')).toEqual(['reports-bucket:/gap-lists/*']);
      expect(objectGrants(notifyFunctionId, 's3:PutObject')).toEqual([]);
      expect(objectGrants(notifyFunctionId, 's3:DeleteObject')).toEqual([]);
    });

    it('limits listing to the granted prefixes', () => {
      const listing = statementsOfFunction(notifyFunctionId).find((s) => asArray(s.Action).includes('s3:ListBucket'));
      expect(listing?.Resource).toEqual({ 'Fn::GetAtt': [reportsBucketId, 'Arn'] });
      expect(listing?.Condition).toEqual({ StringLike: { 's3:prefix': ['gap-lists/*'] } });
    });

    it('grants DynamoDB item actions on the table and its byPeriod index only, never Scan', () => {
      const tableId = logicalId(stack.table);
      // The portal's and notify's narrower, leading-key grants are checked in report-portal.test.ts and
      // least-privilege-scoping.test.ts.
      const tableStatements = [ingestFunctionId, reportFunctionId, notifyFunctionId]
        .flatMap(statementsOfFunction)
        .filter(
          (statement) =>
            asArray(statement.Action).some((action) => action.startsWith('dynamodb:')) &&
            statement.Sid !== 'PutOwnTableItems',
        );
      expect(tableStatements.length).toBe(3);
      for (const statement of tableStatements) {
        expect(asArray(statement.Action)).not.toContain('dynamodb:Scan');
        expect(statement.Resource).toEqual([
          { 'Fn::GetAtt': [tableId, 'Arn'] },
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/byPeriod']] },
        ]);
      }
    });

    it('lets notify send email as the configured sender only', () => {
      expect(statementsOfFunction(notifyFunctionId)).toContainEqual(
        expect.objectContaining({
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
          Condition: { StringEquals: { 'ses:FromAddress': 'pcm-reports@example.org' } },
        }),
      );
      for (const id of [ingestFunctionId, reportFunctionId]) {
        const actions = statementsOfFunction(id).flatMap((s) => asArray(s.Action));
        expect(actions.some((action) => action.startsWith('ses:'))).toBe(false);
      }
    });
  });

  describe('monthly report', () => {
    it('runs on the configured cron in Europe/London time, starting the workflow with a dead-letter queue', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(0 6 2 * ? *)',
        ScheduleExpressionTimezone: 'Europe/London',
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: { Ref: logicalId(stack.monthlyReport.stateMachine) },
          Input: '{}',
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack.monthlyReport.scheduleDeadLetterQueue), 'Arn'] } },
        },
      });
    });

    it('takes the schedule from configuration', () => {
      configured.template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(15 9 5 * ? *)',
        ScheduleExpressionTimezone: 'Europe/London',
      });
    });

    it('builds the report, records the metric, then notifies practices with retries, traced and fully logged', () => {
      const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
      if (!machine) throw new Error('the stack has no state machine');
      expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(machine.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: true });
      const definition = JSON.parse(
        (machine.Properties.DefinitionString['Fn::Join'][1] as unknown[])
          // Intrinsics (function ARNs, the partition) sit inside JSON strings; a placeholder keeps the JSON valid.
          .map((part) => (typeof part === 'string' ? part : 'REF'))
          .join(''),
      );
      expect(definition.StartAt).toBe('BuildReport');
      expect(definition.States.BuildReport.Next).toBe('RecordReportProduced');
      expect(definition.States.RecordReportProduced.Next).toBe('NotifyPractices');
      expect(definition.States.RecordReportProduced.Parameters).toEqual({
        Namespace: 'PcmReporter',
        MetricData: [{ MetricName: 'ReportProduced', Value: 1, Unit: 'Count' }],
      });
      expect(definition.States.BuildReport.Catch[0].Next).toBe('RecordReportMissing');
      expect(definition.States.RecordReportMissing.Parameters.MetricData[0].Value).toBe(0);
      expect(definition.States.NotifyPractices.Parameters).toEqual({ 'period.$': '$.report.period' });
      expect(definition.States.NotifyPractices.Retry).toContainEqual({
        ErrorEquals: ['States.ALL'],
        IntervalSeconds: 300,
        MaxAttempts: 3,
        BackoffRate: 2,
      });
    });
  });

  describe('alarms', () => {
    const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const topicRef = () => ({ Ref: logicalId(stack.alarms.topic) });

    it('sends every alarm to the encrypted, TLS-only alarm topic', () => {
      expect(alarms().length).toBe(8); // UnknownDeliveries: least-privilege-scoping.test.ts
      for (const alarm of alarms()) expect(alarm.Properties.AlarmActions).toEqual([topicRef()]);
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    it.each([
      ['ingest', () => stack.ingest.deadLetterQueue],
      ['schedule', () => stack.monthlyReport.scheduleDeadLetterQueue],
    ])('raises an alarm as soon as the %s dead-letter queue is not empty', (_name, queue) => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue()), 'QueueName'] } }],
        Statistic: 'Maximum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    });

    it.each([
      ['ingest', () => ingestFunctionId],
      ['report', () => reportFunctionId],
      ['notify', () => notifyFunctionId],
    ])('raises an alarm on any %s function error', (_name, id) => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: id() } }],
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    });

    it('raises an alarm when no report was produced, and holds it until a report is', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'PcmReporter',
        MetricName: 'ReportProduced',
        Statistic: 'Minimum',
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'ignore',
      });
    });

    it('raises an alarm when a workflow execution fails, times out or is aborted', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Metrics: Match.arrayWith([
          Match.objectLike({ Expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)' }),
        ]),
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    });

    it('subscribes the alarm email when one is configured', () => {
      configured.template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'platform@example.org',
      });
      template.resourceCountIs('AWS::SNS::Subscription', 0);
    });
  });

  it('outputs where to upload exports and where to find reports', () => {
    template.hasOutput('ExportsUploadLocation', {
      Value: { 'Fn::Join': ['', ['s3://', { Ref: exportsBucketId }, '/exports/']] },
    });
    template.hasOutput('ReportsLocation', {
      Value: { 'Fn::Join': ['', ['s3://', { Ref: reportsBucketId }, '/reports/']] },
    });
  });
});
