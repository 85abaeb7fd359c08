import { Duration, Size, Stack } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantKeyUseViaServices, grantPrefixAccess } from '../iam/grant-prefix-access';
import { acknowledgeFinding } from '../nag/acknowledge';
import { EncryptedQueueDestination } from '../storage/encrypted-queue-destination';
import { KEY_PREFIXES } from '../storage/lifecycle-rules';
import type { DataTable } from './data-table';
import { HandlerFunction } from './handler-function';

/** Ingest function timeout; the queue's visibility timeout is derived from it. */
export const INGEST_TIMEOUT = Duration.minutes(5);

/**
 * AWS guidance for SQS event sources: visibility timeout at least six times the function timeout, so a message is
 * not redelivered while a slow (or retried) invocation still holds it.
 */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

/** Receives before a failing export's message moves to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 3;

export interface IngestPipelineProps {
  readonly exportsBucket: IBucket;
  readonly reportsBucket: IBucket;
  readonly table: DataTable;
  readonly key: IKey;
  /** Environment shared by every handler (bucket and table names, ICB settings). */
  readonly environment: Record<string, string>;
}

/**
 * S3 ObjectCreated under `exports/` → encrypted SQS queue (with a dead-letter queue) → ingest function, one export
 * per invocation, failures reported per message so only the failed export is retried.
 */
export class IngestPipeline extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly ingestFunction: HandlerFunction;

  constructor(scope: Construct, id: string, props: IngestPipelineProps) {
    super(scope, id);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      visibilityTimeout: Duration.seconds(INGEST_TIMEOUT.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    props.exportsBucket.addEventNotification(
      EventType.OBJECT_CREATED,
      new EncryptedQueueDestination(this.queue, props.key),
      {
        prefix: KEY_PREFIXES.exports,
      },
    );
    acknowledgeNotificationsHandler(Stack.of(this));

    this.ingestFunction = new HandlerFunction(this, 'IngestFunction', {
      entry: 'lambdas/handlers/ingest.ts',
      description: 'Ingests one clinical-system export: snapshot to DynamoDB, gap list to S3, or quarantine',
      memorySize: 1024,
      timeout: INGEST_TIMEOUT,
      // Zip archives are spooled to /tmp before their members are read.
      ephemeralStorageSize: Size.gibibytes(2),
      serviceName: 'pcm-reporter-ingest',
      environment: props.environment,
      logKey: props.key,
    });
    this.ingestFunction.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        // Caps parallel ingests when a whole ICB uploads at once, protecting DynamoDB and the account's concurrency.
        maxConcurrency: 5,
      }),
    );

    const role = this.ingestFunction.role;
    grantPrefixAccess(role, props.exportsBucket, {
      read: [KEY_PREFIXES.exports],
      delete: [KEY_PREFIXES.exports],
      write: [KEY_PREFIXES.quarantine],
    });
    grantPrefixAccess(role, props.reportsBucket, {
      read: [KEY_PREFIXES.gapLists, KEY_PREFIXES.stagedGapRows],
      write: [KEY_PREFIXES.gapLists, KEY_PREFIXES.stagedGapRows],
    });
    props.table.grantItemAccess(role, 'readWrite');
    grantKeyUseViaServices(role, props.key, ['s3', 'dynamodb']);
  }
}

/**
 * S3 notification configuration is applied by a CDK-provided singleton custom resource whose role uses the AWS
 * managed basic-execution policy; CDK offers no option to replace it.
 */
function acknowledgeNotificationsHandler(stack: Stack): void {
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('BucketNotificationsHandler')) continue;
    acknowledgeFinding(
      child,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'CDK creates this deploy-time custom resource to apply the S3 event notification configuration; its role only ' +
        'writes its own logs through the AWS managed basic execution policy and it handles no data.',
    );
  }
}
