import type { PipelineConfig } from '../config';
import { previousPeriod } from '../core/period';
import { assemblePeriodReport } from '../core/report/assemble-period-report';
import type { PeriodReport } from '../core/report/period-report';
import { type PracticeSnapshot, withPendingSnapshots } from '../core/snapshot';
import type { DirectoryStore, FileRecord, LedgerStore, SnapshotStore } from '../ports';

/** What loadPeriodReport reads: the stores of snapshots, ingest records and the directory. */
export interface PeriodReportDeps {
  snapshots: SnapshotStore;
  ledger: LedgerStore;
  directory: DirectoryStore;
  config: Pick<PipelineConfig, 'icbName' | 'assumptions' | 'suppressSmallNumbers'>;
  now: () => Date;
}

/** What loadPeriodReport should read besides the period's snapshots and the directory. */
export interface PeriodReportScope {
  /**
   * Snapshots about to be stored (an ingest placing its practices' gap lists in the ICB before it stores them),
   * each counted as the store will count it (withPendingSnapshots).
   */
  pending?: readonly PracticeSnapshot[];
  /**
   * Only what a gap list heading reads: the reporting practices' rows (which look back one month, for the
   * change) and the ICB median. Trend, missing/stale practices and data quality are then left incomplete, and
   * an ingest reads one earlier month instead of every one.
   */
  gapListsOnly?: boolean;
}

/** Assembles one period's report model from what is stored (directory, snapshots, ingest records). */
export async function loadPeriodReport(
  deps: PeriodReportDeps,
  period: string,
  scope: PeriodReportScope = {},
): Promise<{ report: PeriodReport; snapshots: PracticeSnapshot[] }> {
  // A gap list looks back one month only: its snapshots, if any, without listing every period first.
  const allPeriods = scope.gapListsOnly ? [] : await deps.snapshots.listPeriods();
  const earlier = scope.gapListsOnly ? [previousPeriod(period)] : allPeriods.filter((p) => p < period);
  const [directory, snapshots, history, fileRecords] = await Promise.all([
    deps.directory.listPractices(),
    deps.snapshots.listSnapshots(period).then((stored) => withPendingSnapshots(stored, scope.pending ?? [])),
    loadHistory(deps.snapshots, earlier),
    scope.gapListsOnly ? [] : fileRecordsFor(deps.ledger, period, allPeriods),
  ]);
  const report = assemblePeriodReport({
    icbName: deps.config.icbName,
    period,
    generatedAt: deps.now().toISOString(),
    directory,
    snapshots,
    history,
    fileRecords,
    assumptions: deps.config.assumptions,
    suppressSmallNumbers: deps.config.suppressSmallNumbers,
  });
  return { report, snapshots };
}

async function loadHistory(
  store: SnapshotStore,
  periods: readonly string[],
): Promise<Map<string, readonly PracticeSnapshot[]>> {
  const entries = await Promise.all(periods.map(async (p) => [p, await store.listSnapshots(p)] as const));
  return new Map(entries);
}

/**
 * The period's ingest records. A quarantined file whose name has no date, or whose period has no
 * report, is shown in the latest period (SPEC §6).
 */
async function fileRecordsFor(ledger: LedgerStore, period: string, periods: readonly string[]): Promise<FileRecord[]> {
  const latest = periods.at(-1);
  if (latest !== undefined && period !== latest) return ledger.listFileRecords(period);
  const known = new Set(periods);
  const all = await ledger.listFileRecords();
  return all.filter(
    (record) => record.period === period || (record.kind === 'quarantined' && !known.has(record.period)),
  );
}
