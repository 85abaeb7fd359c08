import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient, createS3Client } from '../lambdas/adapters/aws-clients';
import { DynamoTable } from '../lambdas/adapters/dynamo-table';
import { S3ObjectStore } from '../lambdas/adapters/s3-object-store';
import { loadPipelineConfig } from '../lambdas/config';
import { startLocalServers } from '../lambdas/local/local-servers';
import { sqsEventForNewObject } from '../lambdas/local/s3-event';
import { benchDirectory } from './bench-data';
import { measure, peakRssMb } from './measure';
import type { ScenarioResult } from './scenario';

/**
 * One practice's export end to end through the real handlers, AWS SDK clients and the in-process
 * S3/DynamoDB servers of local mode: what a Lambda invocation does, minus the network. Reports each
 * handler's own time; the first ingest includes creating the SDK clients (a cold start's share).
 */
export async function runPracticeThroughLocalServers(
  file: string,
  period: string,
): Promise<Omit<ScenarioResult, 'peakHeapUsedMb' | 'peakExternalMb'>> {
  const root = await mkdtemp(join(tmpdir(), 'pcm-bench-local-'));
  const servers = await startLocalServers(join(root, 'state'));
  try {
    const tmpDir = join(root, 'tmp');
    await mkdir(tmpDir);
    Object.assign(process.env, servers.env, { TMP_DIR: tmpDir, LOG_LEVEL: 'error' });
    const config = loadPipelineConfig(process.env);
    const objects = new S3ObjectStore(createS3Client(config.aws));
    const table = new DynamoTable(createDocumentClient(config.aws), config.tableName);
    await table.upsertPractices(benchDirectory(1));
    const size = (await stat(file)).size;
    const land = async (key: string) => {
      await objects.put(config.exportsBucket, key, createReadStream(file), 'text/csv');
      return sqsEventForNewObject(config.exportsBucket, key, size, '');
    };
    // Imported only now, so that the handlers' clients point at these servers.
    const ingest = await import('../lambdas/handlers/ingest');
    const monthlyReport = await import('../lambdas/handlers/monthly-report');

    const first = await land('exports/Y10000_2026-09-30.csv');
    const cold = await measure(() => ingest.handler(first));
    const second = await land('exports/again/Y10000_2026-09-30.csv');
    const warm = await measure(() => ingest.handler(second));
    for (const response of [cold.value, warm.value]) {
      if (response.batchItemFailures.length > 0 || response.outcomes[0]?.status !== 'ingested') {
        throw new Error(`The practice export was not ingested: ${JSON.stringify(response.outcomes)}`);
      }
    }
    const report = await measure(() => monthlyReport.handler({ period }));
    return {
      kind: 'local-servers',
      wallMs: cold.wallMs + warm.wallMs + report.wallMs,
      cpuMs: cold.cpuMs + warm.cpuMs + report.cpuMs,
      peakRssMb: peakRssMb(),
      rows: cold.value.outcomes[0]?.practices[0]?.registered ?? 0,
      ingestHandlerMs: cold.wallMs,
      ingestHandlerWarmMs: warm.wallMs,
      reportHandlerMs: report.wallMs,
    };
  } finally {
    await servers.close();
    await rm(root, { recursive: true, force: true });
  }
}
