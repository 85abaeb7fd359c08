import { describe, expect, it } from 'vitest';
import { SeenNames } from '../../../../lambdas/core/privacy/seen-names';
import { ExportRejectedError } from '../../../../lambdas/core/read/export-rejected-error';
import { checkUsableTallies } from '../../../../lambdas/core/tally/check-usable-tallies';
import { PracticeTally } from '../../../../lambdas/core/tally/practice-tally';

/** A tally whose rows carried this extract date (undefined: the file has no extract date column). */
function tally(practiceCode: string, extractDate: string | undefined): PracticeTally {
  const counted = new PracticeTally(practiceCode);
  counted.extractDate = extractDate;
  return counted;
}

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
    expect(() =>
      checkUsableTallies(
        { tallies, unattributedRows: 3, foreignRows: new Map(), names: new SeenNames() },
        '2026-11-02',
        '2026-11-02',
      ),
    ).not.toThrow();
  });

  it('rejects a file none of whose rows names a practice as no_practice_code, saying how many rows', () => {
    const error = rejection(() =>
      checkUsableTallies(
        { tallies: new Map(), unattributedRows: 2, foreignRows: new Map(), names: new SeenNames() },
        '2026-10-31',
        '2026-11-02',
      ),
    );
    expect(error.reason).toBe('no_practice_code');
    expect(error.message).toMatch(/^None of the 2 data rows could be attributed to a practice/);
    expect(error.hint).toMatch(/file name \(e\.g\. D83001_2026-10-31\.csv\)/);
  });

  it('rejects an extract date after the upload day, from a practice’s rows or else from the file name', () => {
    const fromRows = new Map([['A81001', tally('A81001', '2026-11-03')]]);
    const error = rejection(() =>
      checkUsableTallies(
        { tallies: fromRows, unattributedRows: 0, foreignRows: new Map(), names: new SeenNames() },
        '2026-10-31',
        '2026-11-02',
      ),
    );
    expect(error.reason).toBe('extract_date_in_future');
    expect(error.message).toMatch(/^The extract date 2026-11-03 is after the day the file was uploaded \(2026-11-02\)/);

    const fromName = new Map([['A81001', tally('A81001', undefined)]]);
    const named = rejection(() =>
      checkUsableTallies(
        { tallies: fromName, unattributedRows: 0, foreignRows: new Map(), names: new SeenNames() },
        '2099-01-31',
        '2026-11-02',
      ),
    );
    expect(named.message).toMatch(/^The extract date 2099-01-31 is after/);
  });

  it('rejects a file named for a practice whose rows are all coded for others, naming the codes and counts', () => {
    const foreignRows = new Map([
      ['D10014', 3],
      ['D10015', 1],
    ]);
    const error = rejection(() =>
      checkUsableTallies(
        { tallies: new Map(), unattributedRows: 1, foreignRows, names: new SeenNames() },
        '2026-10-31',
        '2026-11-02',
        'D10013',
      ),
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
    const error = rejection(() =>
      checkUsableTallies(
        { tallies: fromRows, unattributedRows: 0, foreignRows: new Map(), names: new SeenNames() },
        '2026-10-31',
        '2026-11-02',
      ),
    );
    expect(error.reason).toBe('bad_extract_date');
    expect(error.message).toMatch(/^The extract date 1926-10-31 is before 2019-04-01/);
    const fromName = new Map([['A81001', tally('A81001', undefined)]]);
    expect(() =>
      checkUsableTallies(
        { tallies: fromName, unattributedRows: 0, foreignRows: new Map(), names: new SeenNames() },
        '2019-04-01',
        '2026-11-02',
      ),
    ).not.toThrow();
  });
});
