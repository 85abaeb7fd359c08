import type { PipelineConfig } from '../config';
import type { PeriodReport } from '../core/report/period-report';
import type { Logger } from '../logger';
import type { DirectoryStore, LedgerStore, ObjectStore, SnapshotStore } from '../ports';
import { renderIcbWorkbook } from '../render/icb-workbook';
import { renderTidyCsv } from '../render/tidy-csv';
import { GAP_LIST_LANES, inLanes } from './in-lanes';
import { loadPeriodReport } from './load-period-report';
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

/**
 * Builds one period's ICB workbook and tidy CSV from the stored snapshots, after bringing each
 * reporting practice's gap list up to date with where it now sits in the ICB.
 */
export async function buildPeriodReport(deps: ReportDeps, period: string): Promise<ReportResult> {
  const { report, snapshots } = await loadPeriodReport(deps, period);
  const bucket = deps.config.reportsBucket;
  // Two practices at a time, as at ingest: one list's checks (a ledger read, a HEAD) wait while the other's run.
  const refreshed: { key: string; rendered: boolean }[] = [];
  await inLanes(snapshots, GAP_LIST_LANES, async (snapshot, index) => {
    try {
      refreshed[index] = await refreshGapList(deps, report, snapshot);
    } catch (error) {
      // Nothing under reports/ has been written yet: the month's previous report (if any) stays whole.
      throw new Error(
        `Could not update the gap list for ${snapshot.practiceCode} (${period}); no report was written. ` +
          'The run can be retried safely.',
        { cause: error },
      );
    }
  });
  const gapListKeys = refreshed.map(({ key }) => key);
  const gapListsRendered = refreshed.filter(({ rendered }) => rendered).length;
  const reportKey = reportKeys.icbWorkbook(period);
  const csvKey = reportKeys.tidyCsv(period);
  // The CSV first, the workbook last: the workbook's presence says the month's report is complete.
  // Suppressed exactly as the workbook is, when the run makes shareable copies (SPEC §3).
  const csv = renderTidyCsv(report.practices, { suppressSmallNumbers: report.suppressSmallNumbers });
  await deps.objects.put(bucket, csvKey, csv, 'text/csv; charset=utf-8');
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
