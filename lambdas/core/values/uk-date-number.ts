import { parseUkDate } from './uk-date';

/**
 * UK date cells as numbers `yyyymmdd` (`04/09/1967` → 19670904), 0 when the cell is not a date that
 * `parseUkDate` accepts. Why: a million dates of birth are read per export, and most are needed only
 * for an age. Numbers compare like ISO text, and the age is one subtraction (see `ageFromDateNumbers`);
 * the ISO text is built only for the patients who appear on a gap list.
 *
 * The two fixed-width forms exports use (`DD/MM/YYYY` with `/`, `.` or `-`, and `YYYY-MM-DD`) are read
 * here without a regex; every other form goes through `parseUkDate`, so the result always agrees with it.
 */
export function ukDateNumber(raw: string): number {
  if (raw.length === 10) {
    const c2 = raw.charCodeAt(2);
    const c4 = raw.charCodeAt(4);
    if (c2 === 47 || c2 === 46 || c2 === 45) {
      if (raw.charCodeAt(5) === c2) {
        const day = twoDigits(raw, 0);
        const month = twoDigits(raw, 3);
        const year = fourDigits(raw, 6);
        if (day >= 0 && month >= 0 && year >= 0) return dateNumber(year, month, day);
      }
    } else if (c4 === 45 && raw.charCodeAt(7) === 45) {
      const year = fourDigits(raw, 0);
      const month = twoDigits(raw, 5);
      const day = twoDigits(raw, 8);
      if (day >= 0 && month >= 0 && year >= 0) return dateNumber(year, month, day);
    }
  }
  const iso = parseUkDate(raw);
  return iso === undefined ? 0 : isoToDateNumber(iso);
}

/** `'1967-09-04'` → 19670904. The text must be an ISO date as `parseUkDate` returns them. */
export function isoToDateNumber(iso: string): number {
  return fourDigits(iso, 0) * 10000 + twoDigits(iso, 5) * 100 + twoDigits(iso, 8);
}

/** 19670904 → `'1967-09-04'`. */
export function dateNumberToIso(date: number): string {
  const year = Math.floor(date / 10000);
  const month = Math.floor(date / 100) % 100;
  const day = date % 100;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Age in whole years on a date, both `yyyymmdd`: the same as `ageOn` for the ISO forms (a birthday on
 * 29 February falls on 1 March in other years), since month and day sit in the last four digits.
 */
export function ageFromDateNumbers(dateOfBirth: number, on: number): number {
  return Math.floor((on - dateOfBirth) / 10000);
}

/** Years before this are placeholders (`01/01/0000`), as in parseUkDate. */
const EARLIEST_YEAR = 1800;

function dateNumber(year: number, month: number, day: number): number {
  if (year < EARLIEST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 0;
  return year * 10000 + month * 100 + day;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function fourDigits(text: string, at: number): number {
  const high = twoDigits(text, at);
  const low = twoDigits(text, at + 2);
  return high >= 0 && low >= 0 ? high * 100 + low : -1;
}
