import type { DirectoryEntry } from '../directory/directory-entry';
import type { PracticeSnapshot } from '../snapshot';
import { assemblePeriodReport } from './assemble-period-report';
import type { SmsCostAssumptions } from './period-report';
import type { PracticeMetrics } from './tidy-columns';

export interface HistoryInput {
  icbName: string;
  generatedAt: string;
  directory: readonly DirectoryEntry[];
  /** Every stored period's snapshots, keyed by period. */
  snapshotsByPeriod: ReadonlyMap<string, readonly PracticeSnapshot[]>;
  assumptions: SmsCostAssumptions;
  suppressSmallNumbers: boolean;
}

/**
 * Each stored period's tidy rows, oldest period first, for `practice-metrics-history.csv` (SPEC §4.3). Every
 * period is assembled as its monthly report assembles it (the earlier periods as its history), so its rows
 * equal that month's tidy CSV. One period at a time: a caller can write each before the next is built.
 */
export function* historyRows(input: HistoryInput): Generator<{ period: string; rows: PracticeMetrics[] }> {
  const periods = [...input.snapshotsByPeriod.keys()].sort();
  for (const period of periods) {
    const history = new Map(
      periods.filter((p) => p < period).map((p) => [p, input.snapshotsByPeriod.get(p) ?? []] as const),
    );
    const report = assemblePeriodReport({
      icbName: input.icbName,
      period,
      generatedAt: input.generatedAt,
      directory: input.directory,
      snapshots: input.snapshotsByPeriod.get(period) ?? [],
      history,
      // Ingest records feed only the Data quality sheet, never a tidy row.
      fileRecords: [],
      assumptions: input.assumptions,
      suppressSmallNumbers: input.suppressSmallNumbers,
    });
    yield { period, rows: report.practices };
  }
}
