import { suppressSmallNumbers } from '../core/metrics/suppress-small-numbers';
import { type PracticeMetrics, TIDY_COLUMNS, type TidyColumn } from '../core/report/tidy-columns';
import { DECIMALS, roundMetric } from './rounding';
import { spreadsheetSafeText } from './spreadsheet-safe-text';

/** The tidy CSV's header line (no line end): the column names of SPEC §3, in order. */
export const TIDY_CSV_HEADER = TIDY_COLUMNS.map((c) => c.column).join(',');

/**
 * The tidy CSV of SPEC §4.3 (`practice-metrics-YYYY-MM.csv`): exactly the TIDY_COLUMNS in order,
 * a header row, one row per practice, comma-separated, `\n` line ends, UTF-8 without a BOM (the
 * header is ASCII, so Excel and Power BI read it either way).
 *
 * Numbers are rounded by the shared rules (so they equal the workbooks) and written with their
 * fixed number of decimals (`12.0`, `3.50`); undefined is an empty field; text is made safe for
 * spreadsheets and quoted per RFC 4180 where needed.
 *
 * With `suppressSmallNumbers` (SPEC §3) the rows are the shareable copy the ICB workbook of the same run shows:
 * counts 1–7 as `*`, other counts to the nearest 5, percentages from the rounded counts.
 */
export function renderTidyCsv(
  rows: readonly PracticeMetrics[],
  options: { suppressSmallNumbers?: boolean } = {},
): string {
  const lines: string[] = [TIDY_CSV_HEADER];
  for (const row of rows) lines.push(tidyCsvLine(row, options.suppressSmallNumbers));
  return `${lines.join('\n')}\n`;
}

/**
 * One practice's line of the tidy CSV (no line end), written as renderTidyCsv writes it; with `suppress`, the
 * shareable copy of the row (suppressSmallNumbers).
 */
export function tidyCsvLine(practice: PracticeMetrics, suppress = false): string {
  const row: Readonly<Record<TidyColumn, number | string | undefined>> = suppress
    ? suppressSmallNumbers(practice)
    : practice;
  const fields: string[] = [];
  for (const { column, format } of TIDY_COLUMNS) {
    const value = row[column];
    if (value === undefined) fields.push('');
    else if (typeof value === 'number') {
      if (format === 'text' || format === 'date') fields.push(String(value));
      else {
        const rounded = roundMetric(value, format);
        fields.push(rounded === undefined ? '' : rounded.toFixed(DECIMALS[format]));
      }
    } else fields.push(csvField(spreadsheetSafeText(value)));
  }
  return fields.join(',');
}

/** RFC 4180: a field holding a comma, quote or line break is quoted, with quotes doubled. */
function csvField(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}
