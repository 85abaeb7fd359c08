/**
 * UK dates as clinical exports write them (SPEC §2.2): always day first, never US order.
 * Results are ISO `YYYY-MM-DD` strings so that they compare and sort as text.
 */

/** A time of day that SystmOne/EMIS Web or a spreadsheet may append to a date; ignored. */
const TIME = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:\s*[AaPp][Mm])?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)${TIME})?$`);
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:\s+${TIME})?$`);
const MONTH_NAME_DATE = new RegExp(String.raw`^(\d{1,2})(?:-([A-Za-z]+)-|\s+([A-Za-z]+)\s+)(\d{4})(?:\s+${TIME})?$`);
/** `YYYY-MM-DD` or `YYYYMMDD` in a file name, not part of a longer run of digits. */
const KEY_DATE = /(?<!\d)(?:(\d{4})-(\d{2})-(\d{2})|(\d{4})(\d{2})(\d{2}))(?!\d)/g;
const PATH_SEPARATOR = /[/\\]/;

const MONTHS = new Map<string, number>();
[
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
].forEach((name, i) => {
  MONTHS.set(name, i + 1);
  MONTHS.set(name.slice(0, 3), i + 1);
});
MONTHS.set('sept', 9);

/**
 * Years before this are placeholders (`0001-01-01`, `01/01/0000`) rather than dates: treating them as
 * dates would make a 2000-year-old patient.
 */
const EARLIEST_YEAR = 1800;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO text for a real calendar date, or undefined for 31/02, month 13, day 0 and the like. */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < EARLIEST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * A date cell as ISO `YYYY-MM-DD`: `YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`, `DD-Mon-YYYY`,
 * `DD Mon YYYY` (3-letter or full English month names, any case; one-digit day or month), optionally
 * followed by a time of day. Undefined for anything else: two-digit years, impossible dates, US order.
 */
export function parseUkDate(raw: string): string | undefined {
  const text = raw.trim();
  if (text.length < 8) return undefined;
  let match = ISO_DATE.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = NUMERIC_DATE.exec(text);
  if (match) return isoDate(Number(match[4]), Number(match[3]), Number(match[1]));
  match = MONTH_NAME_DATE.exec(text);
  if (match) {
    const month = MONTHS.get((match[2] ?? match[3] ?? '').toLowerCase());
    return month === undefined ? undefined : isoDate(Number(match[4]), month, Number(match[1]));
  }
  return undefined;
}

/**
 * The extract date in an object key's file name (SPEC §2.1): the first `YYYY-MM-DD` or `YYYYMMDD`
 * token, bounded by non-digits, that is a real calendar date. Folders are not searched.
 */
export function findDateInKey(key: string): string | undefined {
  const segments = key.split(PATH_SEPARATOR);
  const fileName = segments[segments.length - 1] ?? '';
  for (const match of fileName.matchAll(KEY_DATE)) {
    const iso = isoDate(Number(match[1] ?? match[4]), Number(match[2] ?? match[5]), Number(match[3] ?? match[6]));
    if (iso !== undefined) return iso;
  }
  return undefined;
}

/**
 * A date-shaped token in an object key's file name that is not a real date (`2026-02-30`, `20261301`), when the
 * name has no real one: such a name must not fall back to the upload date (SPEC §2.1). Only `YYYY-MM-DD`, and
 * `YYYYMMDD` of a year 19xx or 20xx, count: other runs of eight digits are often not dates at all.
 */
export function findImpossibleDateInKey(key: string): string | undefined {
  if (findDateInKey(key) !== undefined) return undefined;
  const segments = key.split(PATH_SEPARATOR);
  const fileName = segments[segments.length - 1] ?? '';
  for (const match of fileName.matchAll(KEY_DATE)) {
    if (match[1] !== undefined || /^(19|20)/.test(match[4] ?? '')) return match[0];
  }
  return undefined;
}

/**
 * Age in whole years on a date, both ISO `YYYY-MM-DD` (as parseUkDate returns them). Someone born on
 * 29 February has their birthday on 1 March in other years, as in UK law. Negative when `onIso`
 * is before the date of birth; callers treat a future date of birth as missing first.
 */
export function ageOn(dateOfBirthIso: string, onIso: string): number {
  const birthYear = Number(dateOfBirthIso.slice(0, 4));
  const birthMonthDay = Number(dateOfBirthIso.slice(5, 7)) * 100 + Number(dateOfBirthIso.slice(8, 10));
  const onYear = Number(onIso.slice(0, 4));
  const onMonthDay = Number(onIso.slice(5, 7)) * 100 + Number(onIso.slice(8, 10));
  return onYear - birthYear - (onMonthDay < birthMonthDay ? 1 : 0);
}
