import type { Workbook, Worksheet } from 'exceljs';
import type { PeriodReport } from '../../core/report/period-report';
import type { PracticeMetrics, TidyColumn } from '../../core/report/tidy-columns';
import { columnLetter } from '../column-letter';
import { metricCell } from '../metric-cell';
import { NUM_FMT } from '../number-formats';
import { addGapColourScale, landscapeTablePages, paragraph, styleHeaderRow, styleTotalRow } from '../sheet-style';
import { writePracticeName } from './practice-name-cell';
import { shownRow } from './shown-row';
import { shareOf } from './small-number';
import { worstFirst } from './worst-first';

/** Every category a patient falls in exactly once, so the shares of a row add up to 100. */
const CATEGORIES: readonly { column: TidyColumn; header: string }[] = [
  { column: 'pref_sms', header: '% SMS' },
  { column: 'pref_email', header: '% email' },
  { column: 'pref_letter', header: '% letter' },
  { column: 'pref_telephone', header: '% telephone' },
  { column: 'pref_nhs_app', header: '% NHS App' },
  { column: 'pref_other', header: '% other method' },
  { column: 'declined', header: '% declined contact' },
  { column: 'no_preference', header: '% no preference recorded' },
  { column: 'unrecognised', header: '% unrecognised value' },
];
const HEADER_ROW = 2;
const ICB_ROW = 3;
const FIRST_SHARE_COLUMN = 4;

/** The Methods sheet: the share of registered patients in each preference category, ICB then practices. */
export function addMethodsSheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const lastColumn = FIRST_SHARE_COLUMN + CATEGORIES.length - 1;
  const ws = workbook.addWorksheet('Methods', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: ICB_ROW, topLeftCell: 'C4', activeCell: 'C4' }],
    pageSetup: landscapeTablePages({ printTitlesRow: `${HEADER_ROW}:${ICB_ROW}` }),
    headerFooter: { oddFooter: `&LMethods, ${report.period}&RPage &P of &N` },
  });
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 12;
  for (let c = FIRST_SHARE_COLUMN; c <= lastColumn; c++) ws.getColumn(c).width = 11;

  paragraph(
    ws,
    1,
    'How preferred methods of communication are recorded: % of registered patients in each category (each row adds up to 100%). ICB first, then practices worst first.',
    1,
    lastColumn,
    { bold: true },
  );
  const header = ws.getRow(HEADER_ROW);
  header.values = ['Practice code', 'Practice name', 'Registered patients', ...CATEGORIES.map((c) => c.header)];
  styleHeaderRow(header, 1, lastColumn);

  const suppress = report.suppressSmallNumbers;
  writeShares(ws, ICB_ROW, 'ICB total', report.icbName, report.icb.metrics, suppress);
  styleTotalRow(ws.getRow(ICB_ROW), 1, lastColumn);
  const practices = worstFirst(report.practices);
  practices.forEach((practice, i) => {
    writeShares(ws, ICB_ROW + 1 + i, practice.practice_code, practice.practice_name, practice, suppress);
  });
  const lastRow = ICB_ROW + practices.length;
  if (practices.length > 0) {
    const noPreference = columnLetter(FIRST_SHARE_COLUMN + CATEGORIES.findIndex((c) => c.column === 'no_preference'));
    addGapColourScale(ws, `${noPreference}${ICB_ROW + 1}:${noPreference}${lastRow}`);
  }
  return ws;
}

function writeShares(
  ws: Worksheet,
  rowNumber: number,
  code: string,
  name: string | undefined,
  metrics: PracticeMetrics,
  suppress: boolean,
): void {
  const row = ws.getRow(rowNumber);
  row.getCell(1).value = code;
  writePracticeName(row.getCell(2), name);
  // Shares from the counts as shown, so a total hidden by secondary suppression is not given away by them.
  const shown = shownRow(metrics, suppress);
  const registered = row.getCell(3);
  registered.value = metricCell(shown.registered, 'count');
  registered.numFmt = NUM_FMT.count;
  CATEGORIES.forEach(({ column }, i) => {
    const cell = row.getCell(FIRST_SHARE_COLUMN + i);
    cell.value = metricCell(shareOf(shown[column], shown.registered, suppress), 'pct');
    cell.numFmt = NUM_FMT.pct;
  });
}
