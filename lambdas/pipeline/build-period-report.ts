import type { PipelineConfig } from '../config';
import { previousPeriod } from '../core/period';
import { assemblePeriodReport } from '../core/report/assemble-period-report';
import type { PeriodReport } from '../core/report/period-report';
import { type PracticeSnapshot, withPendingSnapshots } from '../core/snapshot';
import type { Logger } from '../logger';
import type { DirectoryStore, FileRecord, LedgerStore, ObjectStore, SnapshotStore } from '../ports';
import { renderIcbWorkbook } from '../render/icb-workbook';
import { renderTidyCsv } from '../render/tidy-csv';
import { refreshGapList } from './refresh-gap-list';
import { reportKeys, XLSX_TYPE } from './report-keys';
import { writeHistoryCsv } from './write-history-csv';

export interface ReportDeps {
  objects: ObjectStore;
  snapshots: SnapshotStore;
  ledger: LedgerStore;
  directory: DirectoryStore;
  config: Pick<PipelineConfig, 'reportsBucket' | 'icbName' | 'assumptions' | 'suppressSmallNumbers'>;
  logger: Logger;
  now: () => Date;
}

export interface ReportResult {
  period: string;
  reportKey: string;
  csvKey: string;
  /** `practice-metrics-history.csv`: every stored period's rows, rebuilt by each run. */
  historyCsvKey: string;
  gapListKeys: string[];
  /** How many of those were rendered now; the rest were already up to date (see refreshGapList). */
  gapListsRendered: number;
  /** Practices with an export this period. */
  practices: string[];
  reporting: number;
  expected: number;
  quarantinedFiles: number;
  report: PeriodReport;
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
  deps: Omit<ReportDeps, 'objects'>,
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

/**
 * Builds one period's ICB workbook and tidy CSV from the stored snapshots, after bringing each
 * reporting practice's gap list up to date with where it now sits in the ICB.
 */
export async function buildPeriodReport(deps: ReportDeps, period: string): Promise<ReportResult> {
  const { report, snapshots } = await loadPeriodReport(deps, period);
  const bucket = deps.config.reportsBucket;
  const gapListKeys: string[] = [];
  let gapListsRendered = 0;
  for (const snapshot of snapshots) {
    try {
      const { key, rendered } = await refreshGapList(deps, report, snapshot);
      gapListKeys.push(key);
      if (rendered) gapListsRendered += 1;
    } catch (error) {
      // Nothing under reports/ has been written yet: the month's previous report (if any) stays whole.
      throw new Error(
        `Could not update the gap list for ${snapshot.practiceCode} (${period}); no report was written. ` +
          'The run can be retried safely.',
        { cause: error },
      );
    }
  }
  const reportKey = reportKeys.icbWorkbook(period);
  const csvKey = reportKeys.tidyCsv(period);
  // The CSV first, the workbook last: the workbook's presence says the month's report is complete.
  await deps.objects.put(bucket, csvKey, renderTidyCsv(report.practices), 'text/csv; charset=utf-8');
  await deps.objects.put(bucket, reportKey, await renderIcbWorkbook(report), XLSX_TYPE);
  // Then every period's rows in one file for Power BI, so that nobody appends months by hand.
  const historyCsvKey = await writeHistoryCsv(deps);

  deps.logger.info('period report built', {
    period,
    reporting: report.completeness.reporting,
    expected: report.completeness.expected,
    quarantinedFiles: report.dataQuality.quarantinedFiles.length,
    gapListsRendered,
    gapListsUpToDate: gapListKeys.length - gapListsRendered,
  });
  return {
    period,
    reportKey,
    csvKey,
    historyCsvKey,
    gapListKeys,
    gapListsRendered,
    practices: snapshots.map((s) => s.practiceCode).sort(),
    reporting: report.completeness.reporting,
    expected: report.completeness.expected,
    quarantinedFiles: report.dataQuality.quarantinedFiles.length,
    report,
  };
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
