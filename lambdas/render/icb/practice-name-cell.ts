import type { Cell } from 'exceljs';
import { COLOURS, font } from '../sheet-style';

/** Shown instead of a name for a practice that sent an export but is not in the practice directory. */
export const NOT_IN_DIRECTORY = 'Not in the practice directory';

/**
 * Writes a practice's directory name, or for a practice not in the directory the words saying so, in muted
 * italics, so that a row is never left without a name and cannot be mistaken for one (Trend, Methods, Registers).
 */
export function writePracticeName(cell: Cell, name: string | undefined): void {
  if (name !== undefined) {
    cell.value = name;
    return;
  }
  cell.value = NOT_IN_DIRECTORY;
  cell.font = font({ italic: true, color: { argb: COLOURS.muted } });
}
