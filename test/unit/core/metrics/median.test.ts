import { describe, expect, it } from 'vitest';
import { median } from '../../../../lambdas/core/metrics/median';

describe('median', () => {
  it.each([
    { values: [3], expected: 3 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [10, 2, 38, 23, 38, 23, 21], expected: 23 },
    { values: [0, 0, 100, 100], expected: 50 },
    { values: [-1, 5], expected: 2 },
    { values: [12.5, 7.25], expected: 9.875 },
    { values: [], expected: undefined },
  ])('gives $expected for $values', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('sorts numerically, not as text', () => {
    // As text, [9, 10, 100] would sort to [10, 100, 9] and give 100.
    expect(median([100, 9, 10])).toBe(10);
  });

  it('does not change the input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
