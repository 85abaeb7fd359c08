import type { TidyFormat } from '../core/report/tidy-columns';
import { excelDate } from './excel-date';
import { roundMetric } from './rounding';

/** What a workbook cell holds: a value, never a formula. */
export type CellData = string | number | Date | null;

/**
 * The workbook value of one tidy metric: numbers rounded exactly as in the tidy CSV, ISO dates as
 * real date cells, undefined as an empty cell. Text (including a suppressed count's `*`) is kept
 * as text; exceljs stores strings as string cells, so text starting with `=` is never a formula.
 */
export function metricCell(value: string | number | undefined, format: TidyFormat): CellData {
  if (value === undefined) return null;
  if (typeof value === 'string') return format === 'date' ? (excelDate(value) ?? value) : value;
  if (format === 'text' || format === 'date') return value;
  return roundMetric(value, format) ?? null;
}
