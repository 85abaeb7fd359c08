/**
 * Calendar arithmetic and date spellings for the sample exports. Whole days in UTC only, so results never
 * depend on the machine's time zone.
 */

/** The six date spellings of SPEC §2.2. */
export type DateFormat = 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'DD-MM-YYYY' | 'DD.MM.YYYY' | 'DD-Mon-YYYY' | 'DD Mon YYYY';

/** A calendar date that may be impossible on purpose (e.g. 31 February), so it can be written badly. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Days since 1970-01-01 for an ISO date `YYYY-MM-DD`. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

/** The ISO date `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dateParts(iso: string): DateParts {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** `2026-09` plus 1 month is `2026-10`. */
export function addMonths(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

/** The last day of a period, e.g. `2026-09` → `2026-09-30`. */
export function lastDayOfPeriod(period: string): string {
  return isoDate(dayNumber(`${addMonths(period, 1)}-01`) - 1);
}

/** Writes a date in one of the SPEC's spellings; impossible dates are written as given. */
export function formatDate(date: DateParts, format: DateFormat): string {
  const dd = pad2(date.day);
  const mm = pad2(date.month);
  const yyyy = String(date.year).padStart(4, '0');
  switch (format) {
    case 'YYYY-MM-DD':
      return `${yyyy}-${mm}-${dd}`;
    case 'DD/MM/YYYY':
      return `${dd}/${mm}/${yyyy}`;
    case 'DD-MM-YYYY':
      return `${dd}-${mm}-${yyyy}`;
    case 'DD.MM.YYYY':
      return `${dd}.${mm}.${yyyy}`;
    case 'DD-Mon-YYYY':
      return `${dd}-${MONTH_ABBREVIATIONS[date.month - 1] ?? '???'}-${yyyy}`;
    case 'DD Mon YYYY':
      return `${dd} ${MONTH_ABBREVIATIONS[date.month - 1] ?? '???'} ${yyyy}`;
  }
}
