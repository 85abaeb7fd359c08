import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A fresh folder holding copies of the named fixture folders (systmone, emis-web, broken). */
export async function exportsFolder(...folders: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pcm-exports-'));
  for (const folder of folders) await cp(join(FIXTURES, folder), join(dir, folder), { recursive: true });
  return dir;
}

export async function readCsv(path: string): Promise<Record<string, string>[]> {
  return parse(await readFile(path, 'utf8'), { columns: true }) as Record<string, string>[];
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * The rows of a sheet below the row whose cells include `firstHeader`, as objects keyed by the
 * header texts: lets tests find numbers by column name, whatever the layout above the table.
 */
export function sheetTable(sheet: ExcelJS.Worksheet, firstHeader: string): Record<string, ExcelJS.CellValue>[] {
  let headerRow: number | undefined;
  const headers: string[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (headerRow !== undefined) return;
    const values = row.values as ExcelJS.CellValue[];
    if (values.some((v) => v === firstHeader)) {
      headerRow = rowNumber;
      values.forEach((v, i) => {
        headers[i] = String(v ?? '');
      });
    }
  });
  if (headerRow === undefined) throw new Error(`No header "${firstHeader}" in sheet ${sheet.name}`);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    if (!values || values.every((v) => v === null || v === undefined || v === '')) continue;
    const row: Record<string, ExcelJS.CellValue> = {};
    headers.forEach((h, i) => {
      if (h) row[h] = values[i] ?? null;
    });
    rows.push(row);
  }
  return rows;
}
