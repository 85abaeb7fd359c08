import type { Worksheet } from 'exceljs';
import { COLOURS, columnsWidth, font, wrappedHeight } from '../sheet-style';

/** The protective marking of every gap-list sheet: it holds patient-identifiable data. */
export const OFFICIAL_SENSITIVE = 'OFFICIAL-SENSITIVE: contains patient data';

const BANNER =
  `${OFFICIAL_SENSITIVE}. Keep it on NHS systems, share it only with staff who need it, and delete it ` +
  'when the work is done.';

/** Page header and footer carrying the marking on every printed page. */
export function markedHeaderFooter(sheetName: string): { oddHeader: string; oddFooter: string } {
  return {
    oddHeader: `&C&"-,Bold"&KC00000${OFFICIAL_SENSITIVE}`,
    oddFooter: `&L${sheetName}&C${OFFICIAL_SENSITIVE}&RPage &P of &N`,
  };
}

/** Writes the marking as a banner across row 1 of a sheet (set the column widths first). */
export function writeMarkingBanner(ws: Worksheet, lastColumn: number): void {
  const row = ws.getRow(1);
  const cell = row.getCell(1);
  cell.value = BANNER;
  cell.font = font({ bold: true, color: { argb: COLOURS.marking } });
  cell.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= lastColumn; c++) {
    row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4E4' } };
  }
  ws.mergeCells(1, 1, 1, lastColumn);
  row.height = Math.max(20, wrappedHeight(BANNER, columnsWidth(ws, 1, lastColumn) * 0.9));
}
