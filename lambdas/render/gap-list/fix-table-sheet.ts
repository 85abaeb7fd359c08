import type { CellValue, Style } from 'exceljs';
import { landscapeTablePages, paragraph, styleHeaderRow, wrappedHeight } from '../sheet-style';
import type { StreamingWorkbook } from '../stream-workbook';
import { markedHeaderFooter, writeMarkingBanner } from './official-sensitive';

export interface FixTableColumn {
  header: string;
  width: number;
  numFmt?: string;
}

/** One problem: its label (first column), what to fix (last column), and its patients' cells in between. */
export interface FixTableGroup {
  label: string;
  fix: string;
  rows: Iterable<CellValue[]>;
}

export interface FixTableSheet {
  name: string;
  /** The first column is the problem, the last what to fix. */
  columns: readonly FixTableColumn[];
  /** The sentence above the table. */
  intro: string;
  groups: Iterable<FixTableGroup>;
  /** A line after the rows (e.g. how many were not listed), if any. */
  trailer?: string;
  /** What the sheet says when no group has a row. */
  whenEmpty: string;
}

const HEADER_ROW = 3;
const TOP_WRAPPED = { wrapText: true, vertical: 'top' } as const;
/** One style object for every patient row: exceljs caches a style's id per object, so rows cost no style lookup. */
const ROW_STYLE: Partial<Style> = { alignment: TOP_WRAPPED };

/**
 * A gap list sheet of patients to correct, grouped by problem (Fix contact details, Fix records): marked
 * OFFICIAL-SENSITIVE, frozen and filtered header, landscape pages, each row as tall as its wrapped text.
 */
export function addFixTableSheet(workbook: StreamingWorkbook, sheet: FixTableSheet): void {
  const { columns } = sheet;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: 'A4', activeCell: 'A4' }],
    pageSetup: landscapeTablePages({ printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`, topMargin: 0.6 }),
    headerFooter: markedHeaderFooter(sheet.name),
  });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const cellStyles: Partial<Style>[] = columns.map((c) =>
    c.numFmt ? { numFmt: c.numFmt, alignment: { horizontal: 'center', vertical: 'top' } } : { alignment: TOP_WRAPPED },
  );
  const lastColumn = columns.length;
  writeMarkingBanner(ws, lastColumn);
  paragraph(ws, 2, sheet.intro, 1, lastColumn);
  const header = ws.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  styleHeaderRow(header, 1, lastColumn);
  header.commit();

  let r = HEADER_ROW + 1;
  const labelWidth = columns[0]?.width ?? 24;
  const fixWidth = columns[lastColumn - 1]?.width ?? 54;
  for (const { label, fix, rows } of sheet.groups) {
    const height = Math.max(wrappedHeight(fix, fixWidth), wrappedHeight(label, labelWidth));
    for (const cells of rows) {
      const row = ws.getRow(r);
      (row as unknown as { style: Partial<Style> }).style = ROW_STYLE;
      row.values = [label, ...cells, fix];
      for (let c = 0; c < cellStyles.length; c++) row.getCell(c + 1).style = cellStyles[c] as Partial<Style>;
      row.height = height;
      row.commit();
      r += 1;
    }
  }
  if (sheet.trailer !== undefined) r = writeLine(ws, r, sheet.trailer);
  if (r === HEADER_ROW + 1) r = writeLine(ws, r, sheet.whenEmpty);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: r - 1, column: lastColumn } };
  ws.commit();
}

function writeLine(ws: ReturnType<StreamingWorkbook['addWorksheet']>, r: number, text: string): number {
  ws.getRow(r).values = [text];
  ws.getRow(r).commit();
  return r + 1;
}
