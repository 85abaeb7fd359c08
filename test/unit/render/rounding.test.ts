import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero, roundMetric } from '../../../lambdas/render/rounding';

describe('roundHalfAwayFromZero', () => {
  it.each([
    { value: 12.25, decimals: 1, expected: 12.3 },
    { value: 12.35, decimals: 1, expected: 12.4 },
    { value: 0.05, decimals: 1, expected: 0.1 },
    { value: -0.05, decimals: 1, expected: -0.1 },
    { value: -2.25, decimals: 1, expected: -2.3 },
    { value: 1.005, decimals: 2, expected: 1.01 },
    { value: 2.675, decimals: 2, expected: 2.68 },
    { value: 1.955, decimals: 2, expected: 1.96 },
    { value: 2.5, decimals: 0, expected: 3 },
    { value: -2.5, decimals: 0, expected: -3 },
    { value: 7, decimals: 0, expected: 7 },
    { value: 12.24, decimals: 1, expected: 12.2 },
    { value: 123456.785, decimals: 2, expected: 123456.79 },
    { value: 0.0000001, decimals: 1, expected: 0 },
    { value: 99.95, decimals: 1, expected: 100 },
  ])('rounds $value to $decimals places as $expected', ({ value, decimals, expected }) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('rounds a float artefact of earlier arithmetic as the decimal it stands for', () => {
    // 12.349999999999998 is what 12.35 often becomes after subtraction; people mean 12.35.
    expect(roundHalfAwayFromZero(12.349999999999998, 1)).toBe(12.4);
  });

  it('never returns negative zero, which would print as "-0.0"', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 1), 0)).toBe(true);
  });
});

describe('roundMetric', () => {
  it.each([
    { value: 12.25, format: 'pct' as const, expected: 12.3 },
    { value: 1.955, format: 'z' as const, expected: 1.96 },
    { value: 3.555, format: 'gbp' as const, expected: 3.56 },
    { value: 12, format: 'count' as const, expected: 12 },
    { value: undefined, format: 'pct' as const, expected: undefined },
    { value: Number.NaN, format: 'pct' as const, expected: undefined },
    { value: Number.POSITIVE_INFINITY, format: 'z' as const, expected: undefined },
  ])('gives $expected for $value as $format', ({ value, format, expected }) => {
    expect(roundMetric(value, format)).toBe(expected);
  });
});
