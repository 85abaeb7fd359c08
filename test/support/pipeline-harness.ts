import { createHash } from 'node:crypto';
import { createDocumentClient, createS3Client } from '../../lambdas/adapters/aws-clients';
import { DynamoTable } from '../../lambdas/adapters/dynamo-table';
import { FsScratchSpace } from '../../lambdas/adapters/fs-scratch-space';
import { S3ObjectStore } from '../../lambdas/adapters/s3-object-store';
import type { PipelineConfig } from '../../lambdas/config';
import { LOCAL_NAMES, type LocalServers, startLocalServers } from '../../lambdas/local/local-servers';
import { createLogger, type Logger } from '../../lambdas/logger';
import type { ReportDeps } from '../../lambdas/pipeline/build-period-report';
import type { IngestDeps } from '../../lambdas/pipeline/ingest-deps';
import type { DirectoryEntry, ObjectStore } from '../../lambdas/ports';

export const EXPORTS_BUCKET = LOCAL_NAMES.exportsBucket;
export const REPORTS_BUCKET = LOCAL_NAMES.reportsBucket;

/** The store interfaces the real DynamoDB adapter provides, as the pipeline sees them. */
export type Table = IngestDeps['snapshots'] & IngestDeps['ledger'] & IngestDeps['directory'];

/**
 * The real adapters (S3ObjectStore, DynamoTable) against in-process S3/DynamoDB servers on loopback,
 * with every log line captured: what pipeline tests wrap with fault-injecting decorators.
 */
export interface PipelineHarness {
  objects: S3ObjectStore;
  table: DynamoTable;
  /** Environment that points the handlers (and their AWS clients) at these servers. */
  env: Record<string, string>;
  /** Every JSON log line written through `logger`, in order. */
  logLines: string[];
  logger: Logger;
  config: Pick<
    PipelineConfig,
    'reportsBucket' | 'assumptions' | 'tmpDir' | 'userMapping' | 'icbName' | 'suppressSmallNumbers'
  >;
  /** Ingest dependencies, with the given stores in place of the real ones. */
  ingestDeps(stores?: { objects?: ObjectStore; table?: Table; now?: () => Date }): IngestDeps;
  reportDeps(stores?: { objects?: ObjectStore; table?: Table; now?: () => Date }): ReportDeps;
  /** Puts an export in the exports bucket, as a practice's upload would. */
  land(key: string, body: Uint8Array | string): Promise<void>;
  /** The whole body of an object as text. */
  read(bucket: string, key: string): Promise<string>;
  /** Keys under a prefix, sorted. */
  keys(bucket: string, prefix: string): Promise<string[]>;
  directory(entries: DirectoryEntry[]): Promise<void>;
  close(): Promise<void>;
}

/** The ETag S3 gives an object uploaded in one part (its MD5), as the S3 event carries it. */
export function etagOf(body: Uint8Array | string): string {
  return createHash('md5').update(body).digest('hex');
}

/** Fixed "now" for ingest records: after every fixture's extract date. */
export const HARNESS_NOW = new Date('2026-11-02T09:00:00Z');

export async function startPipelineHarness(): Promise<PipelineHarness> {
  const servers: LocalServers = await startLocalServers(undefined);
  // The SDK reads credentials from the environment; the servers accept these.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: servers.env.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: servers.env.AWS_SECRET_ACCESS_KEY,
    AWS_REGION: servers.env.AWS_REGION,
  });
  const aws = {
    region: LOCAL_NAMES.region,
    s3Endpoint: servers.s3Endpoint,
    dynamoEndpoint: servers.dynamoEndpoint,
    forcePathStyle: true,
  };
  const objects = new S3ObjectStore(createS3Client(aws));
  const table = new DynamoTable(createDocumentClient(aws), LOCAL_NAMES.tableName);
  const logLines: string[] = [];
  const logger = createLogger({ service: 'pcm-reporter-test', level: 'debug', sink: (line) => logLines.push(line) });
  const { tmpdir } = await import('node:os');
  const config = {
    reportsBucket: REPORTS_BUCKET,
    icbName: 'NHS Fault Test ICB',
    assumptions: { costPerFragmentGbp: 0.025, invitesPerYear: 2, fragmentsPerInvite: 1, vatRate: 0 },
    tmpDir: tmpdir(),
    suppressSmallNumbers: false,
    userMapping: undefined,
  };
  const scratch = new FsScratchSpace(config.tmpDir);
  let tick = 0;
  // Strictly increasing, so "same extract date: the later ingest wins" is deterministic.
  const defaultNow = () => new Date(HARNESS_NOW.getTime() + tick++ * 1000);

  return {
    env: servers.env,
    objects,
    table,
    logLines,
    logger,
    config,
    ingestDeps: (stores = {}) => {
      const t = stores.table ?? table;
      return {
        objects: stores.objects ?? objects,
        snapshots: t,
        ledger: t,
        directory: t,
        scratch,
        config,
        logger,
        now: stores.now ?? defaultNow,
      };
    },
    reportDeps: (stores = {}) => {
      const t = stores.table ?? table;
      return {
        objects: stores.objects ?? objects,
        snapshots: t,
        ledger: t,
        directory: t,
        config,
        logger,
        now: stores.now ?? defaultNow,
      };
    },
    land: (key, body) =>
      objects.put(EXPORTS_BUCKET, key, typeof body === 'string' ? body : Buffer.from(body), 'text/csv'),
    read: async (bucket, key) => {
      const object = await objects.get(bucket, key);
      const chunks: Buffer[] = [];
      for await (const chunk of object.body) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    },
    keys: async (bucket, prefix) => (await objects.list(bucket, prefix)).sort(),
    directory: (entries) => table.upsertPractices(entries),
    close: () => servers.close(),
  };
}
