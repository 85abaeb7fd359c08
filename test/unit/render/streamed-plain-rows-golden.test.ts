import type { Style } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelSerialDate } from '../../../lambdas/render/excel-date';
import { type StreamingWorkbook, streamWorkbook } from '../../../lambdas/render/stream-workbook';
import { type PlainCell, type PlainColumn, StreamedPlainRows } from '../../../lambdas/render/streamed-plain-rows';
import { xlsxParts } from './xlsx-parts';

/*
 * StreamedPlainRows writes sheet XML by hand and relies on exceljs internals, so reading its workbook back through
 * exceljs could hide a difference exceljs happens to tolerate. Here the same rows are written both ways and the
 * parts themselves compared: its XML must be exactly what exceljs's own row.commit() writes.
 */

const DATE: Partial<Style> = { numFmt: 'dd/mm/yyyy', alignment: { horizontal: 'center' } };
const COLUMNS: PlainColumn[] = [
  { type: 'number', style: { alignment: { horizontal: 'center' } } },
  { type: 'text', style: {} },
  { type: 'number', style: DATE },
  { type: 'text', style: { font: { name: 'Calibri', size: 11, bold: true } } },
  { type: 'number', style: { numFmt: '0.0' } },
];

const ROWS: PlainCell[][] = [
  [1, 'Ashby', excelSerialDate('1948-03-07'), 'SMS', 36.4],
  [2, 'Zoë Ñúñez', excelSerialDate('2001-06-15'), 'Email', 0],
  [3, '=SUM(A1:A2)', excelSerialDate('1999-12-31'), '+44 7700 900123', -1.25],
  [4, '@Robin', null, '-2+3', 1e-7],
  [5, '<b>O\'Neil & "Sons"</b>', undefined, '', 123456789012],
  [6, 'tab\tand\nnewline', excelSerialDate('2026-10-31'), 'bell\u0007 and escape\u001b', 0.1 + 0.2],
  [7, '  leading and trailing spaces  ', null, null, null],
  [null, 'only a text', null, null, null],
  [9, 'Ashby', excelSerialDate('1948-03-07'), 'SMS', 2.5],
  [10, '😀 emoji and 中文', 1, 'Letter', -0],
];
/** Past 256 rows, so that StreamedPlainRows's batching into one write (and the last partial batch) is covered. */
const MANY: PlainCell[][] = Array.from({ length: 300 }, (_, i) => [
  i + 1,
  `Patient ${i % 37}`,
  20000 + i,
  'SMS',
  i / 8,
]);

/** A sheet with a committed header row, the table from row 2, and one row after it, as the gap list writes it. */
async function sheetWith(rows: readonly PlainCell[][], writeTable: WriteTable): Promise<Map<string, string>> {
  const bytes = await streamWorkbook((workbook) => {
    const ws = workbook.addWorksheet('Table');
    ws.getRow(1).values = ['Tier', 'Name', 'Born', 'Preference', 'Share'];
    ws.getRow(1).commit();
    const next = writeTable(workbook, ws, rows);
    ws.getRow(next).values = ['after the table'];
    ws.getRow(next).commit();
    ws.commit();
  });
  return xlsxParts(bytes);
}

type WriteTable = (
  workbook: StreamingWorkbook,
  ws: ReturnType<StreamingWorkbook['addWorksheet']>,
  rows: readonly PlainCell[][],
) => number;

const streamed: WriteTable = (workbook, ws, rows) => {
  const writer = new StreamedPlainRows(workbook, ws, COLUMNS, 2);
  for (const row of rows) writer.add(row);
  return writer.finish();
};

/** exceljs's own way: a Row and a styled Cell per value, committed row by row. */
const committedByExceljs: WriteTable = (_workbook, ws, rows) => {
  rows.forEach((cells, i) => {
    const row = ws.getRow(i + 2);
    COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      cell.value = cells[c] ?? null;
      cell.style = column.style;
    });
    row.commit();
  });
  return rows.length + 2;
};

/** A part of the workbook, which must be there: two missing parts would otherwise compare equal. */
function part(parts: Map<string, string>, name: string): string {
  const text = parts.get(name);
  if (text === undefined) throw new Error(`The workbook has no ${name}`);
  return text;
}

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';

describe('StreamedPlainRows against exceljs row.commit()', () => {
  it.each([
    { name: 'texts, numbers, dates, formula-like text, empty cells and control characters', rows: ROWS },
    { name: '300 rows', rows: MANY },
  ])('writes the same sheet XML, shared strings and styles for $name', async ({ rows }) => {
    const mine = await sheetWith(rows, streamed);
    const theirs = await sheetWith(rows, committedByExceljs);
    expect(part(mine, SHEET)).toContain(`<row r="${rows.length + 1}" spans="1:5"`);
    expect(part(mine, SHEET)).toBe(part(theirs, SHEET));
    expect(part(mine, STRINGS)).toBe(part(theirs, STRINGS));
    expect(part(mine, STYLES)).toBe(part(theirs, STYLES));
  });

  it('writes the same sheet XML and shared strings for an empty table', async () => {
    const mine = await sheetWith([], streamed);
    const theirs = await sheetWith([], committedByExceljs);
    expect(part(mine, SHEET)).toBe(part(theirs, SHEET));
    expect(part(mine, STRINGS)).toBe(part(theirs, STRINGS));
    // Not styles.xml: StreamedPlainRows registers its columns' styles when it is made, exceljs only for cells it
    // writes, so an empty table leaves unused (harmless) cell formats in the workbook.
  });

  it('differs in one way only: it writes a row of empty cells, which exceljs leaves out', async () => {
    const rows: PlainCell[][] = [
      [1, 'Ashby', null, 'SMS', 2],
      [null, null, null, null, null],
      [3, 'Zoë', 4, '', 5],
    ];
    const mine = part(await sheetWith(rows, streamed), SHEET);
    const theirs = part(await sheetWith(rows, committedByExceljs), SHEET);
    // Deliberate: the empty cells keep their column's format (streamed-plain-rows.test.ts checks it read back).
    const emptyRow =
      '<row r="3" spans="1:5" x14ac:dyDescent="0.25">' +
      '<c r="A3" s="1"/><c r="B3"/><c r="C3" s="2"/><c r="D3" s="3"/><c r="E3" s="4"/></row>';
    expect(mine).toContain(emptyRow);
    expect(theirs).not.toContain('<row r="3"');
    expect(mine.replace(emptyRow, '')).toBe(theirs);
  });
});
