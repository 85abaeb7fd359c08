import { type PracticeMetrics, TIDY_COLUMNS, type TidyColumn } from '../report/tidy-columns';
import { derivableSuppressedCounts, TOTAL_COLUMNS } from './derivable-suppressed-counts';
import { wilsonInterval } from './wilson-interval';

/** What a suppressed count is shown as. */
export const SUPPRESSED = '*';

/** Counts from 1 to this are suppressed in shareable copies; 0 is shown. */
export const SMALL_NUMBER_MAX = 7;

/** Every other count is rounded to a multiple of this. */
export const ROUNDING_BASE = 5;

/**
 * Count columns subject to disclosure control: every `count` column of the tidy CSV except `decile`, which is a
 * rank, not a number of patients or rows.
 */
export const SUPPRESSIBLE_COUNT_COLUMNS: ReadonlySet<TidyColumn> = new Set(
  TIDY_COLUMNS.filter((c) => c.format === 'count' && c.column !== 'decile').map((c) => c.column),
);

/**
 * A count as published in a shareable copy (SPEC §3): 0 stays 0, 1–7 is `*`, anything else is rounded to the
 * nearest multiple of 5, a half going up (a whole number is never halfway, so 12 → 10 and 13 → 15). A value that
 * is already `*` or a multiple of 5 comes back unchanged, so published values can be passed again.
 */
export function disclosedCount(count: number | string): number | string {
  if (typeof count === 'string' || count === 0) return count;
  if (count >= 1 && count <= SMALL_NUMBER_MAX) return SUPPRESSED;
  return ROUNDING_BASE * Math.floor(count / ROUNDING_BASE + 0.5);
}

/** Percentages recomputed from the published numerator and denominator: [percentage, numerator, denominator]. */
const SHARES: readonly [TidyColumn, TidyColumn, TidyColumn][] = [
  ['no_preference_pct', 'no_preference', 'registered'],
  ['adults_no_preference_pct', 'adults_no_preference', 'adults_16plus'],
  ['qof_no_preference_pct', 'qof_no_preference', 'qof_patients'],
];

type ShownValue = number | string | undefined;

/**
 * A shareable copy of a practice's (or the ICB's) row (SPEC §3, `suppressSmallNumbers`): every count of 1–7 is `*`,
 * every other count is rounded to the nearest 5 (0 stays 0); percentages, Wilson bounds and the SMS cost are
 * worked out again from the published (rounded) counts, and blank where one of them is `*`. Funnel z, flag, decile
 * and change are kept as computed from the exact counts: they rank practices and do not give counts away.
 *
 * Secondary suppression: if a `*` count could still be pinned to one value from the published `registered = Σ
 * categories` and `rows_read = registered + rows_rejected + duplicate_rows` (derivableSuppressedCounts: it happens
 * when every other count in a relation sits at the edge of its rounding), `registered` and `rows_read` are shown as
 * `*` as well, and the no-preference percentage with them. Columns keep the tidy CSV order; the input is unchanged.
 */
export function suppressSmallNumbers(row: PracticeMetrics): Record<TidyColumn, ShownValue> {
  const out = {} as Record<TidyColumn, ShownValue>;
  for (const { column } of TIDY_COLUMNS) {
    const value = row[column];
    out[column] = SUPPRESSIBLE_COUNT_COLUMNS.has(column) && value !== undefined ? disclosedCount(value) : value;
  }
  if (derivableSuppressedCounts(out).length > 0) {
    for (const total of TOTAL_COLUMNS) out[total] = SUPPRESSED;
  }

  for (const [share, part, whole] of SHARES) {
    out[share] = row[share] === undefined ? undefined : shareOfPublished(out[part], out[whole]);
  }
  const noPreference = out.no_preference;
  const registered = out.registered;
  const interval =
    row.no_preference_ci_low !== undefined && typeof noPreference === 'number' && typeof registered === 'number'
      ? wilsonInterval(noPreference, registered)
      : undefined;
  out.no_preference_ci_low = interval?.low;
  out.no_preference_ci_high = interval?.high;
  out.est_annual_sms_cost_gbp = costOfPublished(
    row.est_annual_sms_cost_gbp,
    row.qof_default_to_sms,
    out.qof_default_to_sms,
  );
  return out;
}

/** `part` as a percentage of `whole`, both as published; blank when either is `*` or blank, or `whole` is 0. */
export function shareOfPublished(part: ShownValue, whole: ShownValue): number | undefined {
  if (typeof part !== 'number' || typeof whole !== 'number' || whole === 0) return undefined;
  return (100 * part) / whole;
}

/** The SMS cost is proportional to `qof_default_to_sms`: scaled to its published value, so it cannot reveal it. */
function costOfPublished(
  cost: number | undefined,
  exact: number | undefined,
  published: ShownValue,
): number | undefined {
  if (cost === undefined || exact === undefined || typeof published !== 'number') return undefined;
  return exact === 0 ? cost : (cost * published) / exact;
}
