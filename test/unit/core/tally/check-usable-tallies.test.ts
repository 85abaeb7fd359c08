import { describe, expect, it } from 'vitest';
import { SeenNames } from '../../../../lambdas/core/privacy/seen-names';
import { ExportRejectedError } from '../../../../lambdas/core/read/export-rejected-error';
import type { RowRejection } from '../../../../lambdas/core/snapshot';
import { checkUsableTallies } from '../../../../lambdas/core/tally/check-usable-tallies';
import { PracticeTally } from '../../../../lambdas/core/tally/practice-tally';

/** A tally of one valid patient whose rows carried this extract date (undefined: no extract date column). */
function tally(practiceCode: string, extractDate: string | undefined): PracticeTally {
  const counted = new PracticeTally(practiceCode);
  counted.counts.registered = 1;
  counted.extractDate = extractDate;
  return counted;
}

/** A tally in which every row was rejected. */
function rejectedOnly(practiceCode: string, reasons: RowRejection[]): PracticeTally {
  const counted = new PracticeTally(practiceCode);
  for (const reason of reasons) counted.reject(reason);
  return counted;
}

const counted = (
  tallies: Map<string, PracticeTally>,
  unattributedRows: number,
  nhsNumbersInScientificNotation = 0,
  foreignRows = new Map<string, number>(),
) => ({
  tallies,
  unattributedRows,
  nhsNumbersInScientificNotation,
  rowsMissingOptionalColumns: 0,
  foreignRows,
  names: new SeenNames(),
});

const rejection = (run: () => void) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportRejectedError);
    return error as ExportRejectedError;
  }
  throw new Error('expected a rejection');
};

describe('checkUsableTallies', () => {
  it('accepts practices extracted on or before the upload day', () => {
    const tallies = new Map([
      ['A81001', tally('A81001', '2026-10-31')],
      ['B82002', tally('B82002', undefined)],
    ]);
    expect(() => checkUsableTallies(counted(tallies, 3), '2026-11-02', '2026-11-02')).not.toThrow();
  });

  it('rejects a file none of whose rows names a practice as no_practice_code, saying how many rows', () => {
    const error = rejection(() => checkUsableTallies(counted(new Map(), 2), '2026-10-31', '2026-11-02'));
    expect(error.reason).toBe('no_practice_code');
    expect(error.message).toMatch(/^None of the 2 data rows could be attributed to a practice/);
    expect(error.hint).toMatch(/file name \(e\.g\. D83001_2026-10-31\.csv\)/);
  });

  it('rejects an extract date after the upload day, from a practice’s rows or else from the file name', () => {
    const fromRows = new Map([['A81001', tally('A81001', '2026-11-03')]]);
    const error = rejection(() => checkUsableTallies(counted(fromRows, 0), '2026-10-31', '2026-11-02'));
    expect(error.reason).toBe('extract_date_in_future');
    expect(error.message).toMatch(/^The extract date 2026-11-03 is after the day the file was uploaded \(2026-11-02\)/);

    const fromName = new Map([['A81001', tally('A81001', undefined)]]);
    const named = rejection(() => checkUsableTallies(counted(fromName, 0), '2099-01-31', '2026-11-02'));
    expect(named.message).toMatch(/^The extract date 2099-01-31 is after/);
  });

  it('rejects a file with no valid patient as no_valid_patients, by reason, even when one practice has some', () => {
    const tallies = new Map([
      ['A81001', rejectedOnly('A81001', ['invalid_nhs_number', 'short_row', 'invalid_nhs_number'])],
      ['B82002', rejectedOnly('B82002', ['short_row'])],
    ]);
    const error = rejection(() => checkUsableTallies(counted(tallies, 1), '2026-10-31', '2026-11-02'));
    expect(error.reason).toBe('no_valid_patients');
    expect(error.message).toBe(
      'None of the 4 patient rows is a valid patient (rejected: 2 invalid_nhs_number, 2 short_row), so the file ' +
        'was not stored: it would have replaced an earlier export of the month with 0 patients.',
    );
    expect(error.hint).toMatch(/NHS Number column holds 10-digit NHS numbers/);

    const mixed = new Map([...tallies, ['C83003', tally('C83003', '2026-10-31')]]);
    expect(() => checkUsableTallies(counted(mixed, 0), '2026-10-31', '2026-11-02')).not.toThrow();
  });

  it('says to re-export without a spreadsheet when the NHS numbers are in scientific notation', () => {
    const tallies = new Map([['A81001', rejectedOnly('A81001', ['invalid_nhs_number', 'invalid_nhs_number'])]]);
    const error = rejection(() => checkUsableTallies(counted(tallies, 0, 2), '2026-10-31', '2026-11-02'));
    expect(error.reason).toBe('no_valid_patients');
    expect(error.message).toMatch(
      /^None of the 2 patient rows has a valid NHS number; 2 of them are written in scientific notation/,
    );
    expect(error.hint).toMatch(/without opening it in a spreadsheet/);
  });

  it('rejects a file named for a practice whose rows are all coded for others, naming the codes and counts', () => {
    const foreignRows = new Map([
      ['D10014', 3],
      ['D10015', 1],
    ]);
    const error = rejection(() =>
      checkUsableTallies(counted(new Map(), 1, 0, foreignRows), '2026-10-31', '2026-11-02', 'D10013'),
    );
    expect(error.reason).toBe('rows_for_another_practice');
    expect(error.message).toBe(
      'All 4 rows with a practice code are coded for another practice (D10014: 3 rows, D10015: 1 row), but the ' +
        'file name names D10013: a file named for a practice speaks only for that practice, so none of its rows ' +
        'was counted.',
    );
  });

  it('rejects an extract date before 2019-04-01 as bad_extract_date, from the rows or the file name', () => {
    const fromRows = new Map([['A81001', tally('A81001', '1926-10-31')]]);
    const error = rejection(() => checkUsableTallies(counted(fromRows, 0), '2026-10-31', '2026-11-02'));
    expect(error.reason).toBe('bad_extract_date');
    expect(error.message).toMatch(/^The extract date 1926-10-31 is before 2019-04-01/);
    const fromName = new Map([['A81001', tally('A81001', undefined)]]);
    expect(() => checkUsableTallies(counted(fromName, 0), '2019-04-01', '2026-11-02')).not.toThrow();
  });
});
