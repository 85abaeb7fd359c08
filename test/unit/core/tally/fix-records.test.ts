import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../../lambdas/core/fields/header-mapping';
import type { ExportRecord } from '../../../../lambdas/core/read/open-export';
import {
  decodeFixRecords,
  MAX_FIX_TEXT,
  withMoreCount,
  writeRejected,
  writeUnrecognised,
} from '../../../../lambdas/core/tally/fix-record-codec';
import { GapRowBuffer } from '../../../../lambdas/core/tally/gap-row-buffer';
import { type RowContext, rowLayout } from '../../../../lambdas/core/tally/interpret-row';
import { MAX_FIX_RECORDS, PracticeTally } from '../../../../lambdas/core/tally/practice-tally';
import { MemorySpillFile } from '../../../../lambdas/core/tally/spill-file';
import { tallyExportRows } from '../../../../lambdas/core/tally/tally-export-rows';

const LAYOUT = rowLayout(
  mapHeader(['NHS Number', 'Practice Code', 'Preferred Contact Method', 'Date of Birth', 'Surname', 'Forename']),
);
const CONTEXT: RowContext = { practiceCodeFromKey: undefined, fileExtractDate: '2026-10-31' };
const records = (rows: string[][]): ExportRecord[] => rows.map((cells, i) => ({ line: i + 2, cells }));

describe('Fix record codec', () => {
  it('gives back unrecognised and rejected records exactly, then the count left off', () => {
    const out = new GapRowBuffer();
    writeUnrecognised(out, {
      nhsKey: 999_000_001,
      dateOfBirth: 19800102,
      preferenceRaw: 'Pigeon',
      surname: 'Ó Briain',
      forename: 'Zoë',
    });
    writeRejected(out, 'invalid_nhs_number', {
      nhsNumberAsWritten: '999 000 0019',
      dateOfBirth: 0,
      surname: '=Evil',
      forename: 'Amy',
    });
    expect(decodeFixRecords(withMoreCount(out.bytes(), 7))).toEqual({
      rows: [
        {
          reason: 'unrecognised_preference',
          nhsNumber: '9990000018',
          surname: 'Ó Briain',
          forename: 'Zoë',
          dateOfBirth: '1980-01-02',
          preferenceAsWritten: 'Pigeon',
        },
        {
          reason: 'invalid_nhs_number',
          nhsNumberAsWritten: '999 000 0019',
          surname: '=Evil',
          forename: 'Amy',
          dateOfBirth: undefined,
        },
      ],
      more: 7,
    });
  });

  it('keeps at most MAX_FIX_TEXT characters of a runaway cell', () => {
    const out = new GapRowBuffer();
    writeUnrecognised(out, {
      nhsKey: 999_000_001,
      dateOfBirth: 0,
      preferenceRaw: 'x'.repeat(5000),
      surname: '',
      forename: '',
    });
    expect(decodeFixRecords(out.bytes()).rows[0]?.preferenceAsWritten).toBe('x'.repeat(MAX_FIX_TEXT));
  });

  it('decodes nothing as no records', () => {
    expect(decodeFixRecords(Buffer.alloc(0))).toEqual({ rows: [], more: 0 });
  });
});

describe('Fix records in the tally', () => {
  it('lists each practice’s unrecognised and rejected rows, in order, and nothing else', async () => {
    // 9990000018, …26, …34 are valid (Modulus 11); 9990000019 and 123 are not.
    const { tallies } = await tallyExportRows(
      [
        records([
          ['9990000018', 'A81001', 'Pigeon post', '01/02/1950', 'Ashby', 'Ruth'],
          ['9990000019', 'A81001', 'SMS', '03/04/1960', 'Baker', 'Sam'],
          ['9990000026', 'A81001', 'SMS', '01/01/1970', 'Clark', 'Jo'],
          ['9990000026', 'B82002', 'Semaphore', '01/01/1980', 'Other', 'Practice'],
          ['9990000034', 'A81001', '', '', 'Dunn', 'Lee'],
          ['123', 'A81001', 'Email', 'not a date', 'Evans', 'Pat'],
        ]),
      ],
      LAYOUT,
      CONTEXT,
    );
    expect(tallies.get('A81001')?.fixRecords).toEqual({
      rows: [
        {
          reason: 'unrecognised_preference',
          nhsNumber: '9990000018',
          surname: 'Ashby',
          forename: 'Ruth',
          dateOfBirth: '1950-02-01',
          preferenceAsWritten: 'Pigeon post',
        },
        {
          reason: 'invalid_nhs_number',
          nhsNumberAsWritten: '9990000019',
          surname: 'Baker',
          forename: 'Sam',
          dateOfBirth: '1960-04-03',
        },
        {
          reason: 'invalid_nhs_number',
          nhsNumberAsWritten: '123',
          surname: 'Evans',
          forename: 'Pat',
          dateOfBirth: undefined,
        },
      ],
      more: 0,
    });
    expect(tallies.get('B82002')?.fixRecords.rows.map((r) => r.surname)).toEqual(['Other']);
  });

  it(`lists at most ${MAX_FIX_RECORDS} records per practice and counts the rest, through a spill file`, () => {
    const tally = new PracticeTally('A81001', new MemorySpillFile());
    const row = { nhsNumberAsWritten: 'x', dateOfBirth: 0, surname: 'S', forename: 'F' };
    for (let i = 0; i < MAX_FIX_RECORDS + 3; i++) {
      tally.reject('invalid_nhs_number', row);
      if (i % 1000 === 0) tally.park();
    }
    const { rows, more } = tally.fixRecords;
    expect(rows).toHaveLength(MAX_FIX_RECORDS);
    expect(more).toBe(3);
    expect(tally.counts.rowsRejected).toBe(MAX_FIX_RECORDS + 3);
  });
});
