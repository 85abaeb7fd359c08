import type { Workbook, Worksheet } from 'exceljs';
import type { PeriodReport } from '../../core/report/period-report';
import { TIDY_COLUMNS, type TidyColumn, type TidyFormat } from '../../core/report/tidy-columns';
import { columnLetter } from '../column-letter';
import { metricCell } from '../metric-cell';
import { numFmtFor } from '../number-formats';
import { addGapColourScale, COLOURS, font, landscapeTablePages, styleHeaderRow, styleTotalRow } from '../sheet-style';
import { shownRow } from './shown-row';
import { worstFirst } from './worst-first';

const WIDTH_BY_COLUMN: Partial<Record<TidyColumn, number>> = {
  period: 9,
  practice_code: 11,
  practice_name: 40,
  pcn: 24,
  clinical_system: 12,
  extract_date: 11,
  funnel_flag: 14,
  change_pct_points: 12,
  est_annual_sms_cost_gbp: 12,
};
const WIDTH_BY_FORMAT: Record<TidyFormat, number> = { text: 14, date: 11, count: 11, pct: 10, z: 9, gbp: 12 };

/** 1-based column number of a tidy column on this sheet. */
function columnOf(column: TidyColumn): number {
  return TIDY_COLUMNS.findIndex((c) => c.column === column) + 1;
}

/**
 * The Practices sheet: one row per practice with the tidy columns under their friendly headers,
 * worst first (practices without an export last), then the ICB totals below a blank row, outside
 * the filter range so that sorting and filtering never move them.
 */
export function addPracticesSheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const ws = workbook.addWorksheet('Practices', {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 1, topLeftCell: 'D2', activeCell: 'D2' }],
    pageSetup: landscapeTablePages({ printTitlesRow: '1:1', printTitlesColumn: 'B:C', pagesWide: 3 }),
    headerFooter: { oddFooter: `&LPractices, ${report.period}&RPage &P of &N` },
  });
  const count = TIDY_COLUMNS.length;
  TIDY_COLUMNS.forEach(({ column, format }, i) => {
    ws.getColumn(i + 1).width = WIDTH_BY_COLUMN[column] ?? WIDTH_BY_FORMAT[format];
  });

  const header = ws.getRow(1);
  header.values = TIDY_COLUMNS.map((c) => c.header);
  styleHeaderRow(header, 1, count);

  const practices = worstFirst(report.practices);
  practices.forEach((practice, i) => {
    const row = ws.getRow(2 + i);
    const shown = shownRow(practice, report.suppressSmallNumbers);
    TIDY_COLUMNS.forEach(({ column, format }, c) => {
      const cell = row.getCell(c + 1);
      cell.value = metricCell(shown[column], format);
      const numFmt = numFmtFor(column, format);
      if (numFmt !== undefined) cell.numFmt = numFmt;
      if (typeof cell.value === 'string' && format !== 'text') cell.alignment = { horizontal: 'right' };
    });
    if (practice.extract_date === undefined || practice.status === 'unusable') {
      row.getCell(columnOf('practice_name')).font = font({ italic: true, color: { argb: COLOURS.muted } });
    }
    if (practice.status === 'unusable') {
      row.getCell(columnOf('practice_name')).note =
        'Left out of every comparison: more than half of its preference values were not understood (see Data quality).';
    }
  });
  const lastDataRow = 1 + practices.length;

  const total = ws.getRow(lastDataRow + 2);
  const icb = shownRow(report.icb.metrics, report.suppressSmallNumbers);
  TIDY_COLUMNS.forEach(({ column, format }, c) => {
    const cell = total.getCell(c + 1);
    if (column === 'practice_code') cell.value = 'ICB total';
    else if (column === 'practice_name') cell.value = report.icbName;
    else if (column === 'period') cell.value = report.period;
    else if (column === 'pcn' || column === 'clinical_system' || column === 'extract_date') cell.value = null;
    else cell.value = metricCell(icb[column], format);
    const numFmt = numFmtFor(column, format);
    if (numFmt !== undefined) cell.numFmt = numFmt;
  });
  styleTotalRow(total, 1, count);

  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(lastDataRow, 2), column: count } };
  addConditionalFormats(ws, lastDataRow);
  return ws;
}

/** Colour scale on % no preference (green = fewest gaps), flag colours, and red/green change. */
function addConditionalFormats(ws: Worksheet, lastDataRow: number): void {
  if (lastDataRow < 2) return;
  const range = (column: TidyColumn) => {
    const letter = columnLetter(columnOf(column));
    return `${letter}2:${letter}${lastDataRow}`;
  };
  addGapColourScale(ws, range('no_preference_pct'));
  const fill = (argb: string) => ({ fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb } } });
  ws.addConditionalFormatting({
    ref: range('funnel_flag'),
    rules: [
      { type: 'containsText', operator: 'containsText', text: 'high_outlier', priority: 2, style: fill(COLOURS.red) },
      { type: 'containsText', operator: 'containsText', text: 'high_warning', priority: 3, style: fill(COLOURS.amber) },
      { type: 'containsText', operator: 'containsText', text: 'low_', priority: 4, style: fill(COLOURS.green) },
    ],
  });
  ws.addConditionalFormatting({
    ref: range('change_pct_points'),
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        formulae: ['0'],
        priority: 5,
        style: { font: { color: { argb: 'FFC00000' } } },
      },
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['0'],
        priority: 6,
        style: { font: { color: { argb: 'FF38761D' } } },
      },
    ],
  });
}
