/**
 * Decile of each practice by `no_preference_pct` (SPEC §3): decile = ⌈10 × rank / k⌉, where k is the number
 * of entries (practices reporting in the period) and rank is the 1-based position by ascending pct, tied
 * values all taking the lowest rank of the tie. Decile 1 holds the fewest gaps.
 *
 * Pass only practices with a pct: one that could not be computed is not ranked and gets no decile.
 */
export function deciles(pcts: ReadonlyMap<string, number>): Map<string, number> {
  const k = pcts.size;
  const entries = [...pcts].sort((a, b) => a[1] - b[1]);
  const result = new Map<string, number>();
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
