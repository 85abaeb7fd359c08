/**
 * An ISO date (`YYYY-MM-DD`, or the date part of a timestamp) as a Date at UTC midnight, which
 * exceljs writes as a whole-day Excel serial: the cell is a real date that sorts and filters, shown
 * with a `dd/mm/yyyy` format. Undefined when the text is not a valid calendar date.
 */
export function excelDate(iso: string | undefined): Date | undefined {
  if (iso === undefined || iso.length < 10 || iso.charAt(4) !== '-' || iso.charAt(7) !== '-') return undefined;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** Days from Excel's 1900 epoch to the Unix epoch, as exceljs counts them (1900 date system). */
const EXCEL_SERIAL_OF_1970 = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * An ISO date as the whole-day Excel serial exceljs would write for `excelDate(iso)` (e.g. 2026-10-15 → 46310),
 * for rows written without exceljs's cell objects (StreamedPlainRows). Undefined when not a valid date.
 */
export function excelSerialDate(iso: string | undefined): number | undefined {
  const date = excelDate(iso);
  return date === undefined ? undefined : EXCEL_SERIAL_OF_1970 + date.getTime() / MS_PER_DAY;
}

/** `'2026-10-15'` → `'15/10/2026'` for dates inside sentences; the text as given when not a date. */
export function formatUkDate(iso: string): string {
  return excelDate(iso) === undefined ? iso : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
