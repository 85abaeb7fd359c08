import { describe, expect, it } from 'vitest';
import { ageOn, findDateInKey, findImpossibleDateInKey, parseUkDate } from '../../../../lambdas/core/values/uk-date';

describe('parseUkDate', () => {
  it.each([
    // YYYY-MM-DD
    { raw: '2026-10-03', expected: '2026-10-03' },
    { raw: '2026-1-3', expected: '2026-01-03' },
    // DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY: always day first
    { raw: '03/10/2026', expected: '2026-10-03' },
    { raw: '3/10/2026', expected: '2026-10-03' },
    { raw: '03/1/2026', expected: '2026-01-03' },
    { raw: '12/11/2026', expected: '2026-11-12' },
    { raw: '31/12/1950', expected: '1950-12-31' },
    { raw: '03-10-2026', expected: '2026-10-03' },
    { raw: '03.10.2026', expected: '2026-10-03' },
    { raw: '3.1.2026', expected: '2026-01-03' },
    // DD-Mon-YYYY, DD Mon YYYY, full month names, any case
    { raw: '03-Oct-2026', expected: '2026-10-03' },
    { raw: '3-oct-2026', expected: '2026-10-03' },
    { raw: '03-OCT-2026', expected: '2026-10-03' },
    { raw: '03 Oct 2026', expected: '2026-10-03' },
    { raw: '3 October 2026', expected: '2026-10-03' },
    { raw: '03-October-2026', expected: '2026-10-03' },
    { raw: '01 Jan 1990', expected: '1990-01-01' },
    { raw: '14 Feb 1990', expected: '1990-02-14' },
    { raw: '15 Mar 1990', expected: '1990-03-15' },
    { raw: '16 Apr 1990', expected: '1990-04-16' },
    { raw: '17 May 1990', expected: '1990-05-17' },
    { raw: '18 Jun 1990', expected: '1990-06-18' },
    { raw: '19 Jul 1990', expected: '1990-07-19' },
    { raw: '20 Aug 1990', expected: '1990-08-20' },
    { raw: '21 Sep 1990', expected: '1990-09-21' },
    { raw: '21 Sept 1990', expected: '1990-09-21' },
    { raw: '22 Oct 1990', expected: '1990-10-22' },
    { raw: '23 Nov 1990', expected: '1990-11-23' },
    { raw: '24 Dec 1990', expected: '1990-12-24' },
    { raw: '24 december 1990', expected: '1990-12-24' },
    // surrounding spaces and a trailing time of day
    { raw: '  03/10/2026  ', expected: '2026-10-03' },
    { raw: '2026-10-03 00:00:00', expected: '2026-10-03' },
    { raw: '2026-10-03T00:00:00', expected: '2026-10-03' },
    { raw: '2026-10-03 09:15', expected: '2026-10-03' },
    { raw: '03/10/2026 09:15', expected: '2026-10-03' },
    { raw: '03/10/2026 9:15:30', expected: '2026-10-03' },
    { raw: '03/10/2026 00:00:00.000', expected: '2026-10-03' },
    { raw: '03/10/2026 9:15 AM', expected: '2026-10-03' },
    { raw: '03-Oct-2026 23:59', expected: '2026-10-03' },
    // leap days
    { raw: '29/02/2024', expected: '2024-02-29' },
    { raw: '29/02/2000', expected: '2000-02-29' },
  ])('reads "$raw" as $expected', ({ raw, expected }) => {
    expect(parseUkDate(raw)).toBe(expected);
  });

  it.each([
    { raw: '', why: 'empty' },
    { raw: 'Unknown', why: 'text' },
    { raw: '31/02/2024', why: '31 February' },
    { raw: '30/02/2024', why: '30 February' },
    { raw: '29/02/2023', why: '29 February in a common year' },
    { raw: '29/02/1900', why: '29 February in a century that is not a leap year' },
    { raw: '31/04/2026', why: '31 April' },
    { raw: '31/06/2026', why: '31 June' },
    { raw: '31/09/2026', why: '31 September' },
    { raw: '31/11/2026', why: '31 November' },
    { raw: '00/10/2026', why: 'day 0' },
    { raw: '32/10/2026', why: 'day 32' },
    { raw: '03/13/2026', why: 'month 13' },
    { raw: '03/00/2026', why: 'month 0' },
    { raw: '10/31/2026', why: 'US month-first order' },
    { raw: '2026-02-30', why: 'an impossible ISO date' },
    { raw: '2026-13-01', why: 'an ISO month 13' },
    { raw: '03/10/26', why: 'a two-digit year' },
    { raw: '03-10-26', why: 'a two-digit year with hyphens' },
    { raw: '03.10.26', why: 'a two-digit year with dots' },
    { raw: '03-Oct-26', why: 'a two-digit year with a month name' },
    { raw: '03 Oct 26', why: 'a two-digit year with a spaced month name' },
    { raw: '03/10-2026', why: 'mixed separators' },
    { raw: '03-Okt-2026', why: 'a month name that is not English' },
    { raw: '03 Oct, 2026', why: 'a comma' },
    { raw: 'Oct 03 2026', why: 'the month first' },
    { raw: '20261003', why: 'digits with no separators' },
    { raw: '2026/10/03', why: 'year first with slashes' },
    { raw: '003/10/2026', why: 'a three-digit day' },
    { raw: '03/10/02026', why: 'a five-digit year' },
    { raw: '03/10/2026 25:00', why: 'an impossible time' },
    { raw: '03/10/2026 later', why: 'trailing text' },
    { raw: '0001-01-01', why: 'a placeholder year' },
    { raw: '01/01/1799', why: 'a year before 1800' },
    { raw: '45678', why: 'a spreadsheet serial number' },
  ])('rejects "$raw" ($why)', ({ raw }) => {
    expect(parseUkDate(raw)).toBeUndefined();
  });
});

