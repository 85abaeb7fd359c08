import { nhsNumberCheckDigit, parseNhsNumber } from './nhs-number';

/** Modulus 11 weights of the first nine digits (NHS Data Dictionary). */
const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/**
 * An NHS number as a small integer key: its first nine digits (0 to 999,999,999), or -1 when the cell is
 * not a valid NHS number by the rules of `parseNhsNumber` (spaces and hyphens removed, 10 digits, valid
 * Modulus 11 check digit).
 *
 * Why: the tally de-duplicates a million NHS numbers; a number fits a typed array (4 bytes) where a string
 * costs an object, and reading it needs no regex or intermediate string. The check digit follows from
 * the first nine, so two valid NHS numbers are equal exactly when their keys are.
 * Cells with characters outside ASCII take the reference path (`parseNhsNumber`), so Unicode spaces
 * are treated exactly as it treats them.
 */
export function nhsNumberKey(raw: string): number {
  let digits = 0;
  let key = 0;
  let sum = 0;
  let last = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits < 9) {
        key = key * 10 + (c - 48);
        sum += (c - 48) * (WEIGHTS[digits] as number);
      } else last = c - 48;
      digits++;
      if (digits > 10) return -1;
    } else if (c === 32 || c === 45 || (c >= 9 && c <= 13)) {
      // Spaces, hyphens and ASCII whitespace are removed, as parseNhsNumber does.
    } else if (c >= 128) {
      return keyOf(parseNhsNumber(raw));
    } else {
      return -1;
    }
  }
  if (digits !== 10) return -1;
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected === last ? key : -1;
}

function keyOf(nhsNumber: string | undefined): number {
  return nhsNumber === undefined ? -1 : Number(nhsNumber.slice(0, 9));
}

/** The 10-digit NHS number for a key from `nhsNumberKey` (`999123457` → `'9991234578'`). */
export function nhsNumberFromKey(key: number): string {
  const firstNine = String(key).padStart(9, '0');
  return `${firstNine}${nhsNumberCheckDigit(firstNine)}`;
}
