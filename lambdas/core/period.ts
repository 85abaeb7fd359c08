/** Periods are calendar months `YYYY-MM` of the extract date, in Europe/London. */

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (ISO) of an instant, as a clock in London shows it. */
export function londonDate(instant: Date): string {
  return LONDON_DATE.format(instant);
}

export function periodOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function isPeriod(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The calendar month before `period` (`2026-01` → `2025-12`). */
export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The `count` calendar months ending with `period`, oldest first. */
export function periodsEndingWith(period: string, count: number): string[] {
  const periods = [period];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] as string));
  return periods;
}

/** The English month names, January first. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-10` → `October 2026`, the way the reports and emails write a month. */
export function monthName(period: string): string {
  const month = MONTH_NAMES[Number(period.slice(5, 7)) - 1];
  return month === undefined ? period : `${month} ${period.slice(0, 4)}`;
}

/** `2026-10` → `Oct 2026`, for narrow column headers and chart axes. */
export function shortMonthName(period: string): string {
  const month = MONTH_NAMES[Number(period.slice(5, 7)) - 1];
  return month === undefined ? period : `${month.slice(0, 3)} ${period.slice(0, 4)}`;
}
