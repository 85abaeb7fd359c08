import { type PracticeMetrics, TIDY_COLUMNS, type TidyColumn } from '../report/tidy-columns';

/** What a suppressed count is shown as. */
export const SUPPRESSED = '*';

/** Counts from 1 to this are suppressed in shareable copies; 0 is shown. */
export const SMALL_NUMBER_MAX = 7;

/**
 * Count columns subject to suppression: every `count` column of the tidy CSV except `decile`, which is a
 * rank, not a number of patients or rows.
 */
export const SUPPRESSIBLE_COUNT_COLUMNS: ReadonlySet<TidyColumn> = new Set(
  TIDY_COLUMNS.filter((c) => c.format === 'count' && c.column !== 'decile').map((c) => c.column),
);

/**
 * Which counts each derived column is computed from: the derived value is blanked when any of them is
 * suppressed, so a hidden count cannot be worked back from it. `funnel_z` is included because, with the
 * ICB mean shown, it gives the practice's exact percentage; `decile` and `funnel_flag` are coarse bands
 * and are kept.
 */
export const SUPPRESSION_DEPENDENCIES: Readonly<Partial<Record<TidyColumn, readonly TidyColumn[]>>> = {
  no_preference_pct: ['no_preference', 'registered'],
  no_preference_ci_low: ['no_preference', 'registered'],
  no_preference_ci_high: ['no_preference', 'registered'],
  adults_no_preference_pct: ['adults_no_preference', 'adults_16plus'],
  qof_no_preference_pct: ['qof_no_preference', 'qof_patients'],
  funnel_z: ['no_preference', 'registered'],
  change_pct_points: ['no_preference', 'registered'],
  est_annual_sms_cost_gbp: ['qof_default_to_sms'],
};

const DEPENDENCY_ENTRIES = Object.entries(SUPPRESSION_DEPENDENCIES) as [TidyColumn, readonly TidyColumn[]][];

function isSmall(value: number | string | undefined): boolean {
  return typeof value === 'number' && value >= 1 && value <= SMALL_NUMBER_MAX;
}

/**
 * A shareable copy of a practice's row (SPEC §3, optional small-number suppression): counts 1–7 become
 * `'*'` and the values derived from them (SUPPRESSION_DEPENDENCIES) become undefined (blank). Zero is
 * shown. Columns keep the tidy CSV order; the input row is not changed.
 */
export function suppressSmallNumbers(row: PracticeMetrics): Record<string, number | string | undefined> {
  const out: Record<string, number | string | undefined> = {};
  for (const { column } of TIDY_COLUMNS) {
    const value = row[column];
    out[column] = SUPPRESSIBLE_COUNT_COLUMNS.has(column) && isSmall(value) ? SUPPRESSED : value;
  }
  for (const [derived, sources] of DEPENDENCY_ENTRIES) {
    if (sources.some((source) => isSmall(row[source]))) out[derived] = undefined;
  }
  return out;
}
