import { describe, expect, it } from 'vitest';
import { niceScale } from '../../../../lambdas/render/charts/nice-scale';

describe('niceScale', () => {
  it.each([
    { min: 0, max: 23, maxTicks: 6, ticks: [0, 5, 10, 15, 20, 25] },
    { min: 0, max: 24960, maxTicks: 7, ticks: [0, 5000, 10000, 15000, 20000, 25000] },
    { min: 18.2, max: 26.1, maxTicks: 7, ticks: [18, 20, 22, 24, 26, 28] },
    { min: 0, max: 100, maxTicks: 6, ticks: [0, 20, 40, 60, 80, 100] },
    { min: 5, max: 5, maxTicks: 6, ticks: [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6] },
    { min: 0, max: 0, maxTicks: 6, ticks: [-1, -0.5, 0, 0.5, 1] },
  ])('covers $min..$max with ticks $ticks', ({ min, max, maxTicks, ticks }) => {
    const scale = niceScale(min, max, maxTicks);
    expect(scale.ticks).toEqual(ticks);
    expect(scale.min).toBe(ticks[0]);
    expect(scale.max).toBe(ticks[ticks.length - 1]);
  });

  it.each([
    { min: Number.NaN, max: 1 },
    { min: 2, max: 1 },
    { min: 0, max: Number.POSITIVE_INFINITY },
  ])('rejects the range $min..$max', ({ min, max }) => {
    expect(() => niceScale(min, max)).toThrow(RangeError);
  });
});
