import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelSerialDate } from '../../../lambdas/render/excel-date';
import { streamWorkbook } from '../../../lambdas/render/stream-workbook';
import { type PlainColumn, StreamedPlainRows } from '../../../lambdas/render/streamed-plain-rows';
import { loadWorkbook } from './fixtures';

const DATE = { numFmt: 'dd/mm/yyyy', alignment: { horizontal: 'center' } } as const;
const COLUMNS: PlainColumn[] = [
  { type: 'number', style: { alignment: { horizontal: 'center' } } },
  { type: 'text', style: {} },
  { type: 'number', style: DATE },
];

async function table(rows: (number | string | null | undefined)[][]): Promise<ExcelJS.Worksheet> {
  const bytes = await streamWorkbook((workbook) => {
    const ws = workbook.addWorksheet('Table');
    ws.getRow(1).values = ['Tier', 'Name', 'Born'];
    ws.getRow(1).commit();
    const writer = new StreamedPlainRows(workbook, ws, COLUMNS, 2);
    for (const row of rows) writer.add(row);
    const next = writer.finish();
    ws.getRow(next).values = ['after the table'];
    ws.getRow(next).commit();
    ws.commit();
  });
  const ws = (await loadWorkbook(bytes)).getWorksheet('Table');
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('StreamedPlainRows', () => {
  it('writes numbers, texts and dates that exceljs reads back as it would have written them', async () => {
    const ws = await table([
      [1, 'Ashby', excelSerialDate('1948-03-07')],
      [2, 'Zoë', excelSerialDate('2001-06-15')],
    ]);
    expect(ws.getCell('A2').value).toBe(1);
    expect(ws.getCell('B2').value).toBe('Ashby');
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(1948, 2, 7)));
    expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('A3').alignment).toEqual({ horizontal: 'center' });
    expect(ws.getCell('B3').value).toBe('Zoë');
    expect(ws.getCell('A4').value).toBe('after the table');
  });

  it('keeps formula-like and markup text as plain strings, and drops characters XML cannot hold', async () => {
    const ws = await table([
      [1, '=SUM(A1)', null],
      [2, '<b>O\'Neil & "Sons"</b>\u0001', null],
      [3, '@Robin', null],
    ]);
    expect(ws.getCell('B2').value).toBe('=SUM(A1)');
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B3').value).toBe('<b>O\'Neil & "Sons"</b>');
    expect(ws.getCell('B4').value).toBe('@Robin');
  });

  it('writes a missing or non-finite value as an empty cell that keeps its column format', async () => {
    const ws = await table([[Number.NaN, undefined, null]]);
    for (const address of ['A2', 'B2', 'C2']) expect(ws.getCell(address).value).toBeNull();
    expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('A3').value).toBe('after the table');
  });

  it('an empty table leaves the next row where the table would have started', async () => {
    const ws = await table([]);
    expect(ws.getCell('A2').value).toBe('after the table');
  });

  it('refuses rows above the table that are not yet committed, naming the sheet', async () => {
    await expect(
      streamWorkbook((workbook) => {
        const ws = workbook.addWorksheet('Pending');
        ws.getRow(1).values = ['not committed'];
        new StreamedPlainRows(workbook, ws, COLUMNS, 2);
      }),
    ).rejects.toThrow(/commit the rows above the table on sheet "Pending"/);
  });

  it('refuses a workbook without shared strings, which the rows rely on', () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough(), useStyles: true });
    const ws = workbook.addWorksheet('Plain');
    expect(() => new StreamedPlainRows(workbook, ws, COLUMNS, 1)).toThrow(/useSharedStrings/);
  });
});
