import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestOutcome, ingestExport } from '../../lambdas/pipeline/ingest-export';
import { findPatientData } from '../support/patient-data';
import { EXPORTS_BUCKET, type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness';

/*
 * Issue 13, item 1: a header line merged with the first data row used to be quoted whole in the
 * missing_required_columns message ("Columns found: …9990700001, 05/10/1948, 07700 900000").
 */
const KEY = 'exports/merged/D83001_2026-10-31_merged-header.csv';
const IDENTIFIERS = ['9990700001', '05/10/1948', '07700 900000', 'jo.bloggs@example.com', 'LS1 4AP'];
const BODY = `NHS Number,Date of Birth,${IDENTIFIERS.join(',')},Carer\r\n9990700028,01/01/1980,,,,,,\r\n`;

describe('a header line merged with a data row', () => {
  let h: PipelineHarness;
  let outcome: IngestOutcome;

  beforeAll(async () => {
    h = await startPipelineHarness();
    await h.land(KEY, BODY);
    outcome = await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, KEY);
  });
  afterAll(() => h?.close());

  it('names the columns it can and counts the rest by shape', () => {
    expect(outcome.rejections.map((r) => r.reason)).toEqual(['missing_required_columns']);
    expect(outcome.rejections[0]?.message).toContain(
      // "Carer" could be a patient's name in a data row: only the headers that matched a field are quoted.
      'Columns found: "NHS Number", "Date of Birth" and 6 other columns, not quoted because the header line looks ' +
        "like it holds a patient's details. Withheld as possibly personal data: " +
        '1 value that looks like a date, 2 values that look like phone or NHS numbers, ' +
        '1 value that looks like an email address and 1 value that looks like a postcode.',
    );
  });

  it('quotes none of the row in the message, the hint or the quarantine report', async () => {
    const rejection = outcome.rejections[0];
    const report = await h.read(EXPORTS_BUCKET, 'quarantine/merged/D83001_2026-10-31_merged-header.csv.error.json');
    const everything = `${rejection?.message} ${rejection?.hint} ${report}`;
    expect(findPatientData(everything, IDENTIFIERS)).toEqual([]);
    for (const identifier of IDENTIFIERS) expect(everything).not.toContain(identifier);
  });
});
