const MONTHS = [
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
] as const;

/** `'2026-10'` → `'October 2026'`, the way the reports and emails name a month. */
export function formatPeriod(period: string): string {
  const month = MONTHS[Number(period.slice(5, 7)) - 1];
  return month === undefined ? period : `${month} ${period.slice(0, 4)}`;
}

/** `'2026-10'` → `'Oct 2026'`, for narrow column headers (Trend sheet). */
export function formatPeriodShort(period: string): string {
  const month = MONTHS[Number(period.slice(5, 7)) - 1];
  return month === undefined ? period : `${month.slice(0, 3)} ${period.slice(0, 4)}`;
}
