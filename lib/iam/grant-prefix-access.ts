import { Aws } from 'aws-cdk-lib';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { acknowledgeFinding, wildcardResourceFinding } from '../nag/acknowledge';

/** What one function may do under which key prefixes (each ends in `/`) of one bucket. */
export interface PrefixAccess {
  /** Prefixes whose objects the function reads (GetObject, also by version id). */
  readonly read?: readonly string[];
  /** Prefixes the function writes (PutObject, multipart uploads). */
  readonly write?: readonly string[];
  /** Prefixes the function deletes from (DeleteObject). */
  readonly delete?: readonly string[];
  /** Prefixes whose key names the function lists, without reading the objects. */
  readonly list?: readonly string[];
}

/**
 * Grants object actions on named prefixes only, never on the whole bucket, and listing only under those prefixes
 * (an `s3:prefix` condition). Each `<bucket>/<prefix>*` resource is acknowledged for cdk-nag with its reason.
 *
 * Note: without an unconditioned s3:ListBucket, S3 answers a GET of a missing key with 403 AccessDenied, not 404.
 */
export function grantPrefixAccess(role: Role, bucket: IBucket, access: PrefixAccess): void {
  const objectStatement = (sid: string, actions: string[], prefixes: readonly string[] | undefined) => {
    if (!prefixes || prefixes.length === 0) return;
    const resources = prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
    role.addToPrincipalPolicy(new PolicyStatement({ sid, actions, resources }));
    for (const [i, resource] of resources.entries()) {
      acknowledgeFinding(
        role,
        wildcardResourceFinding(role, resource),
        `Object keys under ${prefixes[i]} are created at run time (one per practice and period), so the grant ` +
          'names the prefix this function owns rather than individual keys; the rest of the bucket stays denied.',
      );
    }
  };
  const id = sidPart(bucket.node.id);
  objectStatement(`Read${id}Prefixes`, ['s3:GetObject', 's3:GetObjectVersion'], access.read);
  objectStatement(`Write${id}Prefixes`, ['s3:PutObject', 's3:AbortMultipartUpload'], access.write);
  objectStatement(`Delete${id}Prefixes`, ['s3:DeleteObject'], access.delete);

  const listed = unique([
    ...(access.read ?? []),
    ...(access.write ?? []),
    ...(access.delete ?? []),
    ...(access.list ?? []),
  ]);
  if (listed.length > 0) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: `List${id}Prefixes`,
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': listed.map((prefix) => `${prefix}*`) } },
      }),
    );
  }
}

/**
 * Lets the role use the customer key, but only through the services that store this stack's data, so the key
 * cannot be used directly to decrypt copied ciphertext.
 */
export function grantKeyUseViaServices(role: Role, key: IKey, services: readonly ('s3' | 'dynamodb')[]): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'UseDataKeyViaStorageServices',
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      resources: [key.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': services.map((service) => `${service}.${Aws.REGION}.amazonaws.com`) },
      },
    }),
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const NOT_ALPHANUMERIC = /[^A-Za-z0-9]/g;

/** IAM statement ids are alphanumeric. */
function sidPart(value: string): string {
  return value.replace(NOT_ALPHANUMERIC, '');
}
