import { describe, expect, it } from 'vitest';
import { longDate } from '../../../../lambdas/render/email/long-date';

describe('longDate', () => {
  it.each([
    { iso: '2026-11-07', expected: '7 November 2026' },
    { iso: '2027-01-31', expected: '31 January 2027' },
    { iso: '2026-10-31T12:00:00Z', expected: '31 October 2026' },
    { iso: 'soon', expected: 'soon' },
    { iso: '2026-13-01', expected: '2026-13-01' },
  ])('writes $iso as $expected', ({ iso, expected }) => {
    expect(longDate(iso)).toBe(expected);
  });
});
