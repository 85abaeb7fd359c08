import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DynamoTable } from '../adapters/dynamo-table';
import type { S3ObjectStore } from '../adapters/s3-object-store';
import type { PipelineConfig } from '../config';
import { checkLocalPaths } from './check-local-paths';
import { type LocalServers, startLocalServers } from './local-servers';
import { type LocalRuntime, runtimeFromServers } from './runtime-from-servers';
import { lockState } from './state-lock';

/** What a local command works with: the runtime the handlers are built from, and its stores. */
export interface LocalSession {
  outDir: string;
  runtime: LocalRuntime;
  config: Readonly<PipelineConfig>;
  objects: S3ObjectStore;
  table: DynamoTable;
  /** Where the S3 server keeps an object's bytes, for copying outputs out (LocalServers.objectFile). */
  objectFile(bucket: string, key: string): string;
  /** Stores a file as an object in the S3 server without a request (LocalServers.putFile). */
  putFile: LocalServers['putFile'];
}

/**
 * Starts the in-process S3/DynamoDB servers with their state in `<outDir>/.state` (so history is
 * kept between runs into the same folder), builds the runtime on them from `env` (settings as
 * Lambda environment variables), runs `work`, and stops the servers whatever happens.
 */
export async function withLocalSession<T>(
  outDir: string,
  env: Readonly<Record<string, string | undefined>>,
  work: (session: LocalSession) => Promise<T>,
): Promise<T> {
  await checkLocalPaths({ outDir });
  const stateDir = join(outDir, '.state');
  // One process at a time: a second one is told which command holds the state (e.g. `serve`).
  const unlock = await lockState(stateDir);
  const servers = await startLocalServers(stateDir).catch(async (error) => {
    await unlock();
    throw error;
  });
  let runtime: LocalRuntime | undefined;
  try {
    const tmpDir = join(stateDir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    runtime = runtimeFromServers(servers, { env, outDir, tmpDir });
    const { config, objects, table } = runtime;
    return await work({
      outDir,
      runtime,
      config,
      objects,
      table,
      objectFile: servers.objectFile,
      putFile: servers.putFile,
    });
  } finally {
    runtime?.close();
    await servers.close();
    await unlock();
  }
}
