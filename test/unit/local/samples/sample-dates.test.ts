import { describe, expect, it } from 'vitest';
import {
  addMonths,
  type DateFormat,
  dayNumber,
  formatDate,
  isoDate,
  lastDayOfPeriod,
} from '../../../../lambdas/local/samples/sample-dates';

describe('formatDate', () => {
  it.each<{ format: DateFormat; expected: string }>([
    { format: 'YYYY-MM-DD', expected: '2026-09-03' },
    { format: 'DD/MM/YYYY', expected: '03/09/2026' },
    { format: 'DD-MM-YYYY', expected: '03-09-2026' },
    { format: 'DD.MM.YYYY', expected: '03.09.2026' },
    { format: 'DD-Mon-YYYY', expected: '03-Sep-2026' },
    { format: 'DD Mon YYYY', expected: '03 Sep 2026' },
  ])('writes 3 September 2026 as $expected in $format', ({ format, expected }) => {
    expect(formatDate({ year: 2026, month: 9, day: 3 }, format)).toBe(expected);
  });

  it('writes an impossible date as given, so an export can hold it', () => {
    expect(formatDate({ year: 1970, month: 2, day: 31 }, 'DD-Mon-YYYY')).toBe('31-Feb-1970');
  });
});

describe('calendar arithmetic', () => {
  it.each([
    { period: '2026-09', expected: '2026-09-30' },
    { period: '2026-10', expected: '2026-10-31' },
    { period: '2026-02', expected: '2026-02-28' },
    { period: '2028-02', expected: '2028-02-29' },
    { period: '2026-12', expected: '2026-12-31' },
  ])('ends $period on $expected', ({ period, expected }) => {
    expect(lastDayOfPeriod(period)).toBe(expected);
  });

  it.each([
    { period: '2026-09', months: 1, expected: '2026-10' },
    { period: '2026-12', months: 1, expected: '2027-01' },
    { period: '2026-09', months: 16, expected: '2028-01' },
  ])('moves $period by $months month(s) to $expected', ({ period, months, expected }) => {
    expect(addMonths(period, months)).toBe(expected);
  });

  it('counts days from 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDate(dayNumber('2026-09-30') - 1)).toBe('2026-09-29');
  });
});
