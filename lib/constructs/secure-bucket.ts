import { RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  type LifecycleRule,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface SecureBucketProps {
  /** Customer-managed key for SSE-KMS (S3 Bucket Keys on, to keep KMS requests and cost down). */
  readonly encryptionKey: IKey;
  /** Where S3 writes this bucket's server access logs. */
  readonly serverAccessLogsBucket: IBucket;
  /** Key prefix of this bucket's logs in the access-logs bucket, e.g. `exports-bucket/`. */
  readonly serverAccessLogsPrefix: string;
  /** Retention rules; see lib/storage/lifecycle-rules.ts. */
  readonly lifecycleRules: LifecycleRule[];
}

/**
 * A bucket for patient-level files: SSE-KMS with the customer key, TLS 1.2+ only, every form of public access
 * blocked, ACLs disabled, versioned, access-logged, and retained when the stack is deleted.
 */
export class SecureBucket extends Bucket {
  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id, {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.serverAccessLogsBucket,
      serverAccessLogsPrefix: props.serverAccessLogsPrefix,
      lifecycleRules: props.lifecycleRules,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
