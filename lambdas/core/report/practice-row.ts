import type { PracticeCounts } from '../metrics/practice-counts';
import { practiceMetrics } from '../metrics/practice-metrics';
import type { SmsCostAssumptions } from './period-report';
import { type FunnelFlag, type PracticeMetrics, type PracticeStatus, TIDY_COLUMNS } from './tidy-columns';

export interface PracticeIdentity {
  period: string;
  practiceCode: string;
  practiceName?: string;
  pcn?: string;
  clinicalSystem?: string;
  extractDate?: string;
  /** SPEC §3 `status`; absent on a totals row (ICB, PCN). */
  status?: PracticeStatus;
}

export interface PracticeComparisons {
  decile?: number;
  funnelZ?: number;
  funnelFlag?: FunnelFlag;
  changePctPoints?: number;
}

/**
 * A practice's tidy row. Without counts (no export this period) only the identity columns are
 * filled: numbers are never carried forward.
 */
export function practiceRow(
  identity: PracticeIdentity,
  counts: PracticeCounts | undefined,
  assumptions: SmsCostAssumptions,
  comparisons: PracticeComparisons = {},
): PracticeMetrics {
  const head = {
    period: identity.period,
    practice_code: identity.practiceCode,
    practice_name: identity.practiceName,
    pcn: identity.pcn,
    clinical_system: identity.clinicalSystem,
  };
  if (counts === undefined) return { ...emptyRow(), ...head, status: identity.status };
  return {
    ...head,
    extract_date: identity.extractDate,
    ...practiceMetrics(counts, assumptions),
    decile: comparisons.decile,
    funnel_z: comparisons.funnelZ,
    funnel_flag: comparisons.funnelFlag,
    change_pct_points: comparisons.changePctPoints,
    status: identity.status,
  };
}

/** Every column present and undefined: shown blank. */
function emptyRow(): PracticeMetrics {
  return Object.fromEntries(TIDY_COLUMNS.map(({ column }) => [column, undefined])) as unknown as PracticeMetrics;
}
