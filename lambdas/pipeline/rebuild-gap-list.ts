import type { PeriodReport } from '../core/report/period-report';
import type { PracticeSnapshot } from '../core/snapshot';
import { renderGapListWorkbook } from '../render/gap-list-workbook';
import type { ReportDeps } from './build-period-report';
import { readSmallObject } from './read-small-object';
import { reportKeys, XLSX_TYPE } from './report-keys';
import type { GapRows } from './save-snapshot';

/** Re-renders a practice's gap list from its staged rows, now with its place in the ICB. */
export async function rebuildGapList(
  deps: ReportDeps,
  report: PeriodReport,
  snapshot: PracticeSnapshot,
): Promise<string> {
  const bucket = deps.config.reportsBucket;
  const { period, practiceCode } = snapshot;
  const staged = await readSmallObject(deps.objects, bucket, reportKeys.gapRows(practiceCode, period, snapshot.source));
  const rows = JSON.parse(staged.toString('utf8')) as GapRows;
  const metrics = report.practices.find((row) => row.practice_code === practiceCode);
  if (!metrics) throw new Error(`No report row for practice ${practiceCode} in ${period}.`);

  const key = reportKeys.gapList(practiceCode, period);
  const workbook = await renderGapListWorkbook({
    period,
    practiceCode,
    practiceName: metrics.practice_name,
    clinicalSystem: metrics.clinical_system ?? snapshot.clinicalSystem,
    extractDate: snapshot.extractDate,
    metrics,
    icbPosition: {
      icbName: report.icbName,
      medianNoPreferencePct: report.medianNoPreferencePct,
      reportingPractices: report.completeness.reporting,
    },
    ...rows,
  });
  await deps.objects.put(bucket, key, workbook, XLSX_TYPE);
  return key;
}
