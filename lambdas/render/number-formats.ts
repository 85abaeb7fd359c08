import type { TidyColumn, TidyFormat } from '../core/report/tidy-columns';

/**
 * Excel number formats. Percentages in this project are already 0–100, so they are shown with a
 * literal `"%"` suffix: Excel's own `%` format would multiply them by 100.
 */
export const NUM_FMT = {
  count: '#,##0',
  pct: '0.0"%"',
  /** Percentage points of change: the sign is always shown, so "+1.2" reads as "worse by 1.2". */
  change: '+0.0;-0.0;0.0',
  z: '0.00',
  gbp: '"£"#,##0.00',
  date: 'dd/mm/yyyy',
  integer: '0',
} as const;

/** The number format of a tidy column in the workbooks; undefined for text. */
export function numFmtFor(column: TidyColumn, format: TidyFormat): string | undefined {
  if (column === 'change_pct_points') return NUM_FMT.change;
  if (column === 'decile') return NUM_FMT.integer;
  return format === 'text' ? undefined : NUM_FMT[format];
}
