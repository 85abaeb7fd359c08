import { describe, expect, it } from 'vitest';
import { excelDate, formatUkDate } from '../../../lambdas/render/excel-date';

describe('excelDate', () => {
  it.each([
    { iso: '2026-10-15', expected: Date.UTC(2026, 9, 15) },
    { iso: '1948-03-07', expected: Date.UTC(1948, 2, 7) },
    { iso: '2024-02-29', expected: Date.UTC(2024, 1, 29) },
    { iso: '2026-10-16T09:30:00Z', expected: Date.UTC(2026, 9, 16) },
  ])('reads $iso as a UTC midnight date', ({ iso, expected }) => {
    expect(excelDate(iso)?.getTime()).toBe(expected);
  });

  it.each([{ iso: undefined }, { iso: '' }, { iso: '2025-02-29' }, { iso: '15/10/2026' }, { iso: '2026-1x-01' }])(
    'gives undefined for $iso',
    ({ iso }) => {
      expect(excelDate(iso)).toBeUndefined();
    },
  );
});

describe('formatUkDate', () => {
  it('writes an ISO date day first', () => {
    expect(formatUkDate('2026-10-05')).toBe('05/10/2026');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatUkDate('unknown')).toBe('unknown');
  });
});
