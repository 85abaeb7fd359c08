import type { TidyFormat } from '../core/report/tidy-columns';

/** The tidy formats that hold numbers. */
export type NumericFormat = Exclude<TidyFormat, 'text' | 'date'>;

/** Decimals shown for each numeric format (SPEC §3 "Output precision"); change_pct_points is a 'pct'. */
export const DECIMALS: Readonly<Record<NumericFormat, number>> = { count: 0, pct: 1, z: 2, gbp: 2 };

/**
 * Rounds half away from zero to `decimals` places, the way a person rounds the number they see.
 *
 * Binary floating point cannot hold 12.35 exactly (it is 12.3499999…), so `Math.round(x * 10) / 10`
 * and `toFixed` give 12.3. We first take the value to 15 significant digits (which removes float
 * artefacts such as 12.349999999999998 from earlier arithmetic), then shift the decimal point in
 * the decimal string (`e` notation) rather than by multiplying, so no new binary error is added.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const magnitude = Number(Math.abs(value).toPrecision(15));
  const exponential = magnitude.toExponential();
  const e = exponential.indexOf('e');
  const mantissa = exponential.slice(0, e);
  const exponent = Number(exponential.slice(e + 1));
  const shifted = Math.round(Number(`${mantissa}e${exponent + decimals}`));
  if (shifted === 0) return 0; // never -0: it would print as "-0.0"
  const rounded = Number(`${shifted}e${-decimals}`);
  return value < 0 ? -rounded : rounded;
}

/**
 * A metric rounded for output, shared by the tidy CSV and both workbooks so that their numbers
 * are always equal. Undefined, NaN and infinities (values that cannot be computed) give undefined.
 */
export function roundMetric(value: number | undefined, format: NumericFormat): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return roundHalfAwayFromZero(value, DECIMALS[format]);
}
