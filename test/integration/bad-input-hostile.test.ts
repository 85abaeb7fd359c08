import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpillExtent } from '../../lambdas/core/tally/spill-file';
import { type IngestOutcome, ingestExport } from '../../lambdas/pipeline/ingest-export';
import type { FileRecord } from '../../lambdas/ports';
import { writeDelimited } from '../support/delimited-writer';
import { EXPORTS_BUCKET, type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness';
import { syntheticNhsNumbers } from '../support/synthetic-nhs-number';
import { zipArchive } from '../support/zip-writer';

/*
 * Bad-input catalogue, bounded state (issue 13): free text in a column the report counts by value, or an
 * export of 100,000 columns, must not grow what is stored past DynamoDB's item size (which used to abort the
 * whole run); a failure caused by a file's content quarantines that file (`internal_error`, with a reference
 * in the error JSON and the log) and the run goes on with the other files.
 */

const PERIOD = '2026-10';
const HEADER = ['NHS Number', 'Surname', 'Forename', 'Date of Birth', 'Practice Code', 'Preferred Contact Method'];
const NHS = syntheticNhsNumbers(32_000, 100_000);

const FILES = {
  /** 30,000 patients, each with a different free-text preference. */
  freeText: {
    key: 'exports/D20001_2026-10-31_free-text.csv',
    body: writeDelimited([
      HEADER,
      ...NHS.slice(0, 30_000).map((nhs, i) => [
        nhs,
        'Testsurname',
        'Testforename',
        '01/02/1961',
        'D20001',
        `note ${i}`,
      ]),
    ]),
  },
  /** The required columns, then 100,000 more, and two patients. */
  wide: {
    key: 'exports/D20002_2026-10-31_wide.csv',
    body: writeDelimited([
      [...HEADER, ...Array.from({ length: 100_000 }, (_, i) => `C${i}`)],
      [NHS[30_000] as string, 'Testsurname', 'Testforename', '01/02/1961', 'D20002', 'SMS'],
      [NHS[30_001] as string, 'Testsurname', 'Testforename', '01/02/1961', 'D20002', ''],
    ]),
  },
  /** An ICB-wide export that the faulty spill file below breaks while it is counted. */
  faulted: {
    key: 'exports/icb-wide_2026-10-31_faulted.csv',
    body: writeDelimited([
      HEADER,
      ...NHS.slice(30_002, 31_002).map((nhs) => [nhs, 'Testsurname', 'Testforename', '01/02/1961', 'D20003', '']),
      ...NHS.slice(31_002, 31_012).map((nhs) => [nhs, 'Testsurname', 'Testforename', '01/02/1961', 'D20004', '']),
    ]),
  },
  /** 10,000 members, each a one-patient export: used to be quarantined after its first 100 were ingested. */
  manyMembers: {
    key: 'exports/D20006_2026-10-31_many.zip',
    body: zipArchive(
      Array.from({ length: 10_000 }, (_, i) => ({
        name: `D20006_2026-10-31_${i}.csv`,
        data: writeDelimited([
          HEADER,
          [NHS[31_100] as string, 'Testsurname', 'Testforename', '01/02/1961', 'D20006', 'SMS'],
        ]),
      })),
    ),
  },
  /** Comma-separated, then semicolon-separated from line 4 on (two exports pasted together). */
  mixed: {
    key: 'exports/D20007_2026-10-31_mixed.csv',
    body: Buffer.concat([
      writeDelimited([
        HEADER,
        ...NHS.slice(31_200, 31_202).map((nhs) => [nhs, 'Testsurname', 'Testforename', '01/02/1961', 'D20007', 'SMS']),
      ]),
      writeDelimited(
        NHS.slice(31_202, 31_204).map((nhs) => [nhs, 'Testsurname', 'Testforename', '01/02/1961', 'D20007', 'SMS']),
        { delimiter: ';' },
      ),
    ]),
  },
  good: {
    key: 'exports/D20005_2026-10-31.csv',
    body: writeDelimited([
      HEADER,
      [NHS[31_500] as string, 'Testsurname', 'Testforename', '01/02/1961', 'D20005', 'SMS'],
    ]),
  },
};

/** A spill file that fails as a fault in the code reading a file would: the same way on every retry. */
const faultySpill = () => ({
  write(): SpillExtent {
    throw new RangeError('Invalid typed array length: 4294967296');
  },
  read(): Buffer {
    throw new RangeError('never written');
  },
  close() {},
});

describe('bounded state: free text and 100,000 columns cannot stop a run', () => {
  let h: PipelineHarness;
  const outcomes = new Map<string, IngestOutcome>();
  let records: FileRecord[];

  beforeAll(async () => {
    h = await startPipelineHarness();
    for (const [name, { key, body }] of Object.entries(FILES)) {
      await h.land(key, body);
      const deps = h.ingestDeps();
      const scratch = deps.scratch;
      const faulty = name === 'faulted' && { spool: scratch.spool.bind(scratch), openSpillFile: faultySpill };
      outcomes.set(name, await ingestExport(faulty ? { ...deps, scratch: faulty } : deps, EXPORTS_BUCKET, key));
    }
    records = await h.table.listFileRecords(PERIOD);
  }, 120_000);
  afterAll(() => h?.close());

  it('stores the 50 most frequent of 30,000 distinct free-text values and one line for the other 29,950', async () => {
    expect(outcomes.get('freeText')?.status).toBe('ingested');
    const snapshot = await h.table.getSnapshot('D20001', PERIOD);
    expect(snapshot?.counts.unrecognised).toBe(30_000);
    const values = Object.entries(snapshot?.unrecognisedValues ?? {});
    expect(values).toHaveLength(51);
    // All tie at 1 row, so the first 50 in text order are listed; 29,950 rows (4,950+ distinct kept) are not.
    expect(values).toContainEqual(['note 0', 1]);
    expect(values).toContainEqual(['(4950+ more values, not listed)', 29_950]);
  });

  it('ingests a file of 100,000 columns, listing 50 of the ignored ones and counting the rest', () => {
    expect(outcomes.get('wide')?.practices).toEqual([
      { practiceCode: 'D20002', period: PERIOD, registered: 2, snapshot: 'written' },
    ]);
    const note = records.find(
      (r): r is Extract<FileRecord, { kind: 'ingested' }> => r.kind === 'ingested' && r.file === FILES.wide.key,
    );
    expect(note?.ignoredHeaders).toHaveLength(51);
    expect(note?.ignoredHeaders.slice(0, 2)).toEqual(['C0', 'C1']);
    expect(note?.ignoredHeaders.at(-1)).toBe('(99950 other columns)');
  });

  it('quarantines a file its content makes fail as internal_error, with the same reference in the JSON and the log', async () => {
    const outcome = outcomes.get('faulted');
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.practices).toEqual([]);
    const rejection = outcome?.rejections[0];
    expect(rejection?.reason).toBe('internal_error');
    const reference = rejection?.reference ?? '';
    expect(reference).toMatch(/^[0-9a-f]{12}$/);
    expect(rejection?.message).toContain(`Reference ${reference}.`);
    const json = JSON.parse(await h.read(EXPORTS_BUCKET, 'quarantine/icb-wide_2026-10-31_faulted.csv.error.json'));
    expect(json).toMatchObject({ reason: 'internal_error', reference });
    const logged = h.logLines
      .map((line) => JSON.parse(line))
      .find((l) => l.reference === reference && l.level === 'error');
    expect(logged).toMatchObject({ error: 'RangeError', file: FILES.faulted.key });
    // Nothing of it was stored.
    expect(await h.table.getSnapshot('D20003', PERIOD)).toBeUndefined();
  });

  it('quarantines a zip of 10,000 members before any member is ingested', async () => {
    const outcome = outcomes.get('manyMembers');
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.practices).toEqual([]);
    expect(outcome?.rejections.map((r) => [r.file, r.reason])).toEqual([[FILES.manyMembers.key, 'zip_too_large']]);
    expect(await h.table.getSnapshot('D20006', PERIOD)).toBeUndefined();
  });

  it('quarantines a file whose rows switch delimiter part way, naming the line, rather than rejecting half its rows', async () => {
    const outcome = outcomes.get('mixed');
    expect(outcome?.rejections.map((r) => [r.reason, r.message])).toEqual([
      [
        'mixed_delimiters',
        'Line 4 is separated by semicolons, but the header on line 1 by commas: the file switches delimiter part ' +
          'way (often two exports pasted together), so its rows from there on cannot be read.',
      ],
    ]);
    expect(await h.table.getSnapshot('D20007', PERIOD)).toBeUndefined();
  });

  it('ingested the other files of the run, before and after the one that failed', () => {
    for (const name of ['freeText', 'wide', 'good']) expect(outcomes.get(name)?.status).toBe('ingested');
  });
});
