import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** How long S3 server access logs are kept: a year of request history for audits. */
export const ACCESS_LOG_RETENTION_DAYS = 365;

/**
 * Receives the S3 server access logs of the exports and reports buckets and the report portal's CloudFront access
 * logs. S3 log delivery only writes to buckets encrypted with SSE-S3, so this is the one bucket without the customer
 * key; it holds request records (object keys, requesters), never object contents. cdk-nag's AwsSolutions-S1 accepts a
 * log destination without logs of its own.
 *
 * ACLs stay enabled (BucketOwnerPreferred) because CloudFront standard logging writes through an ACL grant to its
 * log-delivery account and fails on a bucket with ACLs disabled; the bucket owner still owns every log object and
 * public access stays blocked.
 */
export class AccessLogsBucket extends Bucket {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'ExpireAccessLogs',
          expiration: Duration.days(ACCESS_LOG_RETENTION_DAYS),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
  }
}
