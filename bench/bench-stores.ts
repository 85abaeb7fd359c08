import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsScratchSpace } from '../lambdas/adapters/fs-scratch-space';
import type { PipelineConfig } from '../lambdas/config';
import { createLogger, type Logger } from '../lambdas/logger';
import type { ReportDeps } from '../lambdas/pipeline/build-period-report';
import type { IngestDeps } from '../lambdas/pipeline/ingest-deps';
import type { GapListWorker } from '../lambdas/render/gap-list/gap-list-worker';
import { benchDirectory } from './bench-data';
import { DiskObjectStore } from './disk-object-store';
import { MemoryTable } from './memory-table';

export const BENCH_BUCKETS = { exports: 'pcm-exports', reports: 'pcm-reports' } as const;

/** A structured log line, parsed, with when it was written (wall clock and this process's CPU time). */
export interface LoggedLine {
  fields: Record<string, unknown>;
  atMs: number;
  cpuMs: number;
}

/** What the pipeline runs against in the benchmark, and what it logged. */
export interface BenchStores {
  objects: DiskObjectStore;
  table: MemoryTable;
  logs: LoggedLine[];
  ingestDeps: IngestDeps;
  reportDeps: ReportDeps;
  close(): Promise<void>;
}

/**
 * The pipeline's ports for the benchmark: objects in a temporary folder (DiskObjectStore), the table in
 * memory (MemoryTable), the practice directory of the generated exports, a fixed clock, and a logger
 * that keeps lines in memory with the time each was written: the ingest logs when it has read and
 * counted every row, which ends the "ingest" phase the benchmark compares with the parse floor.
 */
export async function openBenchStores(practices: number, gapListWorker?: GapListWorker): Promise<BenchStores> {
  const root = await mkdtemp(join(tmpdir(), 'pcm-bench-'));
  const tmpDir = join(root, 'tmp');
  await mkdir(tmpDir);
  const objects = new DiskObjectStore(join(root, 'objects'));
  const table = new MemoryTable();
  await table.upsertPractices(benchDirectory(practices));
  const logs: LoggedLine[] = [];
  const logger: Logger = createLogger({
    service: 'pcm-reporter-bench',
    level: 'info',
    sink: (line) => {
      const cpu = process.cpuUsage();
      logs.push({
        fields: JSON.parse(line) as Record<string, unknown>,
        atMs: performance.now(),
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    },
  });
  const config: Pick<
    PipelineConfig,
    'reportsBucket' | 'icbName' | 'assumptions' | 'tmpDir' | 'userMapping' | 'suppressSmallNumbers'
  > = {
    reportsBucket: BENCH_BUCKETS.reports,
    icbName: 'NHS Benchmark Integrated Care Board',
    assumptions: { costPerFragmentGbp: 0.025, invitesPerYear: 2, fragmentsPerInvite: 1, vatRate: 0 },
    tmpDir,
    userMapping: undefined,
    suppressSmallNumbers: false,
  };
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 9, 1, 9, 0, 0) + tick++ * 1000);
  const stores = { objects, snapshots: table, ledger: table, directory: table, config, logger, now };
  return {
    objects,
    table,
    logs,
    ingestDeps: { ...stores, scratch: new FsScratchSpace(tmpDir), gapListWorker },
    reportDeps: stores,
    close: () => rm(root, { recursive: true, force: true }),
  };
}
