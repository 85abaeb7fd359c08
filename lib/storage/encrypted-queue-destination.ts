import { Aws } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  type BucketNotificationDestinationConfig,
  BucketNotificationDestinationType,
  type IBucket,
  type IBucketNotificationDestination,
} from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * S3 event notifications into a queue encrypted with the same customer key as the bucket.
 *
 * `SqsDestination` from aws-s3-notifications grants the key to S3 with a condition naming the bucket, while the
 * bucket itself is encrypted with that key: a circular dependency CloudFormation rejects. Here the queue policy
 * still admits only this bucket (aws:SourceArn) and this account, and the key policy lets S3 encrypt messages for
 * SQS, as the SQS developer guide documents for encrypted queues with S3 event sources, for this account's buckets.
 */
export class EncryptedQueueDestination implements IBucketNotificationDestination {
  constructor(
    private readonly queue: IQueue,
    private readonly key: IKey,
  ) {}

  bind(_scope: Construct, bucket: IBucket): BucketNotificationDestinationConfig {
    this.queue.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowExportsBucketNotifications',
        principals: [new ServicePrincipal('s3.amazonaws.com')],
        actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        resources: [this.queue.queueArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': bucket.bucketArn },
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowS3ToEncryptEventNotificationsForSqs',
        principals: [new ServicePrincipal('s3.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        // Only for S3 buckets of this account (no confused deputy). Naming the exports bucket itself would make the
        // key depend on the bucket that is encrypted with it: the cycle described above.
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:s3:::*` },
        },
      }),
    );
    return { arn: this.queue.queueArn, type: BucketNotificationDestinationType.QUEUE, dependencies: [this.queue] };
  }
}
