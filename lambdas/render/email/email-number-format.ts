import { roundMetric } from '../rounding';

/*
 * Numbers as the email writes them. Rounding is the reports' own (render/rounding), so a practice
 * sees in its email exactly the figures of the tidy CSV and its gap list.
 */

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const MONEY = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `8412` → `8,412`. */
export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** `36.3636…` → `36.4%`; undefined when the percentage could not be computed. */
export function formatPct(value: number | undefined): string | undefined {
  const rounded = roundMetric(value, 'pct');
  return rounded === undefined ? undefined : `${rounded.toFixed(1)}%`;
}

/** `0.1` → `£0.10`. */
export function formatGbp(value: number | undefined): string | undefined {
  const rounded = roundMetric(value, 'gbp');
  return rounded === undefined ? undefined : `£${MONEY.format(rounded)}`;
}

/** `1 patient`, `2 patients`, `1,204 patients`. */
export function patients(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'patient' : 'patients'}`;
}

/** A change in percentage points in words: `down 13.6 percentage points`, `up 2.0 …`, `no change`. */
export function formatChange(pctPoints: number | undefined): string | undefined {
  const rounded = roundMetric(pctPoints, 'pct');
  if (rounded === undefined) return undefined;
  if (rounded === 0) return 'no change';
  const size = Math.abs(rounded).toFixed(1);
  return rounded < 0
    ? `down ${size} percentage points (the gap is closing)`
    : `up ${size} percentage points (the gap is growing)`;
}
