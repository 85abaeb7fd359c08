import type { Font, PageSetup, Row, Worksheet } from 'exceljs';

/** Colours (ARGB) shared by both workbooks: NHS-like blues, traffic-light fills for flags. */
export const COLOURS = {
  title: 'FF003087',
  headerFill: 'FFDCE6F1',
  sectionFill: 'FFE8EDEE',
  totalFill: 'FFF2F2F2',
  border: 'FFA6A6A6',
  muted: 'FF595959',
  red: 'FFF4CCCC',
  amber: 'FFFFE699',
  green: 'FFD9EAD3',
  blue: 'FFCFE2F3',
  marking: 'FFC00000',
} as const;

/**
 * Print set-up for a wide table: A4 landscape, as many pages across as `pagesWide` and as many down as it
 * takes, with `printTitlesRow`/`printTitlesColumn` repeated on each page. `topMargin` (inches, also used
 * at the bottom) leaves room for a header such as the OFFICIAL-SENSITIVE marking.
 */
export function landscapeTablePages(
  options: { printTitlesRow?: string; printTitlesColumn?: string; pagesWide?: number; topMargin?: number } = {},
): Partial<PageSetup> {
  const { printTitlesRow, printTitlesColumn, pagesWide = 1, topMargin = 0.5 } = options;
  return {
    ...a4Pages('landscape', pagesWide, 0.4, topMargin),
    ...(printTitlesRow === undefined ? {} : { printTitlesRow }),
    ...(printTitlesColumn === undefined ? {} : { printTitlesColumn }),
  };
}

/**
 * Print set-up for a sheet of text and charts read top to bottom: A4 portrait, one page across and as many
 * down as it takes. `sideMargin` and `topMargin` (inches, the top one also used at the bottom) leave room
 * for a header such as the OFFICIAL-SENSITIVE marking.
 */
export function portraitPages(options: { sideMargin?: number; topMargin?: number } = {}): Partial<PageSetup> {
  const { sideMargin = 0.4, topMargin = 0.5 } = options;
  return a4Pages('portrait', 1, sideMargin, topMargin);
}

function a4Pages(
  orientation: 'portrait' | 'landscape',
  pagesWide: number,
  sideMargin: number,
  topMargin: number,
): Partial<PageSetup> {
  return {
    orientation,
    paperSize: 9,
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    margins: { left: sideMargin, right: sideMargin, top: topMargin, bottom: topMargin, header: 0.3, footer: 0.3 },
  };
}

const THIN = { style: 'thin', color: { argb: COLOURS.border } } as const;

/**
 * A font with the family always named: a font without a name makes LibreOffice fall back to a serif
 * face, so headings would not match the body text.
 */
export function font(style: Partial<Font> = {}): Partial<Font> {
  return { name: 'Calibri', size: 11, ...style };
}

/** Default row height of an 11pt row, in points. */
const LINE_HEIGHT = 15;

/** A bold, filled, wrapped header row with a rule underneath, tall enough for its wrapped headers. */
export function styleHeaderRow(row: Row, firstColumn: number, lastColumn: number): void {
  fitRowHeight(row.worksheet, row, firstColumn, lastColumn, true);
  for (let c = firstColumn; c <= lastColumn; c++) {
    const cell = row.getCell(c);
    cell.font = font({ bold: true });
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOURS.headerFill } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  }
}

/** A bold, shaded row (ICB totals). */
export function styleTotalRow(row: Row, firstColumn: number, lastColumn: number): void {
  for (let c = firstColumn; c <= lastColumn; c++) {
    const cell = row.getCell(c);
    cell.font = font({ bold: true });
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOURS.totalFill } };
  }
}

/** Thin borders around a block of cells, so a table reads as one. */
export function outlineCells(ws: Worksheet, fromRow: number, toRow: number, fromCol: number, toCol: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    const row = ws.getRow(r);
    for (let c = fromCol; c <= toCol; c++) row.getCell(c).border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  }
}

/** A section heading across columns: bold, shaded, merged so that it is not clipped. */
export function sectionHeading(ws: Worksheet, rowNumber: number, text: string, lastColumn: number): Row {
  const row = ws.getRow(rowNumber);
  const cell = row.getCell(1);
  cell.value = text;
  cell.font = font({ bold: true, size: 12, color: { argb: COLOURS.title } });
  for (let c = 1; c <= lastColumn; c++) {
    row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOURS.sectionFill } };
  }
  if (lastColumn > 1) ws.mergeCells(rowNumber, 1, rowNumber, lastColumn);
  row.height = 20;
  return row;
}

/**
 * Writes wrapped text merged across columns and sets the row height to fit it: Excel and
 * LibreOffice do not grow a row for wrapped text in merged cells, so it would otherwise be clipped.
 */
export function paragraph(
  ws: Worksheet,
  rowNumber: number,
  text: string,
  fromColumn: number,
  toColumn: number,
  style: Partial<Font> = {},
): Row {
  const row = ws.getRow(rowNumber);
  const cell = row.getCell(fromColumn);
  cell.value = text;
  cell.alignment = { wrapText: true, vertical: 'top' };
  if (Object.keys(style).length > 0) cell.font = font(style);
  if (toColumn > fromColumn) ws.mergeCells(rowNumber, fromColumn, rowNumber, toColumn);
  row.height = Math.max(row.height ?? LINE_HEIGHT, wrappedHeight(text, columnsWidth(ws, fromColumn, toColumn)));
  return row;
}

/** Total width, in character units, of a run of columns. */
export function columnsWidth(ws: Worksheet, fromColumn: number, toColumn: number): number {
  let width = 0;
  for (let c = fromColumn; c <= toColumn; c++) width += ws.getColumn(c).width ?? 9;
  return width;
}

/**
 * Row height (points) that shows `text` wrapped in a cell `width` characters wide. An estimate:
 * a width unit is one digit of Calibri 11, and running text fits about 1.2 characters per unit
 * (less a little for the cell padding); erring on the tall side, never clipping.
 */
export function wrappedHeight(text: string, width: number, fontSize = 11): number {
  const perLine = Math.max(1, Math.floor(width * 1.2) - 2);
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(part.length / perLine));
  return lines * LINE_HEIGHT * (fontSize / 11) + 3;
}

/**
 * Sets a row's height so that every text cell in it is shown in full when wrapped. Bold text (a
 * header row) is wider, so it is measured against a narrower column.
 */
export function fitRowHeight(ws: Worksheet, row: Row, fromColumn: number, toColumn: number, bold = false): void {
  let height = LINE_HEIGHT;
  for (let c = fromColumn; c <= toColumn; c++) {
    const cell = row.getCell(c);
    // A merged cell reports its master's value: measure the text once, across the merged width.
    if (cell.isMerged && cell.master !== cell) continue;
    if (typeof cell.value !== 'string') continue;
    let last = c;
    while (cell.isMerged && row.getCell(last + 1).isMerged && row.getCell(last + 1).master === cell) last += 1;
    const width = columnsWidth(ws, c, last) * (bold ? 0.88 : 1);
    height = Math.max(height, wrappedHeight(cell.value, width));
  }
  row.height = height;
}

/**
 * Green (lowest) → yellow (median) → red (highest) on a range of % no preference values: fewer
 * gaps read as better. A conditional format, not a formula in a cell.
 */
export function addGapColourScale(ws: Worksheet, ref: string, priority = 1): void {
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'colorScale',
        priority,
        cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
        color: [{ argb: 'FF63BE7B' }, { argb: 'FFFFEB84' }, { argb: 'FFF8696B' }],
      },
    ],
  });
}
