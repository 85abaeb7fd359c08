/** An axis range widened to round numbers, with the tick values to label. */
export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

const NICE_FRACTIONS = [1, 2, 2.5, 5, 10] as const;

/**
 * Round axis bounds and ticks (1, 2, 2.5 or 5 × 10ⁿ apart) covering `min`..`max` with at most about `maxTicks`
 * ticks, so axis labels read as 0, 5,000, 10,000 rather than 0, 4,731, 9,462. An empty range (min = max) is
 * widened around the value.
 */
export function niceScale(min: number, max: number, maxTicks = 6): NiceScale {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new RangeError(`niceScale: expected finite min <= max, got ${min} and ${max}.`);
  }
  let lo = min;
  let hi = max;
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const rough = (hi - lo) / Math.max(1, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const fraction = NICE_FRACTIONS.find((f) => f * magnitude >= rough) ?? 10;
  const step = fraction * magnitude;
  const niceMin = Math.floor(lo / step + 1e-9) * step;
  const niceMax = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  const count = Math.round((niceMax - niceMin) / step);
  for (let i = 0; i <= count; i++) ticks.push(roundToStep(niceMin + i * step, step));
  return { min: roundToStep(niceMin, step), max: roundToStep(niceMax, step), step, ticks };
}

/** Removes float noise such as 0.30000000000000004 from a tick value. */
function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}
