import { disclosedCount, shareOfPublished } from '../../core/metrics/suppress-small-numbers';

/**
 * `part` as a percentage of `whole` (0–100, unrounded); undefined when it cannot be computed. In a shareable copy
 * it is worked out from the published counts (rounded to 5; blank when either is `*`), as SPEC §3 asks; counts
 * already published (`*`, rounded) may be passed.
 */
export function shareOf(
  part: number | string | undefined,
  whole: number | string | undefined,
  suppress: boolean,
): number | undefined {
  if (part === undefined || whole === undefined) return undefined;
  return suppress ? shareOfPublished(disclosedCount(part), disclosedCount(whole)) : shareOfPublished(part, whole);
}
