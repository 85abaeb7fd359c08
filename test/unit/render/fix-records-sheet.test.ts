import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderGapListWorkbook } from '../../../lambdas/render/gap-list-workbook';
import { gapListFixture, loadWorkbook, requireSheet } from './fixtures';

const rowsOf = (ws: ExcelJS.Worksheet, from: number, to: number): unknown[][] => {
  const rows: unknown[][] = [];
  for (let r = from; r <= to; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
  return rows;
};

describe('Fix records sheet', () => {
  let ws: ExcelJS.Worksheet;
  let summary: ExcelJS.Worksheet;

  beforeAll(async () => {
    const wb = await loadWorkbook(
      await renderGapListWorkbook(
        gapListFixture({
          fixRecords: {
            rows: [
              { reason: 'invalid_nhs_number', nhsNumberAsWritten: '999 000 001', surname: 'Baker', forename: 'Sam' },
              {
                reason: 'unrecognised_preference',
                nhsNumber: '9990000018',
                surname: 'Ashby',
                forename: 'Ruth',
                dateOfBirth: '1950-02-01',
                preferenceAsWritten: '=Pigeon',
              },
              { reason: 'some_future_reason', nhsNumberAsWritten: '', surname: 'Cole', forename: 'Ann' },
              { reason: 'short_row', nhsNumberAsWritten: '9990000026', surname: 'Dunn', forename: 'Lee' },
            ],
            more: 2,
          },
        }),
      ),
    );
    ws = requireSheet(wb, 'Fix records');
    summary = requireSheet(wb, 'Summary');
  });

  it('groups the records by reason in plain English: unrecognised, invalid NHS number, short row, then any other', () => {
    expect(ws.getRow(3).values).toEqual([
      undefined,
      'Problem',
      'NHS number',
      'Surname',
      'Forename',
      'Date of birth',
      'Preference as written',
      'What to fix',
    ]);
    const rows = rowsOf(ws, 4, 7).map((row) => row.slice(0, 6));
    expect(rows).toEqual([
      ['Preference not recognised', '999 000 0018', 'Ashby', 'Ruth', new Date('1950-02-01T00:00:00Z'), '=Pigeon'],
      ['NHS number missing or not valid', '999 000 001', 'Baker', 'Sam', undefined, ''],
      ['Row cut short in the export', '9990000026', 'Dunn', 'Lee', undefined, ''],
      ['Row could not be read', '(blank)', 'Cole', 'Ann', undefined, ''],
    ]);
  });

  it('keeps a value as written as text, never a formula', () => {
    expect(ws.getCell('F4').value).toBe('=Pigeon');
    expect(ws.getCell('F4').formula).toBeUndefined();
  });

  it('says how many more were not listed, and counts all of them on the Summary', () => {
    expect(String(ws.getCell('A8').value)).toMatch(/^…and 2 more, not listed/);
    expect(String(ws.getCell('A2').value)).toMatch(/^6 records that could not be counted properly/);
    let found: unknown[] | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Records to fix') found = [row.getCell(2).value, row.getCell(3).value];
    });
    expect(found).toEqual([
      6,
      'On the Fix records sheet: 1 have a preference value that could not be read, 3 rows were left out of the counts (invalid NHS number or a row cut short), and 2 more not listed.',
    ]);
  });

  it('says there is nothing to fix when the list is empty or was never staged', async () => {
    const wb = await loadWorkbook(await renderGapListWorkbook(gapListFixture()));
    expect(requireSheet(wb, 'Fix records').getCell('A4').value).toBe('No records to fix: every row could be read.');
  });
});
