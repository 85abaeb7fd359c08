import type { Workbook, Worksheet } from 'exceljs';
import { disclosedCount } from '../../core/metrics/suppress-small-numbers';
import type { PeriodReport } from '../../core/report/period-report';
import { columnLetter } from '../column-letter';
import { type CellData, metricCell } from '../metric-cell';
import { NUM_FMT } from '../number-formats';
import {
  addGapColourScale,
  COLOURS,
  landscapeTablePages,
  paragraph,
  styleHeaderRow,
  styleTotalRow,
} from '../sheet-style';
import { writePracticeName } from './practice-name-cell';
import { shareOf } from './small-number';
import { worstFirst } from './worst-first';

const HEADER_ROW = 2;
const ICB_PATIENTS_ROW = 3;
const ICB_NO_PREFERENCE_ROW = 4;
const ICB_PCT_ROW = 5;
const FIRST_REGISTER_COLUMN = 3;
/** Wide enough for the longest register word in bold, "hyperglycaemia", on one line. */
const REGISTER_WIDTH = 15;
const REGISTERS_PER_PAGE = 7;

/**
 * The Registers sheet: % of patients on each QOF register with no recorded preference. Three ICB
 * rows (patients, no preference, %) under the header, then one row per reporting practice (%).
 */
export function addRegistersSheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const { registers } = report;
  const lastColumn = FIRST_REGISTER_COLUMN + registers.length - 1;
  const ws = workbook.addWorksheet('Registers', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: ICB_PCT_ROW, topLeftCell: 'C6', activeCell: 'C6' }],
    pageSetup: landscapeTablePages({
      printTitlesRow: `${HEADER_ROW}:${ICB_PCT_ROW}`,
      printTitlesColumn: 'A:B',
      // One page across is unreadable with many QOF registers: up to 7 per page, names repeated on each, so the
      // text prints at about 10pt.
      pagesWide: Math.max(1, Math.ceil(registers.length / REGISTERS_PER_PAGE)),
    }),
    headerFooter: { oddFooter: `&LRegisters, ${report.period}&RPage &P of &N` },
  });
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 40;
  for (let c = FIRST_REGISTER_COLUMN; c <= lastColumn; c++) ws.getColumn(c).width = REGISTER_WIDTH;

  // Kept within the name columns, which are repeated on every printed page: merged wider, it is cut off at the
  // edge of the first page and shows clipped beside the repeated columns of the second.
  paragraph(
    ws,
    1,
    '% of patients on each QOF register with no recorded preference: these patients are invited for QOF reviews, ' +
      "so a missing preference matters most here. Blank: no patient on that register in the practice's export.",
    1,
    2,
    { bold: true },
  );
  const header = ws.getRow(HEADER_ROW);
  header.values = ['Practice code', 'Practice name', ...registers.map((r) => `${r.code}\n${r.name}`)];
  styleHeaderRow(header, 1, Math.max(lastColumn, 2));
  if (registers.length === 0) {
    ws.getCell(ICB_PATIENTS_ROW, 1).value = "No QOF register information in this month's exports.";
    return ws;
  }

  const suppress = report.suppressSmallNumbers;
  const icbRows: [number, string, (i: number) => CellData, string][] = [
    [ICB_PATIENTS_ROW, 'Patients on the register', (i) => count(registers[i]?.icb.patients, suppress), NUM_FMT.count],
    [
      ICB_NO_PREFERENCE_ROW,
      'With no recorded preference',
      (i) => count(registers[i]?.icb.noPreference, suppress),
      NUM_FMT.count,
    ],
    [
      ICB_PCT_ROW,
      '% with no recorded preference',
      (i) => metricCell(shareOf(registers[i]?.icb.noPreference, registers[i]?.icb.patients, suppress), 'pct'),
      NUM_FMT.pct,
    ],
  ];
  for (const [r, label, value, numFmt] of icbRows) {
    const row = ws.getRow(r);
    row.getCell(1).value = 'ICB total';
    row.getCell(2).value = label;
    registers.forEach((_, i) => {
      const cell = row.getCell(FIRST_REGISTER_COLUMN + i);
      cell.value = value(i);
      cell.numFmt = numFmt;
      if (typeof cell.value === 'string') cell.alignment = { horizontal: 'right' };
    });
    styleTotalRow(row, 1, lastColumn);
  }
  ws.getRow(ICB_PCT_ROW).border = { bottom: { style: 'medium', color: { argb: COLOURS.border } } };

  const practices = worstFirst(
    // An unusable practice (SPEC §3) is compared with nothing: its register shares are not ranked here.
    report.practices.filter((p) => p.extract_date !== undefined && p.status !== 'unusable'),
  );
  practices.forEach((practice, p) => {
    const row = ws.getRow(ICB_PCT_ROW + 1 + p);
    row.getCell(1).value = practice.practice_code;
    writePracticeName(row.getCell(2), practice.practice_name);
    registers.forEach((register, i) => {
      const counts = register.byPractice[practice.practice_code];
      const cell = row.getCell(FIRST_REGISTER_COLUMN + i);
      cell.value = metricCell(shareOf(counts?.noPreference, counts?.patients, suppress), 'pct');
      cell.numFmt = NUM_FMT.pct;
    });
  });
  if (practices.length > 0) {
    addGapColourScale(ws, `C${ICB_PCT_ROW + 1}:${columnLetter(lastColumn)}${ICB_PCT_ROW + practices.length}`);
  }
  return ws;
}

/** A register count as shown: in a suppressed copy `*` for 1–7, others rounded to the nearest 5. */
function count(value: number | undefined, suppress: boolean): CellData {
  if (value === undefined) return null;
  return suppress ? disclosedCount(value) : value;
}
