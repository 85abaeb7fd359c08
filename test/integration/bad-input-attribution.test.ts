import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeSnapshot } from '../../lambdas/core/snapshot';
import { type IngestOutcome, ingestExport } from '../../lambdas/pipeline/ingest-export';
import type { FileRecord } from '../../lambdas/ports';
import { writeDelimited } from '../support/delimited-writer';
import { EXPORTS_BUCKET, type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness';
import { syntheticNhsNumbers } from '../support/synthetic-nhs-number';

/*
 * Bad-input catalogue, practice attribution (issue 13, SPEC §2.1): a file whose name names a practice speaks only
 * for that practice. Rows it holds for another practice are foreign rows — counted in Data quality, in nobody's
 * snapshot — so one stray row can no longer replace another practice's month, and a file named for one practice
 * holding another's rows is not credited to either.
 */

const HEADER = [
  'NHS Number',
  'Surname',
  'Forename',
  'Date of Birth',
  'Practice Code',
  'Preferred Contact Method',
  'Extract Date',
];
const NHS = syntheticNhsNumbers(300, 4000);

/** `count` patients of one practice from `from` in the synthetic range, extracted on `extractDate` (dd/mm/yyyy). */
function rows(practiceCode: string, from: number, count: number, extractDate: string): string[][] {
  return NHS.slice(from, from + count).map((nhs, i) => [
    nhs,
    'Testsurname',
    'Testforename',
    '01/02/1961',
    practiceCode,
    i % 2 === 0 ? 'SMS' : '',
    extractDate,
  ]);
}

const FILES = {
  /** D10008's own month: 100 patients, extracted 30/10. */
  d10008: {
    key: 'exports/D10008_2026-10-30.csv',
    body: writeDelimited([HEADER, ...rows('D10008', 0, 100, '30/10/2026')]),
  },
  /** D10009's export with one row coded D10008, extracted a day later than D10008's own. */
  d10009: {
    key: 'exports/D10009_2026-10-31.csv',
    body: writeDelimited([HEADER, ...rows('D10009', 100, 50, '31/10/2026'), ...rows('D10008', 150, 1, '31/10/2026')]),
  },
  /** Named for D10013, every row coded D10014. */
  d10013: {
    key: 'exports/D10013_2026-10-31.csv',
    body: writeDelimited([HEADER, ...rows('D10014', 160, 20, '31/10/2026')]),
  },
  /** An ICB-wide export (no practice in its name) speaks for every practice in it. */
  icbWide: {
    key: 'exports/icb-wide_2026-10-31.csv',
    body: writeDelimited([HEADER, ...rows('D10015', 180, 30, '31/10/2026'), ...rows('D10016', 210, 30, '31/10/2026')]),
  },
  /** D10017 in September with 40 patients, then October with 19: under half, flagged. */
  d10017Sep: {
    key: 'exports/D10017_2026-09-30.csv',
    body: writeDelimited([HEADER, ...rows('D10017', 240, 40, '30/09/2026')]),
  },
  d10017Oct: {
    key: 'exports/D10017_2026-10-31.csv',
    body: writeDelimited([HEADER, ...rows('D10017', 240, 19, '31/10/2026')]),
  },
};

describe('foreign rows: a file named for a practice speaks only for that practice', () => {
  let h: PipelineHarness;
  const outcomes = new Map<string, IngestOutcome>();
  let d10008Before: PracticeSnapshot | undefined;
  let records: FileRecord[];

  beforeAll(async () => {
    h = await startPipelineHarness();
    for (const [name, { key, body }] of Object.entries(FILES)) {
      if (name === 'd10009') d10008Before = await h.table.getSnapshot('D10008', '2026-10');
      await h.land(key, body);
      outcomes.set(name, await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key));
    }
    records = await h.table.listFileRecords('2026-10');
  });
  afterAll(() => h?.close());

  const noteOn = (key: string) =>
    records.find((r): r is Extract<FileRecord, { kind: 'ingested' }> => r.kind === 'ingested' && r.file === key);

  it('does not let one D10008 row in D10009’s file (a later extract) replace D10008’s 100-patient snapshot', async () => {
    expect(d10008Before?.counts.registered).toBe(100);
    const after = await h.table.getSnapshot('D10008', '2026-10');
    expect(after?.counts.registered).toBe(100);
    expect(after?.source.key).toBe(FILES.d10008.key);
    expect(outcomes.get('d10009')?.practices).toEqual([
      { practiceCode: 'D10009', period: '2026-10', registered: 50, snapshot: 'written' },
    ]);
  });

  it('counts the foreign row in Data quality, on D10009’s file', () => {
    expect(noteOn(FILES.d10009.key)?.notes).toContain(
      '1 foreign row (coded for another practice: D10008: 1 row) not counted: the file name names D10009, and a ' +
        'file named for a practice speaks only for it.',
    );
  });

  it('quarantines a file named for D10013 whose rows are all D10014’s, crediting neither practice', async () => {
    const outcome = outcomes.get('d10013');
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.rejections.map((r) => r.reason)).toEqual(['rows_for_another_practice']);
    expect(outcome?.rejections[0]?.message).toMatch(
      /^All 20 rows with a practice code are coded for another practice \(D10014: 20 rows\), but the file name names D10013/,
    );
    expect(await h.table.getSnapshot('D10014', '2026-10')).toBeUndefined();
    expect(await h.table.getSnapshot('D10013', '2026-10')).toBeUndefined();
  });

  it('lets an ICB-wide export (no practice in its name) speak for every practice in it', () => {
    expect(outcomes.get('icbWide')?.practices.map((p) => [p.practiceCode, p.registered])).toEqual([
      ['D10015', 30],
      ['D10016', 30],
    ]);
    expect(noteOn(FILES.icbWide.key)?.notes).toEqual([]);
  });

  it('flags a new snapshot under half the practice’s previous registered count', () => {
    expect(noteOn(FILES.d10017Oct.key)?.notes).toEqual([
      'D10017: 19 registered patients, under half the 40 of its snapshot for 2026-09; check that the export ' +
        'holds the whole practice list.',
    ]);
  });

  it('ingested the other files of the run', () => {
    for (const name of ['d10008', 'd10009', 'icbWide', 'd10017Sep', 'd10017Oct']) {
      expect(outcomes.get(name)?.status).toBe('ingested');
    }
  });
});
