import { describe, expect, it } from 'vitest';
import { percentage } from '../../../../lambdas/core/metrics/percentage';

describe('percentage', () => {
  it.each([
    { part: 1, whole: 4, expected: 25 },
    { part: 0, whole: 7, expected: 0 },
    { part: 7, whole: 7, expected: 100 },
    { part: 3, whole: 8, expected: 37.5 },
    { part: 0, whole: 0, expected: undefined },
    { part: 5, whole: 0, expected: undefined },
  ])('gives $expected for $part of $whole', ({ part, whole, expected }) => {
    expect(percentage(part, whole)).toBe(expected);
  });

  it('keeps the value unrounded', () => {
    // 1/3 = 33.333…; rounding to one decimal happens only in render/.
    expect(percentage(1, 3)).toBeCloseTo(33.333333333333336, 12);
  });
});
