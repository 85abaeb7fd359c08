import { formatCount, formatPct } from '../../render/email/email-number-format';

/** A count as a page shows it: `8,412`, or a published `*` as it is; `–` when there is none. */
export function shownCount(value: number | string | undefined): string {
  if (value === undefined) return '–';
  return typeof value === 'string' ? value : formatCount(value);
}

/** A percentage as a page shows it: `36.4%`; `–` when there is none (e.g. blanked because a count is `*`). */
export function shownPct(value: number | string | undefined): string {
  return (typeof value === 'number' ? formatPct(value) : undefined) ?? '–';
}

/** The note on every page whose counts are published under disclosure control (SPEC §3). */
export const DISCLOSURE_NOTE =
  'Disclosure control is applied: counts from 1 to 7 are shown as *, every other count is rounded to the nearest 5, ' +
  'and percentages are worked out from the rounded counts (blank where a count is *). Deciles and changes are ' +
  'worked out from the exact counts. Gap lists are not affected.';
