import { createDocumentClient, createS3Client } from '../adapters/aws-clients';
import { DynamoTable } from '../adapters/dynamo-table';
import { S3ObjectStore } from '../adapters/s3-object-store';
import type { PipelineConfig } from '../config';
import { createLogger, type Logger, logLevelFrom } from '../logger';

/** The adapters every handler needs, built once per Lambda container from its config. */
export interface Runtime {
  config: Readonly<PipelineConfig>;
  objects: S3ObjectStore;
  table: DynamoTable;
  logger: Logger;
  now: () => Date;
}

const cache = new Map<string, { fingerprint: string; runtime: Runtime }>();

/**
 * The runtime for this container, built on first use and reused across invocations (warm starts).
 * Rebuilt only if the configuration changed, which happens in local mode and tests, never in Lambda.
 */
export function cachedRuntime(config: Readonly<PipelineConfig>, service: string): Runtime {
  const fingerprint = JSON.stringify(config);
  const cached = cache.get(service);
  if (cached?.fingerprint === fingerprint) return cached.runtime;
  const runtime = createRuntime(config, service);
  cache.set(service, { fingerprint, runtime });
  return runtime;
}

export function createRuntime(config: Readonly<PipelineConfig>, service: string, env = process.env): Runtime {
  const table = new DynamoTable(createDocumentClient(config.aws), config.tableName);
  return {
    config,
    objects: new S3ObjectStore(createS3Client(config.aws)),
    table,
    logger: createLogger({ service, level: logLevelFrom(env.LOG_LEVEL) }),
    now: () => new Date(),
  };
}
