import { createDocumentClient, createS3Client } from '../adapters/aws-clients';
import { DynamoTable } from '../adapters/dynamo-table';
import { FsScratchSpace } from '../adapters/fs-scratch-space';
import { S3ObjectStore } from '../adapters/s3-object-store';
import type { PipelineConfig } from '../config';
import type { Logger } from '../logger';
import type { NotifyConfig } from '../notify-config';
import type { Mailer, ScratchSpace } from '../ports';

/** What the notify handler sends with: its settings, the transport and the gap-list links. */
export interface NotifyAdapters {
  config: Readonly<NotifyConfig>;
  mailer: Mailer;
  /** A time-limited link to a reports-bucket key: presigned S3 in AWS, a file:// URL locally. */
  link: (key: string, expiresInSeconds: number) => Promise<string>;
}

/**
 * Everything a handler needs from the world, built once by its entry: from the Lambda environment
 * (runtime-from-environment.ts) or from local mode's in-process servers (local/runtime-from-servers.ts).
 * Handlers never read the environment themselves, so Lambda and local mode differ only here.
 */
export interface Runtime {
  readonly config: Readonly<PipelineConfig>;
  readonly objects: S3ObjectStore;
  readonly table: DynamoTable;
  /** Where an ingest spills gap rows and spools zip archives (the Lambda's /tmp, or <out>/.state/tmp locally). */
  readonly scratch: ScratchSpace;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Publishes that a period's report was produced (the "no report this month" alarm watches it). */
  readonly reportProduced: (period: string, at: Date) => void;
  /** The email side for one period, built on first use: only the notify handler needs its settings. */
  readonly notifyAdapters: (period: string) => NotifyAdapters;
}

/** The S3, DynamoDB and scratch-space adapters for a configuration: the same classes in AWS and locally. */
export function createStores(config: Readonly<PipelineConfig>): Pick<Runtime, 'objects' | 'table' | 'scratch'> {
  return {
    scratch: new FsScratchSpace(config.tmpDir),
    objects: new S3ObjectStore(createS3Client(config.aws)),
    table: new DynamoTable(createDocumentClient(config.aws), config.tableName),
  };
}
