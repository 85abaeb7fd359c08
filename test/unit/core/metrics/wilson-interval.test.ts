import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../../lambdas/core/metrics/wilson-interval';

/*
 * Expected bounds were computed by hand from the Wilson formula with 40-digit decimal arithmetic
 * (Python `decimal`, z = 1.959963984540054), independently of the code under test. The 81/263, 15/148,
 * 0/20 and 1/29 cases also agree to 4 decimals with the published "score method" column of Newcombe RG,
 * Two-sided confidence intervals for the single proportion: comparison of seven methods,
 * Stat Med 1998;17:857–872, Table II (0.2553–0.3662, 0.0624–0.1605, 0–0.1611, 0.0061–0.1718).
 * 0/n and n/n are closed forms: the upper bound of 0/n is z²/(n + z²).
 */
describe('wilsonInterval', () => {
  it.each([
    { successes: 0, n: 10, low: 0, high: 27.75327998628892 },
    { successes: 10, n: 10, low: 72.24672001371108, high: 100 },
    { successes: 1, n: 4, low: 4.5587260809700565, high: 69.93581574175981 },
    { successes: 81, n: 263, low: 25.528851987827423, high: 36.62095769828001 },
    { successes: 15, n: 148, low: 6.238639953073628, high: 16.048724172330804 },
    { successes: 0, n: 20, low: 0, high: 16.112515805281934 },
    { successes: 1, n: 29, low: 0.6113214292762662, high: 17.175521879320286 },
    { successes: 2, n: 8, low: 7.147921275210901, high: 59.07245696898311 },
  ])('gives $low to $high percent for $successes of $n', ({ successes, n, low, high }) => {
    const ci = wilsonInterval(successes, n);
    expect(ci?.low).toBeCloseTo(low, 9);
    expect(ci?.high).toBeCloseTo(high, 9);
  });

  it('never goes below 0 or above 100 at the extremes', () => {
    expect(wilsonInterval(0, 1)?.low).toBe(0);
    expect(wilsonInterval(5, 5)?.high).toBe(100);
    expect(wilsonInterval(0, 3)?.low).toBeGreaterThanOrEqual(0);
    expect(wilsonInterval(3, 3)?.high).toBeLessThanOrEqual(100);
  });

  it('is undefined for a practice with no patients', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it('narrows with a smaller z', () => {
    // z = 1 (about a 68% interval) for 1 of 4: centre (0.25 + 0.125)/1.25 = 0.3,
    // half = (1/1.25)·√(0.1875/4 + 1/64) = 0.8·√0.0625 = 0.2, so 10% to 50%.
    const ci = wilsonInterval(1, 4, 1);
    expect(ci?.low).toBeCloseTo(10, 12);
    expect(ci?.high).toBeCloseTo(50, 12);
  });

  it.each([
    { successes: 5, n: 4 },
    { successes: -1, n: 4 },
    { successes: 1, n: -4 },
  ])('rejects impossible counts ($successes of $n)', ({ successes, n }) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError);
  });
});