describe('findDateInKey', () => {
  it.each([
    { key: 'exports/D83001_2026-10-03.csv', expected: '2026-10-03' },
    { key: 'exports/D83001-20261003.csv', expected: '2026-10-03' },
    { key: 'exports/20261003.csv', expected: '2026-10-03' },
    { key: 'exports/extract 2026-10-03 0915.csv', expected: '2026-10-03' },
    { key: 'exports/report20261003.txt', expected: '2026-10-03' },
    { key: 'exports/2026-02-30_2026-03-01.csv', expected: '2026-03-01' },
    { key: '2026-09-01/D83001_20261003.csv', expected: '2026-10-03' },
    { key: 'C:\\exports\\D83001_2024-02-29.csv', expected: '2024-02-29' },
  ])('finds $expected in $key', ({ key, expected }) => {
    expect(findDateInKey(key)).toBe(expected);
  });

  it.each([
    { key: 'exports/D83001.csv', why: 'no date' },
    { key: '2026-10-03/D83001.csv', why: 'a date only in a folder' },
    { key: 'exports/D83001_2026-02-30.csv', why: 'an impossible date' },
    { key: 'exports/D83001_20261331.csv', why: 'month 13 in YYYYMMDD' },
    { key: 'exports/D83001_120261003.csv', why: 'digits run on before it' },
    { key: 'exports/D83001_202610031.csv', why: 'digits run on after it' },
    { key: 'exports/D83001_03-10-2026.csv', why: 'day-first order' },
    { key: 'exports/D83001_2026-1003.csv', why: 'a half-hyphenated date' },
  ])('finds nothing in $key ($why)', ({ key }) => {
    expect(findDateInKey(key)).toBeUndefined();
  });
});

describe('ageOn', () => {
  it.each([
    { dateOfBirth: '2010-10-03', on: '2026-10-03', expected: 16, why: 'on the 16th birthday' },
    { dateOfBirth: '2010-10-04', on: '2026-10-03', expected: 15, why: 'the day before the 16th birthday' },
    { dateOfBirth: '2010-11-01', on: '2026-10-31', expected: 15, why: 'a month before the birthday' },
    { dateOfBirth: '2010-09-30', on: '2026-10-01', expected: 16, why: 'a day after the birthday' },
    { dateOfBirth: '1950-12-31', on: '2026-01-01', expected: 75, why: 'across a year end' },
    { dateOfBirth: '2026-10-03', on: '2026-10-03', expected: 0, why: 'born that day' },
    { dateOfBirth: '2008-02-29', on: '2024-02-28', expected: 15, why: 'a 29 February birthday not yet reached' },
    { dateOfBirth: '2008-02-29', on: '2024-02-29', expected: 16, why: 'a 29 February birthday in a leap year' },
    {
      dateOfBirth: '2008-02-29',
      on: '2025-02-28',
      expected: 16,
      why: '28 February of a common year (birthday is 1 March)',
    },
    { dateOfBirth: '2008-02-29', on: '2025-03-01', expected: 17, why: '1 March of a common year' },
    { dateOfBirth: '2009-03-01', on: '2024-02-29', expected: 14, why: 'a 1 March birthday on 29 February' },
    { dateOfBirth: '2026-10-04', on: '2026-10-03', expected: -1, why: 'a date of birth after the date' },
  ])('gives $expected for $dateOfBirth on $on ($why)', ({ dateOfBirth, on, expected }) => {
    expect(ageOn(dateOfBirth, on)).toBe(expected);
  });
});

describe('findImpossibleDateInKey', () => {
  it.each([
    ['exports/D10012_2026-02-30.csv', '2026-02-30'],
    ['D10012_20261301.csv', '20261301'],
    ['D10012_2026-13-01_v2.csv', '2026-13-01'],
    // A real date in the name wins; other eight-digit runs are not dates.
    ['D10012_2026-02-30_2026-02-28.csv', undefined],
    ['D10012_12345678.csv', undefined],
    ['D10012.csv', undefined],
    ['2026-02-30/D10012.csv', undefined],
  ])('%s → %s', (key, expected) => {
    expect(findImpossibleDateInKey(key)).toBe(expected);
  });
});
