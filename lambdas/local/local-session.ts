import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createDocumentClient, createS3Client } from '../adapters/aws-clients';
import { DynamoTable } from '../adapters/dynamo-table';
import { S3ObjectStore } from '../adapters/s3-object-store';
import { loadPipelineConfig, type PipelineConfig } from '../config';
import { startLocalServers } from './local-servers';
import { lockState } from './state-lock';

/** What a local command works with: the same config and adapters the Lambdas build. */
export interface LocalSession {
  outDir: string;
  config: Readonly<PipelineConfig>;
  objects: S3ObjectStore;
  table: DynamoTable;
}

/**
 * Starts the in-process S3/DynamoDB servers with their state in `<outDir>/.state` (so history is
 * kept between runs into the same folder), points the handlers' environment at them, runs `work`,
 * and stops the servers whatever happens.
 */
export async function withLocalSession<T>(
  outDir: string,
  env: Record<string, string>,
  work: (session: LocalSession) => Promise<T>,
): Promise<T> {
  const stateDir = join(outDir, '.state');
  // One process at a time: a second one is told which command holds the state (e.g. `serve`).
  const unlock = await lockState(stateDir);
  const servers = await startLocalServers(stateDir).catch(async (error) => {
    await unlock();
    throw error;
  });
  try {
    const tmpDir = join(stateDir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    Object.assign(process.env, servers.env, { TMP_DIR: tmpDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' }, env);
    const config = loadPipelineConfig(process.env);
    return await work({
      outDir,
      config,
      objects: new S3ObjectStore(createS3Client(config.aws)),
      table: new DynamoTable(createDocumentClient(config.aws), config.tableName),
    });
  } finally {
    await servers.close();
    await unlock();
  }
}
