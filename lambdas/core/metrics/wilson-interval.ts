/** Two-sided 95% standard normal quantile, Φ⁻¹(0.975). */
const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion, in percent 0–100, unrounded (SPEC §3: `no_preference_ci_*`).
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²)
 *
 * Chosen over the Wald interval because it stays inside 0–100 and behaves for small practices and for
 * proportions near 0 or 1. Undefined when n is 0 (no patients, no interval).
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): { low: number; high: number } | undefined {
  if (n === 0) return undefined;
  if (!(n > 0) || !(successes >= 0) || successes > n) {
    throw new RangeError(
      `wilsonInterval: need 0 ≤ successes ≤ n and n > 0, got successes=${successes}, n=${n}; ` +
        'check the counts passed in (a practice can never have more patients in a category than registered).',
    );
  }
  const p = successes / n;
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At p̂ = 0 or 1 the bound is exactly 0 or 100 in theory; clamp away floating-point crumbs.
  return { low: Math.max(0, 100 * (centre - half)), high: Math.min(100, 100 * (centre + half)) };
}
