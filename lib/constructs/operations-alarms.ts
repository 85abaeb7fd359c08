import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { UNKNOWN_DELIVERIES_METRIC } from '../../lambdas/handlers/unknown-deliveries-metric';

export interface OperationsAlarmsProps {
  /** Encrypts the alarm topic. */
  readonly key: IKey;
  /** Subscribed to the topic by email when given. */
  readonly alarmEmail?: string;
}

/** Alarms that need a person, all to one encrypted SNS topic. Each alarm's description says what to do. */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'pcm-reporter alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
  }

  /** Any message in a dead-letter queue is an export or a monthly run that failed every retry. */
  deadLetterQueueNotEmpty(id: string, queue: IQueue, whatFailed: string): Alarm {
    return this.add(id, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      description:
        `${whatFailed} failed every retry and is waiting in a dead-letter queue. Read the function logs for the ` +
        'error, fix the cause, then redrive the queue (SQS console: Start DLQ redrive).',
    });
  }

  /** Unhandled errors (a thrown handler, a timeout, an out-of-memory) in one function. */
  functionErrors(id: string, fn: IFunction, name: string): Alarm {
    return this.add(id, {
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      description: `The ${name} function failed. Its CloudWatch log group has the error; retries may still succeed.`,
    });
  }

  /** A workflow execution that failed, timed out or was aborted. */
  workflowFailed(id: string, stateMachine: IStateMachine): Alarm {
    const period = Duration.minutes(5);
    return this.add(id, {
      metric: new MathExpression({
        label: 'Failed, timed-out or aborted executions',
        expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
        usingMetrics: {
          failed: stateMachine.metricFailed({ period }),
          timedOut: stateMachine.metricTimedOut({ period }),
          aborted: stateMachine.metricAborted({ period }),
        },
        period,
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      description:
        'The monthly report workflow did not finish: the report or the practice emails failed after every retry. ' +
        'Open the execution in the Step Functions console, fix the cause, then start a new execution with ' +
        '{"period":"YYYY-MM"} (emails already sent are not sent again).',
    });
  }

  /**
   * No ICB report for the month. The workflow records ReportProduced = 1 after building the report and 0 when it
   * gives up. Missing data keeps the alarm's state, so a failed month stays in ALARM until a run succeeds.
   */
  noReportProduced(id: string, metric: { namespace: string; metricName: string }): Alarm {
    return this.add(id, {
      metric: new Metric({ ...metric, statistic: 'Minimum', period: Duration.hours(1) }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.IGNORE,
      description:
        'No ICB report was produced for the month: the last monthly run gave up. Check the report function logs, ' +
        'then start the workflow again with {"period":"YYYY-MM"}; the alarm clears when a report is produced.',
    });
  }

  /**
   * A practice email whose delivery is unknown: a notify run was stopped while sending, so it is not sent again by
   * itself. Each notify run publishes the count (0 included); missing data keeps the state until the next run.
   */
  unknownDeliveries(id: string): Alarm {
    return this.add(id, {
      metric: new Metric({ ...UNKNOWN_DELIVERIES_METRIC, statistic: 'Maximum', period: Duration.hours(1) }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.IGNORE,
      description:
        'A practice email has an unknown delivery: a notify run stopped while sending it. The notify function log ' +
        '("practice email delivery unknown") names the practice and period. If the practice did not get it, invoke ' +
        'the notify function with {"period":"YYYY-MM","resend":"<ODS code>"} (docs/email.md); the alarm clears ' +
        'after the next notify run with none left.',
    });
  }

  private add(
    id: string,
    props: {
      metric: IMetric;
      threshold: number;
      comparisonOperator: ComparisonOperator;
      treatMissingData: TreatMissingData;
      description: string;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric: props.metric,
      threshold: props.threshold,
      comparisonOperator: props.comparisonOperator,
      evaluationPeriods: 1,
      treatMissingData: props.treatMissingData,
      alarmDescription: props.description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
