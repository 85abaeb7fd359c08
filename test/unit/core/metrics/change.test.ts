import { describe, expect, it } from 'vitest';
import { changePctPoints } from '../../../../lambdas/core/metrics/change';

describe('changePctPoints', () => {
  it.each([
    { current: 25, previous: 20, expected: 5 },
    { current: 20, previous: 25, expected: -5 },
    { current: 12.5, previous: 12.5, expected: 0 },
    { current: 0, previous: 0, expected: 0 },
    { current: 25, previous: undefined, expected: undefined },
    { current: undefined, previous: 25, expected: undefined },
    { current: undefined, previous: undefined, expected: undefined },
  ])('gives $expected from $previous to $current', ({ current, previous, expected }) => {
    expect(changePctPoints(current, previous)).toBe(expected);
  });

  it('subtracts the unrounded percentages', () => {
    // 1/3 of 100 = 33.33…% and 1/6 = 16.66…%: the change is 16.66…, not 33.3 − 16.7 = 16.6.
    expect(changePctPoints(100 / 3, 100 / 6)).toBeCloseTo(16.666666666666668, 12);
  });
});
