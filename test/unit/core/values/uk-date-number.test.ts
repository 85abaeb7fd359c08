import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, parseUkDate } from '../../../../lambdas/core/values/uk-date';
import {
  ageFromDateNumbers,
  dateNumberToIso,
  isoToDateNumber,
  ukDateNumber,
} from '../../../../lambdas/core/values/uk-date-number';

describe('ukDateNumber', () => {
  it.each([
    { raw: '04/09/1967', date: 19670904 },
    { raw: '04.09.1967', date: 19670904 },
    { raw: '04-09-1967', date: 19670904 },
    { raw: '1967-09-04', date: 19670904 },
    { raw: '4 Sep 1967', date: 19670904 },
    { raw: '04-Sep-1967', date: 19670904 },
    { raw: ' 04/09/1967 ', date: 19670904 },
    { raw: '29/02/2024', date: 20240229 },
    { raw: '31/12/1800', date: 18001231 },
  ])('reads "$raw" as $date', ({ raw, date }) => {
    expect(ukDateNumber(raw)).toBe(date);
  });

  it.each([
    { raw: '', why: 'empty' },
    { raw: '29/02/2023', why: 'not a leap year' },
    { raw: '31/04/2026', why: 'April has 30 days' },
    { raw: '13/13/2026', why: 'month 13' },
    { raw: '00/01/2026', why: 'day 0' },
    { raw: '31/12/1799', why: 'before 1800 (a placeholder)' },
    { raw: '04/09-1967', why: 'mixed separators' },
    { raw: '09/04/67', why: 'a two-digit year' },
    { raw: 'soon', why: 'text' },
  ])('gives 0 for "$raw" ($why)', ({ raw }) => {
    expect(ukDateNumber(raw)).toBe(0);
  });

  it('agrees with parseUkDate on dates written in the fixed-width forms and near misses', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: n, maxLength: n });
    const separator = fc.constantFrom('/', '.', '-', ' ', 'x');
    const dayFirst = fc.tuple(digits(2), separator, digits(2), separator, digits(4)).map((p) => p.join(''));
    const isoLike = fc.tuple(digits(4), separator, digits(2), separator, digits(2)).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(dayFirst, isoLike, fc.string({ maxLength: 12 })), (raw) => {
        const iso = parseUkDate(raw);
        expect(ukDateNumber(raw)).toBe(iso === undefined ? 0 : isoToDateNumber(iso));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('dateNumberToIso and isoToDateNumber', () => {
  it.each([
    { date: 19670904, iso: '1967-09-04' },
    { date: 20261231, iso: '2026-12-31' },
    { date: 18000101, iso: '1800-01-01' },
  ])('write $date as $iso and back', ({ date, iso }) => {
    expect(dateNumberToIso(date)).toBe(iso);
    expect(isoToDateNumber(iso)).toBe(date);
  });
});

describe('ageFromDateNumbers', () => {
  it.each([
    { dateOfBirth: 19670904, on: 20260930, age: 59 },
    { dateOfBirth: 20100930, on: 20260930, age: 16 },
    { dateOfBirth: 20101001, on: 20260930, age: 15 },
    { dateOfBirth: 20000229, on: 20010228, age: 0 },
    { dateOfBirth: 20000229, on: 20010301, age: 1 },
    { dateOfBirth: 20260930, on: 20260930, age: 0 },
  ])('is $age for $dateOfBirth on $on', ({ dateOfBirth, on, age }) => {
    expect(ageFromDateNumbers(dateOfBirth, on)).toBe(age);
  });

  it('agrees with ageOn for any two real dates', () => {
    const date = fc
      .date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(ageFromDateNumbers(isoToDateNumber(a), isoToDateNumber(b))).toBe(ageOn(a, b));
      }),
      { numRuns: 5000 },
    );
  });
});
