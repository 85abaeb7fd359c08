/**
 * Change in percentage points, current minus previous month, unrounded (SPEC §3: `change_pct_points`;
 * render/ rounds the difference of the unrounded values, never the difference of rounded ones).
 * Undefined when either month has no value (the practice did not report, or had no patients).
 */
export function changePctPoints(current: number | undefined, previous: number | undefined): number | undefined {
  return current === undefined || previous === undefined ? undefined : current - previous;
}
