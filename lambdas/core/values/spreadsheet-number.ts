/**
 * Whether a cell looks like a long number a spreadsheet rewrote in scientific notation (`9.99E+09`,
 * `9.99901E+09`, `9,99E+09`): the mark of an export opened and saved in Excel, whose NHS numbers are lost.
 */
export function looksLikeSpreadsheetNumber(cell: string): boolean {
  return SCIENTIFIC.test(cell.trim());
}

const SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;
