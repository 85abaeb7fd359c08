/**
 * `part` as a percentage of `whole`, 0–100, unrounded (render/ rounds).
 * Undefined when `whole` is 0: a share of nobody cannot be computed, and a blank is not 0%.
 */
export function percentage(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : (100 * part) / whole;
}
