import type { FunnelFlag } from '../report/tidy-columns';

/** |z| above this is a warning (two-sided 95%); the same value draws the 95% funnel limits. */
export const FUNNEL_WARNING_Z = 1.96;
/** |z| above this is an outlier (two-sided 99.8%); the same value draws the 99.8% funnel limits. */
export const FUNNEL_OUTLIER_Z = 3.09;

export interface FunnelInput {
  practiceCode: string;
  noPreference: number;
  registered: number;
}

/** Control limits in percent (0–100) for a practice of a given size. */
export interface FunnelLimits {
  low95: number;
  high95: number;
  low998: number;
  high998: number;
}

export interface FunnelPlot {
  /** Σ no_preference / Σ registered over the practices with registered > 0 (a proportion, 0–1). */
  pBar: number;
  /** Additive over-dispersion, on the proportion scale (0 when none is detected). */
  tau2: number;
  /** Over-dispersion estimate: the mean of the squared Winsorised z-scores. */
  phi: number;
  /** Adjusted z and flag; a practice with no z (registered = 0, or p̄ is 0 or 1) has no entry. */
  byPractice: Map<string, { z: number; flag: FunnelFlag }>;
  /** The 95% and 99.8% limits for a practice of n registered patients, for drawing the funnel plot. */
  limits(n: number): FunnelLimits;
}

/**
 * Percentile of already ascending-sorted values, q in percent (0–100), with linear interpolation
 * between closest ranks: the default of numpy's `percentile` and R's `quantile` (type 7).
 */
export function percentileLinear(sorted: number[], q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('percentileLinear: no values given; pass at least one sorted value.');
  if (!(q >= 0 && q <= 100)) throw new RangeError(`percentileLinear: q must be a percent in 0–100, got ${q}.`);
  const h = ((n - 1) * q) / 100;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  if (lo >= n - 1) return below;
  return below + (h - lo) * ((sorted[lo + 1] as number) - below);
}

function flagFor(z: number): FunnelFlag {
  if (z > FUNNEL_OUTLIER_Z) return 'high_outlier';
  if (z > FUNNEL_WARNING_Z) return 'high_warning';
  if (z < -FUNNEL_OUTLIER_Z) return 'low_outlier';
  if (z < -FUNNEL_WARNING_Z) return 'low_warning';
  return 'in_control';
}

/**
 * Spiegelhalter (2005) funnel plot for proportions with additive over-dispersion (SPEC §3):
 *
 * - p̄ = Σ no_preference / Σ registered; sᵢ² = p̄(1−p̄)/nᵢ; zᵢ = (pᵢ − p̄)/sᵢ.
 * - Winsorise z at its 10th and 90th percentiles (so outliers do not inflate the estimate);
 *   φ = mean(z_w²).
 * - If kφ > k − 1: τ² = (kφ − (k − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ) with wᵢ = 1/sᵢ²; else τ² = 0.
 * - Adjusted zᵢ = (pᵢ − p̄)/√(sᵢ² + τ²); flagged at ±1.96 (warning) and ±3.09 (outlier).
 *
 * Without τ², large practices are flagged for differences too small to matter, because real practices
 * differ by more than chance alone. Practices with registered = 0 are left out of k, p̄ and τ².
 * When p̄ is 0 or 1 (every practice at 0% or at 100%) there is no spread to compare against: no practice
 * gets a z, φ is NaN and τ² is 0. With no practice at all, p̄ and φ are NaN as well.
 *
 * Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med 2005;24:1185–1202.
 */
export function funnelPlot(practices: readonly FunnelInput[]): FunnelPlot {
  let sumNoPreference = 0;
  let sumRegistered = 0;
  const seen = new Set<string>();
  const included: FunnelInput[] = [];
  for (const practice of practices) {
    if (seen.has(practice.practiceCode)) {
      throw new RangeError(
        `funnelPlot: practice ${practice.practiceCode} appears more than once; pass one entry per practice.`,
      );
    }
    seen.add(practice.practiceCode);
    if (practice.registered === 0) continue;
    included.push(practice);
    sumNoPreference += practice.noPreference;
    sumRegistered += practice.registered;
  }

  const k = included.length;
  const pBar = k === 0 ? Number.NaN : sumNoPreference / sumRegistered;
  const variance = pBar * (1 - pBar);
  const byPractice = new Map<string, { z: number; flag: FunnelFlag }>();
  let phi = Number.NaN;
  let tau2 = 0;

  if (variance > 0) {
    const z: number[] = new Array(k);
    let sumW = 0;
    let sumW2 = 0;
    for (let i = 0; i < k; i++) {
      const { noPreference, registered } = included[i] as FunnelInput;
      const s2 = variance / registered;
      z[i] = (noPreference / registered - pBar) / Math.sqrt(s2);
      sumW += registered / variance;
      sumW2 += (registered / variance) ** 2;
    }

    const sorted = z.slice().sort((a, b) => a - b);
    const low = percentileLinear(sorted, 10);
    const high = percentileLinear(sorted, 90);
    let sumZw2 = 0;
    for (const zi of z) {
      const zw = Math.min(Math.max(zi, low), high);
      sumZw2 += zw * zw;
    }
    phi = sumZw2 / k;

    const denominator = sumW - sumW2 / sumW;
    if (k * phi > k - 1 && denominator > 0) tau2 = (k * phi - (k - 1)) / denominator;

    for (const { practiceCode, noPreference, registered } of included) {
      const adjusted = (noPreference / registered - pBar) / Math.sqrt(variance / registered + tau2);
      byPractice.set(practiceCode, { z: adjusted, flag: flagFor(adjusted) });
    }
  }

  return {
    pBar,
    tau2,
    phi,
    byPractice,
    limits(n: number): FunnelLimits {
      const sd = Math.sqrt(variance / n + tau2);
      const bound = (z: number) => Math.min(100, Math.max(0, 100 * (pBar + z * sd)));
      return {
        low95: bound(-FUNNEL_WARNING_Z),
        high95: bound(FUNNEL_WARNING_Z),
        low998: bound(-FUNNEL_OUTLIER_Z),
        high998: bound(FUNNEL_OUTLIER_Z),
      };
    },
  };
}
