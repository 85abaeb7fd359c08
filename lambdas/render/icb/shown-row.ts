import { suppressSmallNumbers } from '../../core/metrics/suppress-small-numbers';
import type { PracticeMetrics, TidyColumn } from '../../core/report/tidy-columns';

/** A practice row as shown in the ICB workbook: a count may be `*` when small numbers are suppressed. */
export type ShownRow = Readonly<Record<TidyColumn, string | number | undefined>>;

/**
 * The row to show: unchanged, or for shareable copies with counts 1–7 shown as `*` and the values
 * that would reveal them blanked (SPEC §3, `suppressSmallNumbers` in core).
 */
export function shownRow(row: PracticeMetrics, suppress: boolean): ShownRow {
  return suppress ? (suppressSmallNumbers(row) as ShownRow) : row;
}
