import { monthName } from '../../core/period';

/** `2026-11-07` → `7 November 2026`, the way a letter writes a date; the text as given when it is not one. */
export function longDate(isoDate: string): string {
  const day = Number(isoDate.slice(8, 10));
  const month = Number(isoDate.slice(5, 7));
  if (isoDate.length < 10 || !Number.isInteger(day) || day < 1 || day > 31 || !(month >= 1 && month <= 12)) {
    return isoDate;
  }
  return `${day} ${monthName(isoDate.slice(0, 7))}`;
}
