/**
 * Fewest practices reporting in a period for deciles to be shown (SPEC §3): with fewer, a decile says little
 * (one practice would be "decile 10 of 10"), so every practice's is left blank and the Summary says why.
 */
export const MIN_PRACTICES_FOR_DECILES = 10;

/**
 * Decile of each practice by `no_preference_pct` (SPEC §3): decile = ⌈10 × rank / k⌉, where k is the number
 * of entries (practices reporting in the period) and rank is the 1-based position by ascending pct, tied
 * values all taking the lowest rank of the tie. Decile 1 holds the fewest gaps. Empty when k is below
 * MIN_PRACTICES_FOR_DECILES.
 *
 * Pass only practices with a pct: one that could not be computed is not ranked and gets no decile.
 */
export function deciles(pcts: ReadonlyMap<string, number>): Map<string, number> {
  const k = pcts.size;
  const result = new Map<string, number>();
  if (k < MIN_PRACTICES_FOR_DECILES) return result;
  const entries = [...pcts].sort((a, b) => a[1] - b[1]);
  let rank = 0;
  let previous = Number.NaN;
  for (let i = 0; i < k; i++) {
    const [code, pct] = entries[i] as [string, number];
    if (pct !== previous) rank = i + 1;
    previous = pct;
    result.set(code, Math.ceil((10 * rank) / k));
  }
  return result;
}
