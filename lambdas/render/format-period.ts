import { monthName, shortMonthName } from '../core/period';

/** `'2026-10'` → `'October 2026'`, the way the reports and emails name a month. */
export const formatPeriod: (period: string) => string = monthName;

/** `'2026-10'` → `'Oct 2026'`, for narrow column headers (Trend sheet). */
export const formatPeriodShort: (period: string) => string = shortMonthName;
