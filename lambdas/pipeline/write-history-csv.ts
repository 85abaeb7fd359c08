import { Readable } from 'node:stream';
import type { PipelineConfig } from '../config';
import { historyRows } from '../core/report/history-rows';
import type { PracticeSnapshot } from '../core/snapshot';
import type { DirectoryStore, ObjectStore, SnapshotStore } from '../ports';
import { TIDY_CSV_HEADER, tidyCsvLine } from '../render/tidy-csv';
import { reportKeys } from './report-keys';

export interface HistoryCsvDeps {
  objects: ObjectStore;
  snapshots: SnapshotStore;
  directory: DirectoryStore;
  config: Pick<PipelineConfig, 'reportsBucket' | 'icbName' | 'assumptions' | 'suppressSmallNumbers'>;
  now: () => Date;
}

/**
 * Rebuilds `practice-metrics-history.csv` (SPEC §4.3) from every stored snapshot: each period's rows as its
 * monthly tidy CSV has them, oldest period first, under one header. Streamed a period at a time, so only the
 * snapshots (aggregates) are held, never the whole file. Returns its key.
 */
export async function writeHistoryCsv(deps: HistoryCsvDeps): Promise<string> {
  const periods = await deps.snapshots.listPeriods();
  const [directory, stored] = await Promise.all([
    deps.directory.listPractices(),
    Promise.all(periods.map(async (p) => [p, await deps.snapshots.listSnapshots(p)] as const)),
  ]);
  const snapshotsByPeriod = new Map<string, readonly PracticeSnapshot[]>(stored);
  const { config } = deps;
  function* lines(): Generator<Buffer> {
    yield Buffer.from(`${TIDY_CSV_HEADER}\n`);
    for (const { rows } of historyRows({
      icbName: config.icbName,
      generatedAt: deps.now().toISOString(),
      directory,
      snapshotsByPeriod,
      assumptions: config.assumptions,
      suppressSmallNumbers: config.suppressSmallNumbers,
    })) {
      // Disclosure control as in this run's monthly CSV and workbook (SPEC §3).
      yield Buffer.from(rows.map((row) => `${tidyCsvLine(row, config.suppressSmallNumbers)}\n`).join(''));
    }
  }
  const key = reportKeys.historyCsv();
  await deps.objects.put(config.reportsBucket, key, Readable.from(lines()), 'text/csv; charset=utf-8');
  return key;
}
