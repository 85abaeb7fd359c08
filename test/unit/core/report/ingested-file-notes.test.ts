import { describe, expect, it } from 'vitest';
import {
  type IngestedFileFacts,
  type IngestedPractice,
  ingestedFileNotes,
} from '../../../../lambdas/core/report/ingested-file-notes';

const FACTS: IngestedFileFacts = {
  file: 'exports/icb_2026-10-31.csv',
  unattributedRows: 2,
  preambleLines: 3,
  trailingSummaryLines: 1,
  raggedRows: 0,
  rowsMissingOptionalColumns: 0,
  ignoredHeaders: ['Notes'],
  duplicateHeaders: [],
  dateFromName: '2026-10-31',
};

const practice = (over: Partial<IngestedPractice>): IngestedPractice => ({
  practiceCode: 'A81001',
  period: '2026-10',
  extractDateColumn: undefined,
  snapshot: 'written',
  ...over,
});

describe('ingestedFileNotes', () => {
  it('gives a clean file one note for its period, listing its practices and nothing else', () => {
    const notes = ingestedFileNotes(FACTS, [practice({}), practice({ practiceCode: 'B82002' })]);
    expect([...notes]).toEqual([
      [
        '2026-10',
        {
          file: 'exports/icb_2026-10-31.csv',
          practiceCodes: ['A81001', 'B82002'],
          unattributedRows: 2,
          preambleLines: 3,
          trailingSummaryLines: 1,
          ignoredHeaders: ['Notes'],
          notes: [],
        },
      ],
    ]);
  });

  it('says where the date column and the file name disagree, and which extracts were superseded, per practice', () => {
    const notes = ingestedFileNotes(FACTS, [
      practice({ extractDateColumn: '2026-10-30' }),
      practice({ practiceCode: 'B82002', extractDateColumn: '2026-10-31', snapshot: 'superseded' }),
    ]);
    expect(notes.get('2026-10')?.notes).toEqual([
      'A81001: the extract date column (2026-10-30) differs from the date in the file name (2026-10-31); the column was used.',
      'B82002: a later extract for 2026-10 is already stored; this one was not used.',
    ]);
  });

  it('adds the file-wide notes (ragged rows, duplicate headers) to each period’s note, after the practices’', () => {
    const notes = ingestedFileNotes({ ...FACTS, raggedRows: 2, duplicateHeaders: ['Mobile', 'Email'] }, [
      practice({ period: '2026-09', extractDateColumn: '2026-09-30' }),
      practice({ practiceCode: 'B82002', period: '2026-10', snapshot: 'superseded' }),
    ]);
    expect([...notes.keys()]).toEqual(['2026-09', '2026-10']);
    expect(notes.get('2026-09')?.practiceCodes).toEqual(['A81001']);
    expect(notes.get('2026-09')?.notes).toEqual([
      'A81001: the extract date column (2026-09-30) differs from the date in the file name (2026-10-31); the column was used.',
      '2 rows had more or fewer fields than the header.',
      'Duplicate column names, the first was used: Mobile, Email.',
    ]);
    expect(notes.get('2026-10')?.notes).toEqual([
      'B82002: a later extract for 2026-10 is already stored; this one was not used.',
      '2 rows had more or fewer fields than the header.',
      'Duplicate column names, the first was used: Mobile, Email.',
    ]);
  });

  it('counts patient rows read without their trailing optional columns, in the singular for one', () => {
    const one = ingestedFileNotes({ ...FACTS, raggedRows: 1, rowsMissingOptionalColumns: 1 }, [practice({})]);
    expect(one.get('2026-10')?.notes).toEqual([
      '1 rows had more or fewer fields than the header.',
      '1 patient row ended before the last columns (none of them required): those columns were read as empty.',
    ]);
    const three = ingestedFileNotes({ ...FACTS, rowsMissingOptionalColumns: 3 }, [practice({})]);
    expect(three.get('2026-10')?.notes).toEqual([
      '3 patient rows ended before the last columns (none of them required): those columns were read as empty.',
    ]);
  });

  it('makes no date note when the file name has no date', () => {
    const notes = ingestedFileNotes({ ...FACTS, dateFromName: undefined }, [
      practice({ extractDateColumn: '2026-10-30' }),
    ]);
    expect(notes.get('2026-10')?.notes).toEqual([]);
  });

  it('counts foreign rows per file and flags a snapshot under half the practice’s previous one', () => {
    const notes = ingestedFileNotes(
      {
        ...FACTS,
        file: 'exports/D10009_2026-10-31.csv',
        namedPractice: 'D10009',
        foreignRows: new Map([['D10008', 1]]),
      },
      [
        practice({ practiceCode: 'D10009', registered: 49, previous: { period: '2026-09', registered: 100 } }),
        practice({ practiceCode: 'D10010', registered: 50, previous: { period: '2026-10', registered: 100 } }),
      ],
    );
    expect(notes.get('2026-10')?.notes).toEqual([
      'D10009: 49 registered patients, under half the 100 of its snapshot for 2026-09; check that the export ' +
        'holds the whole practice list.',
      '1 foreign row (coded for another practice: D10008: 1 row) not counted: the file name names D10009, and a ' +
        'file named for a practice speaks only for it.',
    ]);
  });

  it('notes that the upload date was used when neither a column nor the file name has an extract date', () => {
    const facts = { ...FACTS, dateFromName: undefined, uploadDate: '2026-11-02' };
    expect(ingestedFileNotes(facts, [practice({})]).get('2026-10')?.notes).toEqual([
      'A81001: no extract date in a column or the file name; the upload date (2026-11-02) was used.',
    ]);
    const withColumn = ingestedFileNotes({ ...facts, hasExtractDateColumn: true }, [practice({})]);
    expect(withColumn.get('2026-10')?.notes).toEqual([]);
  });
});
