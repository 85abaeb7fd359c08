import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate, periodOf } from '../../lambdas/core/period';
import { type IngestOutcome, ingestExport } from '../../lambdas/pipeline/ingest-export';
import type { FileRecord } from '../../lambdas/ports';
import { writeDelimited } from '../support/delimited-writer';
import { EXPORTS_BUCKET, type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness';

/*
 * Bad-input catalogue, extract dates (issue 13, SPEC §2.1): an impossible date in a file name, or an extract
 * date before 2019-04-01, quarantines the file (`bad_extract_date`) instead of silently moving it to another
 * month; a file dated by its upload time says so in Data quality.
 */

const HEADER = ['NHS Number', 'Date of Birth', 'Preferred Contact Method'];
const ROW = ['9990000018', '01/02/1961', 'SMS'];

const FILES = {
  impossible: { key: 'exports/D10012_2026-02-30.csv', body: writeDelimited([HEADER, ROW]) },
  ancient: {
    key: 'exports/D10018_2026-10-31.csv',
    body: writeDelimited([
      [...HEADER, 'Extract Date'],
      [...ROW, '31/10/1926'],
    ]),
  },
  undated: { key: 'exports/D10019.csv', body: writeDelimited([HEADER, ROW]) },
  good: { key: 'exports/D10020_2026-10-31.csv', body: writeDelimited([HEADER, ROW]) },
};

describe('extract dates that cannot be right', () => {
  let h: PipelineHarness;
  const outcomes = new Map<string, IngestOutcome>();
  const uploadDate = londonDate(new Date());

  beforeAll(async () => {
    h = await startPipelineHarness();
    for (const [name, { key, body }] of Object.entries(FILES)) {
      await h.land(key, body);
      outcomes.set(name, await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key));
    }
  });
  afterAll(() => h?.close());

  it('quarantines D10012_2026-02-30.csv (an impossible date, no date column) rather than using the upload month', () => {
    const outcome = outcomes.get('impossible');
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.rejections.map((r) => [r.reason, r.message])).toEqual([
      [
        'bad_extract_date',
        'The file name holds "2026-02-30", which is not a real date, so the extract date is unknown.',
      ],
    ]);
  });

  it('quarantines an extract date of 31/10/1926 rather than creating a 1926 period', async () => {
    const outcome = outcomes.get('ancient');
    expect(outcome?.rejections.map((r) => r.reason)).toEqual(['bad_extract_date']);
    expect(outcome?.rejections[0]?.message).toMatch(/^The extract date 1926-10-31 is before 2019-04-01/);
    expect(await h.table.listPeriods()).not.toContain('1926-10');
  });

  it('ingests a file with no date anywhere by its upload date, and says so in Data quality', async () => {
    const period = periodOf(uploadDate);
    expect(outcomes.get('undated')?.practices).toEqual([
      { practiceCode: 'D10019', period, registered: 1, snapshot: 'written' },
    ]);
    const note = (await h.table.listFileRecords(period)).find(
      (r): r is Extract<FileRecord, { kind: 'ingested' }> => r.kind === 'ingested' && r.file === FILES.undated.key,
    );
    expect(note?.notes).toEqual([
      `D10019: no extract date in a column or the file name; the upload date (${uploadDate}) was used.`,
    ]);
  });

  it('ingested the other file of the run', () => {
    expect(outcomes.get('good')?.practices.map((p) => [p.practiceCode, p.period])).toEqual([['D10020', '2026-10']]);
  });
});
