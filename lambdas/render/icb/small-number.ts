import { SMALL_NUMBER_MAX } from '../../core/metrics/suppress-small-numbers';

/** Whether a count would be shown as `*` in a shareable copy (1 to SMALL_NUMBER_MAX; 0 is shown). */
export function isSmallNumber(count: number): boolean {
  return count >= 1 && count <= SMALL_NUMBER_MAX;
}

/**
 * `part` as a percentage of `whole` (0–100, unrounded); undefined when it cannot be computed or, in a
 * suppressed copy, when either count is small enough to be worked back from the percentage.
 */
export function shareOf(part: number | undefined, whole: number | undefined, suppress: boolean): number | undefined {
  if (part === undefined || whole === undefined || whole === 0) return undefined;
  if (suppress && (isSmallNumber(part) || isSmallNumber(whole))) return undefined;
  return (100 * part) / whole;
}
