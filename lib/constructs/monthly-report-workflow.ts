import { Aws, Duration, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import {
  CustomState,
  DefinitionBody,
  Fail,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { NOTIFICATION_KEY_PREFIX } from '../../lambdas/adapters/table-keys';
import { grantKeyUseViaServices, grantPrefixAccess } from '../iam/grant-prefix-access';
import { acknowledgeFinding, wildcardResourceFinding } from '../nag/acknowledge';
import { KEY_PREFIXES } from '../storage/lifecycle-rules';
import type { DataTable } from './data-table';
import { HandlerFunction } from './handler-function';

/** The custom metric the workflow records after each run: 1 = the ICB report was built, 0 = it was not. */
export const REPORT_METRIC = { namespace: 'PcmReporter', metricName: 'ReportProduced' } as const;

export interface MonthlyReportWorkflowProps {
  readonly exportsBucket: IBucket;
  readonly reportsBucket: IBucket;
  readonly table: DataTable;
  readonly key: IKey;
  /** Environment shared by every handler (bucket and table names, ICB settings). */
  readonly environment: Record<string, string>;
  /** EventBridge Scheduler cron expression, run in Europe/London. */
  readonly reportSchedule: string;
  /** SES From address; the notify function may send as this address only. */
  readonly senderAddress: string;
}

/**
 * Once a month (EventBridge Scheduler, Europe/London) a Step Functions workflow builds the ICB report, records the
 * ReportProduced metric, then emails practices. Each step is retried; notify is idempotent per practice and period,
 * so a retry only sends what is still unsent.
 */
export class MonthlyReportWorkflow extends Construct {
  readonly reportFunction: HandlerFunction;
  readonly notifyFunction: HandlerFunction;
  readonly stateMachine: StateMachine;
  readonly schedule: Schedule;
  /** Schedule invocations that could not start the workflow after every retry. */
  readonly scheduleDeadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: MonthlyReportWorkflowProps) {
    super(scope, id);

    this.reportFunction = new HandlerFunction(this, 'ReportFunction', {
      entry: 'lambdas/handlers/monthly-report.ts',
      description: 'Builds the monthly ICB workbook, tidy CSV and final gap lists for one period',
      memorySize: 1536,
      timeout: Duration.minutes(10),
      serviceName: 'pcm-reporter-report',
      environment: props.environment,
      logKey: props.key,
    });
    grantPrefixAccess(this.reportFunction.role, props.reportsBucket, {
      read: [KEY_PREFIXES.stagedGapRows, KEY_PREFIXES.gapLists, KEY_PREFIXES.reports],
      write: [KEY_PREFIXES.gapLists, KEY_PREFIXES.reports],
    });
    props.table.grantItemAccess(this.reportFunction.role, 'readWrite');
    grantKeyUseViaServices(this.reportFunction.role, props.key, ['s3', 'dynamodb']);

    this.notifyFunction = new HandlerFunction(this, 'NotifyFunction', {
      entry: 'lambdas/handlers/notify-practices.ts',
      description: 'Emails each practice its numbers and a link to its gap list, once per practice and period',
      memorySize: 512,
      timeout: Duration.minutes(5),
      // One sender at a time keeps within SES sending rates and makes the per-practice claim exactly-once.
      reservedConcurrentExecutions: 1,
      serviceName: 'pcm-reporter-notify',
      environment: props.environment,
      logKey: props.key,
    });
    grantPrefixAccess(this.notifyFunction.role, props.reportsBucket, { read: [KEY_PREFIXES.gapLists] });
    // It writes only its notification ledger items; everything else it reads.
    props.table.grantItemAccess(this.notifyFunction.role, 'read');
    props.table.grantItemActionsOnLeadingKeys(this.notifyFunction.role, {
      sid: 'PutOwnTableItems',
      actions: ['dynamodb:PutItem'],
      leadingKeys: [`${NOTIFICATION_KEY_PREFIX}*`],
    });
    grantKeyUseViaServices(this.notifyFunction.role, props.key, ['s3', 'dynamodb']);
    this.grantSendEmail(this.notifyFunction.role, props.senderAddress);

    this.stateMachine = this.createStateMachine(props.key);

    this.scheduleDeadLetterQueue = new Queue(this, 'ScheduleDeadLetterQueue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeFinding(
      this.scheduleDeadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter queue of the monthly schedule; EventBridge Scheduler dead-letter ' +
        'targets are not registered through an SQS redrive policy, so cdk-nag cannot see that role.',
    );

    const scheduleRole = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: 'pcm-reporter: lets EventBridge Scheduler start the monthly report workflow',
    });
    // The dead-letter queue is encrypted with the customer key.
    scheduleRole.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'EncryptDeadLetters',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [props.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `sqs.${Aws.REGION}.amazonaws.com` } },
      }),
    );

    this.schedule = new Schedule(this, 'Schedule', {
      description: 'pcm-reporter: monthly ICB report then practice emails (Europe/London time)',
      schedule: ScheduleExpression.expression(props.reportSchedule, TimeZone.EUROPE_LONDON),
      timeWindow: TimeWindow.off(),
      target: new StepFunctionsStartExecution(this.stateMachine, {
        // No period: the report handler defaults to the previous calendar month in Europe/London.
        input: ScheduleTargetInput.fromObject({}),
        role: scheduleRole,
        deadLetterQueue: this.scheduleDeadLetterQueue,
        retryAttempts: 10,
        maxEventAge: Duration.hours(6),
      }),
    });
  }

  private createStateMachine(key: IKey): StateMachine {
    const buildReport = new LambdaInvoke(this, 'BuildReport', {
      lambdaFunction: this.reportFunction.function,
      comment: 'Input { period? }; output { period, reportKey, csvKey, practices }',
      payloadResponseOnly: true,
      resultPath: '$.report',
      taskTimeout: Timeout.duration(Duration.minutes(11)),
    });
    buildReport.addRetry({ errors: ['States.ALL'], maxAttempts: 2, interval: Duration.minutes(2), backoffRate: 2 });

    // A direct SDK call (no Lambda): the metric is recorded even when the report function timed out or crashed.
    const recordMetric = (id: string, value: 0 | 1) =>
      new CustomState(this, id, {
        stateJson: {
          Type: 'Task',
          Comment: `ReportProduced = ${value}`,
          Resource: `arn:${Aws.PARTITION}:states:::aws-sdk:cloudwatch:putMetricData`,
          Parameters: {
            Namespace: REPORT_METRIC.namespace,
            MetricData: [{ MetricName: REPORT_METRIC.metricName, Value: value, Unit: 'Count' }],
          },
          ResultPath: null,
        },
      }).addRetry({ errors: ['States.ALL'], maxAttempts: 3, interval: Duration.seconds(5), backoffRate: 2 });

    const notifyPractices = new LambdaInvoke(this, 'NotifyPractices', {
      lambdaFunction: this.notifyFunction.function,
      comment: 'Input { period }; output { sent, skipped, failed }; throws while any email failed',
      payload: TaskInput.fromObject({ period: JsonPath.stringAt('$.report.period') }),
      payloadResponseOnly: true,
      resultPath: '$.notification',
      taskTimeout: Timeout.duration(Duration.minutes(6)),
    });
    notifyPractices.addRetry({
      errors: ['States.ALL'],
      maxAttempts: 3,
      interval: Duration.minutes(5),
      backoffRate: 2,
    });

    const reportFailed = new Fail(this, 'ReportNotProduced', {
      error: 'ReportNotProduced',
      cause: 'The monthly report failed after every retry; see the report function logs.',
    });
    buildReport.addCatch(recordMetric('RecordReportMissing', 0).next(reportFailed), { resultPath: '$.error' });

    const definition = buildReport
      .next(recordMetric('RecordReportProduced', 1))
      .next(notifyPractices)
      .next(new Succeed(this, 'Done'));

    // Under /aws/vendedlogs/ so log delivery does not grow the account's CloudWatch Logs resource policy. The name is
    // fixed, so the group goes with the stack (a retained one would block a redeploy); execution history holds no
    // patient data and Step Functions keeps it for 90 days as well.
    const logGroup = new LogGroup(this, 'WorkflowLogs', {
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-monthly-report`,
      retention: RetentionDays.ONE_YEAR,
      encryptionKey: key,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'pcm-reporter: build the monthly ICB report, then notify practices',
      definitionBody: DefinitionBody.fromChainable(definition),
      stateMachineType: StateMachineType.STANDARD,
      timeout: Duration.hours(2),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    });

    stateMachine.addToRolePolicy(
      new PolicyStatement({
        sid: 'RecordReportProducedMetricOnly',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': REPORT_METRIC.namespace } },
      }),
    );

    const role = stateMachine.role;
    const reason = (what: string) =>
      `${what} Step Functions needs this wildcard and the other grants of this role name exact resources.`;
    acknowledgeFinding(
      role,
      wildcardResourceFinding(role, `${this.reportFunction.function.functionArn}:*`),
      reason('Invoking the report function by any version or alias qualifier is how CDK grants a Lambda task.'),
    );
    acknowledgeFinding(
      role,
      wildcardResourceFinding(role, `${this.notifyFunction.function.functionArn}:*`),
      reason('Invoking the notify function by any version or alias qualifier is how CDK grants a Lambda task.'),
    );
    acknowledgeFinding(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      reason(
        'CloudWatch PutMetricData (limited to the PcmReporter namespace by condition), X-Ray trace segments and ' +
          'CloudWatch Logs delivery actions support no resource-level permissions, so their resource must be a star.',
      ),
    );
    return stateMachine;
  }

  /** SES v2 SendEmail as the configured sender only; recipients are checked by SES itself while in the sandbox. */
  private grantSendEmail(role: Role, senderAddress: string): void {
    const identities = `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/*`;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'SendAsConfiguredSenderOnly',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [identities],
        conditions: { StringEquals: { 'ses:FromAddress': senderAddress } },
      }),
    );
    acknowledgeFinding(
      role,
      wildcardResourceFinding(role, identities),
      'SES authorises SendEmail against the recipient identities as well while the account is in the SES sandbox, ' +
        'and recipients are practice addresses from the directory; the ses:FromAddress condition pins the sender.',
    );
  }
}
