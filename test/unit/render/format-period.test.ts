import { describe, expect, it } from 'vitest';
import { formatPeriod, formatPeriodShort } from '../../../lambdas/render/format-period';

describe('formatPeriod', () => {
  it.each([
    { period: '2026-10', long: 'October 2026', short: 'Oct 2026' },
    { period: '2027-01', long: 'January 2027', short: 'Jan 2027' },
    { period: '2025-12', long: 'December 2025', short: 'Dec 2025' },
  ])('writes $period as "$long" and "$short"', ({ period, long, short }) => {
    expect(formatPeriod(period)).toBe(long);
    expect(formatPeriodShort(period)).toBe(short);
  });

  it('returns text that is not a period unchanged', () => {
    expect(formatPeriod('2026-13')).toBe('2026-13');
  });
});
