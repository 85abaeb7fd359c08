import type { Worksheet } from 'exceljs';
import type { CellData } from './metric-cell';
import {
  COLOURS,
  columnsWidth,
  font,
  outlineCells,
  paragraph,
  sectionHeading,
  styleHeaderRow,
  wrappedHeight,
} from './sheet-style';

export interface SectionTable {
  heading: string;
  /** A sentence under the heading saying what the table shows and what to do about it. */
  intro?: string;
  headers: readonly string[];
  rows: readonly (readonly CellData[])[];
  /** Number format per column (undefined: none). */
  numFmts?: readonly (string | undefined)[];
  /** Number format per row and column, where rows of one column differ (e.g. a count, then money); wins over numFmts. */
  cellNumFmts?: readonly (readonly (string | undefined)[])[];
  /** Shown instead of rows when there are none. */
  emptyText?: string;
}

/**
 * Writes a headed table for document-like sheets (Data quality, Definitions, gap list Summary)
 * starting at `startRow` and returns the first free row after a blank line. The last column is
 * merged through `lastColumn`, so long explanations get the width they need, and every row is
 * made tall enough for its wrapped text.
 */
export function writeSectionTable(ws: Worksheet, startRow: number, table: SectionTable, lastColumn: number): number {
  let r = startRow;
  sectionHeading(ws, r, table.heading, lastColumn);
  r += 1;
  if (table.intro !== undefined) {
    paragraph(ws, r, table.intro, 1, lastColumn, { italic: true, color: { argb: COLOURS.muted } });
    r += 1;
  }
  const width = table.headers.length;
  const header = ws.getRow(r);
  table.headers.forEach((text, i) => {
    header.getCell(i + 1).value = text;
  });
  if (width < lastColumn) ws.mergeCells(r, width, r, lastColumn);
  styleHeaderRow(header, 1, lastColumn);
  header.height = rowHeight(ws, table.headers, width, lastColumn);
  const headerRow = r;
  r += 1;
  if (table.rows.length === 0) {
    const row = ws.getRow(r);
    row.getCell(1).value = table.emptyText ?? 'None.';
    row.getCell(1).font = font({ italic: true });
    ws.mergeCells(r, 1, r, lastColumn);
    r += 1;
  }
  table.rows.forEach((values, index) => {
    const row = ws.getRow(r);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      const numFmt = table.cellNumFmts?.[index]?.[i] ?? table.numFmts?.[i];
      if (numFmt !== undefined) cell.numFmt = numFmt;
      // Numbers and dates are indented from the right edge so they do not run into the text of the next column.
      cell.alignment =
        typeof value === 'string'
          ? { wrapText: true, vertical: 'top' }
          : { vertical: 'top', horizontal: 'right', indent: 1 };
    });
    if (width < lastColumn) ws.mergeCells(r, width, r, lastColumn);
    row.height = rowHeight(ws, values, width, lastColumn);
    r += 1;
  });
  outlineCells(ws, headerRow, r - 1, 1, lastColumn);
  return r + 1;
}

/** Height that shows every wrapped value of a row, the last one spanning to `lastColumn`. */
function rowHeight(ws: Worksheet, values: readonly CellData[], width: number, lastColumn: number): number {
  let height = 15;
  values.forEach((value, i) => {
    if (typeof value !== 'string') return;
    const columnWidth = i + 1 === width ? columnsWidth(ws, width, lastColumn) : (ws.getColumn(i + 1).width ?? 9);
    height = Math.max(height, wrappedHeight(value, columnWidth));
  });
  return height;
}
