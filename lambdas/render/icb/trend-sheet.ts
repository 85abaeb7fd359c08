import type { Workbook, Worksheet } from 'exceljs';
import type { PeriodReport } from '../../core/report/period-report';
import { columnLetter } from '../column-letter';
import { formatPeriodShort } from '../format-period';
import { metricCell } from '../metric-cell';
import { NUM_FMT } from '../number-formats';
import { addGapColourScale, landscapeTablePages, paragraph, styleHeaderRow, styleTotalRow } from '../sheet-style';
import { writePracticeName } from './practice-name-cell';
import { worstFirst } from './worst-first';

const HEADER_ROW = 2;
const ICB_ROW = 3;

/**
 * The Trend sheet: % no preference for the ICB and each practice over the 12 months ending with the report's,
 * practices worst first by the latest month, with a colour scale so changes stand out.
 */
export function addTrendSheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const { periods } = report.trend;
  const lastColumn = 2 + periods.length;
  const ws = workbook.addWorksheet('Trend', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: ICB_ROW, topLeftCell: 'C4', activeCell: 'C4' }],
    pageSetup: landscapeTablePages({ printTitlesRow: `${HEADER_ROW}:${ICB_ROW}` }),
    headerFooter: { oddFooter: `&LTrend, ${report.period}&RPage &P of &N` },
  });
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 40;
  for (let c = 3; c <= lastColumn; c++) ws.getColumn(c).width = 10;

  paragraph(
    ws,
    1,
    '% of registered patients with no recorded preference, by month. Blank: no export that month (numbers are never carried forward).',
    1,
    Math.max(lastColumn, 8),
    { bold: true },
  );
  const header = ws.getRow(HEADER_ROW);
  header.values = ['Practice code', 'Practice name', ...periods.map(formatPeriodShort)];
  styleHeaderRow(header, 1, lastColumn);

  const icb = ws.getRow(ICB_ROW);
  icb.values = ['ICB total', report.icbName, ...report.trend.icb.map((v) => metricCell(v, 'pct'))];
  styleTotalRow(icb, 1, lastColumn);

  const practices = worstFirst(
    report.trend.practices.map((p) => ({ ...p, practice_code: p.practiceCode, no_preference_pct: p.values.at(-1) })),
  );
  practices.forEach((practice, i) => {
    const row = ws.getRow(ICB_ROW + 1 + i);
    row.values = [practice.practiceCode, null, ...practice.values.map((v) => metricCell(v, 'pct'))];
    writePracticeName(row.getCell(2), practice.practiceName);
  });
  const lastRow = ICB_ROW + practices.length;
  for (let r = ICB_ROW; r <= lastRow; r++) {
    const row = ws.getRow(r);
    for (let c = 3; c <= lastColumn; c++) row.getCell(c).numFmt = NUM_FMT.pct;
  }
  if (practices.length > 0 && periods.length > 0) {
    addGapColourScale(ws, `C${ICB_ROW + 1}:${columnLetter(lastColumn)}${lastRow}`);
  }
  return ws;
}
