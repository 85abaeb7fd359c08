import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../lambdas/render/column-letter';

describe('columnLetter', () => {
  it.each([
    { column: 1, expected: 'A' },
    { column: 26, expected: 'Z' },
    { column: 27, expected: 'AA' },
    { column: 52, expected: 'AZ' },
    { column: 53, expected: 'BA' },
    { column: 702, expected: 'ZZ' },
    { column: 703, expected: 'AAA' },
    { column: 16384, expected: 'XFD' },
  ])('names column $column $expected', ({ column, expected }) => {
    expect(columnLetter(column)).toBe(expected);
  });
});
