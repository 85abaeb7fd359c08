import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { BY_PERIOD_INDEX } from '../adapters/dynamo-table';
import { makePrivateDir } from '../adapters/private-file';
import type { AwsConnection } from '../config';

/** Names used in local mode (3+ characters, as the servers require). */
export const LOCAL_NAMES = {
  exportsBucket: 'pcm-exports',
  reportsBucket: 'pcm-reports',
  tableName: 'pcm-reporter',
  region: 'eu-west-2',
} as const;

export interface LocalServers {
  s3Endpoint: string;
  dynamoEndpoint: string;
  /** How clients reach these servers, with the fixed keys they accept. */
  connection: AwsConnection;
  /** The same as Lambda environment variables (names, endpoints), for tests and scripts that read an environment. */
  env: Record<string, string>;
  /**
   * The file in which the S3 server keeps an object's bytes. Local mode copies its outputs from there
   * rather than over HTTP through the SDK (docs/performance.md); everything else goes through the API.
   */
  objectFile(bucket: string, key: string): string;
  /**
   * Stores a file as an object through the S3 server's own store, as its PUT handler would (bytes, MD5 etag,
   * content type), without the request: how local mode hands an export to the pipeline (docs/performance.md).
   */
  putFile(bucket: string, key: string, path: string, contentType: string): Promise<void>;
  close(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * Starts S3- and DynamoDB-compatible servers in this process on loopback (port 0), with their
 * stores under `stateDir` (or in memory), and creates the buckets and table if they are new.
 */
export async function startLocalServers(stateDir: string | undefined): Promise<LocalServers> {
  let dynamoPath: string | undefined;
  let s3Path: string;
  if (stateDir) {
    // The stores hold gap-list rows and quarantined exports: the folder is its owner's only.
    await makePrivateDir(stateDir);
    dynamoPath = join(stateDir, 'dynamodb');
    s3Path = join(stateDir, 's3');
    await mkdir(dynamoPath, { recursive: true });
    await mkdir(s3Path, { recursive: true });
  } else {
    s3Path = join((await import('node:os')).tmpdir(), `pcm-s3-${process.pid}-${Date.now()}`);
  }

  const dynamo = dynalite({ path: dynamoPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(0, '127.0.0.1', () => resolve());
  });
  const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Path });
  const s3Address = (await s3.run()) as AddressInfo;

  const dynamoEndpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;
  const s3Endpoint = `http://127.0.0.1:${s3Address.port}`;
  await createBuckets(s3Endpoint);
  await createTable(dynamoEndpoint);

  return {
    s3Endpoint,
    dynamoEndpoint,
    connection: {
      region: LOCAL_NAMES.region,
      s3Endpoint,
      dynamoEndpoint,
      forcePathStyle: true,
      credentials: CREDENTIALS,
    },
    env: {
      AWS_REGION: LOCAL_NAMES.region,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      S3_ENDPOINT: s3Endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      TABLE_NAME: LOCAL_NAMES.tableName,
      EXPORTS_BUCKET: LOCAL_NAMES.exportsBucket,
      REPORTS_BUCKET: LOCAL_NAMES.reportsBucket,
    },
    objectFile: (bucket, key) => s3.store.getResourcePath(bucket, key, 'object'),
    async putFile(bucket, key, path, contentType) {
      // What s3rver's PUT leaves: the bytes at the object's path, then its metadata and MD5 etag. Not its own
      // putObject, which pipes without passing on a read error (a file gone or unreadable would hang the run).
      const target = s3.store.getResourcePath(bucket, key, 'object');
      await mkdir(dirname(target), { recursive: true });
      const md5 = createHash('md5');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          md5.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(createReadStream(path), hashing, createWriteStream(target));
      } catch (error) {
        await rm(target, { force: true });
        throw error;
      }
      await s3.store.putMetadata(bucket, key, { 'content-type': contentType }, md5.digest('hex'));
    },
    async close() {
      await s3.close();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}

async function createBuckets(endpoint: string): Promise<void> {
  const client = new S3Client({ region: LOCAL_NAMES.region, endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  for (const bucket of [LOCAL_NAMES.exportsBucket, LOCAL_NAMES.reportsBucket]) {
    try {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    }
  }
  client.destroy();
}

/** The same keys and GSI as the deployed table (lib/constructs), so queries behave alike. */
async function createTable(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({ region: LOCAL_NAMES.region, endpoint, credentials: CREDENTIALS });
  try {
    await client.send(new DescribeTableCommand({ TableName: LOCAL_NAMES.tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(
      new CreateTableCommand({
        TableName: LOCAL_NAMES.tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: BY_PERIOD_INDEX,
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    // dynalite answers "not found" to item writes while the table is CREATING, even with createTableMs 0:
    // a write that came first under load failed (a flaky test). Wait until it is ACTIVE.
    await waitUntilTableExists(
      { client, maxWaitTime: 30, minDelay: 0.05, maxDelay: 0.2 },
      { TableName: LOCAL_NAMES.tableName },
    );
  }
  client.destroy();
}
