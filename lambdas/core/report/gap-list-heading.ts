import type { PracticeSnapshot } from '../snapshot';
import type { GapList } from './gap-list';
import type { PeriodReport } from './period-report';

/** Everything on a gap list except its patients: what the Summary sheet shows. */
export type GapListHeading = Omit<GapList, 'noPreference' | 'fixContactDetails' | 'fixRecords' | 'previousList'>;

/**
 * A practice's gap list heading from a period report: its metrics row and its place in the ICB
 * (median, number of reporting practices). Throws when the report has no row for the practice,
 * which would mean the report was assembled without the practice's snapshot.
 */
export function gapListHeading(report: PeriodReport, snapshot: PracticeSnapshot): GapListHeading {
  const { period, practiceCode } = snapshot;
  const metrics = report.practices.find((row) => row.practice_code === practiceCode);
  if (!metrics) throw new Error(`No report row for practice ${practiceCode} in ${period}.`);
  return {
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
  };
}
