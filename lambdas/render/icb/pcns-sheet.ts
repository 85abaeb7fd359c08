import type { Workbook, Worksheet } from 'exceljs';
import { NO_PCN } from '../../core/report/pcn-rows';
import type { PeriodReport } from '../../core/report/period-report';
import { TIDY_COLUMNS, type TidyColumn, type TidyFormat } from '../../core/report/tidy-columns';
import { columnLetter } from '../column-letter';
import { metricCell } from '../metric-cell';
import { NUM_FMT, numFmtFor } from '../number-formats';
import {
  addGapColourScale,
  COLOURS,
  font,
  landscapeTablePages,
  paragraph,
  styleHeaderRow,
  styleTotalRow,
} from '../sheet-style';
import { type ShownRow, shownRow } from './shown-row';

/** The measures shown per PCN: the tidy columns an analyst compares PCNs by. */
const MEASURES = [
  'registered',
  'no_preference',
  'no_preference_pct',
  'no_preference_ci_low',
  'no_preference_ci_high',
  'adults_no_preference_pct',
  'qof_no_preference_pct',
  'default_to_sms',
  'est_annual_sms_cost_gbp',
] as const satisfies readonly TidyColumn[];

const FORMAT_OF = new Map<TidyColumn, TidyFormat>(TIDY_COLUMNS.map((c) => [c.column, c.format]));
const HEADER_OF = new Map<TidyColumn, string>(TIDY_COLUMNS.map((c) => [c.column, c.header]));
const HEADERS = ['PCN', 'Practices reporting', 'Practices in the PCN', ...MEASURES.map((m) => HEADER_OF.get(m) ?? m)];
const WIDTHS = [34, 11, 11, 12, 12, 11, 10, 10, 11, 11, 12, 12];
/** 1-based column of % no preference (after PCN and the two practice counts). */
const PCT_COLUMN = 3 + MEASURES.indexOf('no_preference_pct') + 1;

/**
 * The PCNs sheet: each Primary Care Network's reporting practices taken together, with the measures of the
 * Practices sheet computed from their summed counts (the Wilson interval from the summed numerator and
 * denominator), worst first, then the ICB totals below a blank row, outside the filter range.
 */
export function addPcnsSheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const ws = workbook.addWorksheet('PCNs', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }],
    pageSetup: landscapeTablePages({ printTitlesRow: '1:1' }),
    headerFooter: { oddFooter: `&LPCNs, ${report.period}&RPage &P of &N` },
  });
  const lastColumn = HEADERS.length;
  WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const header = ws.getRow(1);
  header.values = HEADERS;
  styleHeaderRow(header, 1, lastColumn);

  const suppress = report.suppressSmallNumbers;
  report.pcns.forEach((pcn, i) => {
    writeRow(ws, 2 + i, pcn.pcn, pcn.practicesReporting, pcn.practices, shownRow(pcn.metrics, suppress));
    if (pcn.practicesReporting === 0 || pcn.pcn === NO_PCN) {
      ws.getCell(2 + i, 1).font = font({ italic: true, color: { argb: COLOURS.muted } });
    }
  });
  const lastDataRow = 1 + report.pcns.length;

  const totalRow = lastDataRow + 2;
  const { reporting, expected } = report.completeness;
  writeRow(ws, totalRow, 'ICB total', reporting, expected, shownRow(report.icb.metrics, suppress));
  styleTotalRow(ws.getRow(totalRow), 1, lastColumn);
  paragraph(
    ws,
    totalRow + 2,
    `PCN as recorded in the practice directory; practices with none recorded, or not in the directory, are grouped as "${NO_PCN}". ` +
      "Each PCN's figures are its reporting practices' patients taken together: the % and its 95% confidence interval " +
      '(Wilson score) are worked out from the summed counts, not averaged over practices. Practices without an export ' +
      'this month are counted in "Practices in the PCN" only.',
    1,
    lastColumn,
    { italic: true, color: { argb: COLOURS.muted } },
  );

  if (report.pcns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastDataRow, column: lastColumn } };
    const letter = columnLetter(PCT_COLUMN);
    addGapColourScale(ws, `${letter}2:${letter}${lastDataRow}`);
  }
  return ws;
}

function writeRow(
  ws: Worksheet,
  rowNumber: number,
  name: string,
  practicesReporting: number,
  practices: number,
  shown: ShownRow,
): void {
  const row = ws.getRow(rowNumber);
  row.getCell(1).value = name;
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  for (const [c, value] of [
    [2, practicesReporting],
    [3, practices],
  ] as const) {
    row.getCell(c).value = value;
    row.getCell(c).numFmt = NUM_FMT.count;
  }
  MEASURES.forEach((column, i) => {
    const format = FORMAT_OF.get(column) ?? 'count';
    const cell = row.getCell(4 + i);
    cell.value = metricCell(shown[column], format);
    const numFmt = numFmtFor(column, format);
    if (numFmt !== undefined) cell.numFmt = numFmt;
    if (typeof cell.value === 'string') cell.alignment = { horizontal: 'right' };
  });
}
