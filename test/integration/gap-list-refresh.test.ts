import ExcelJS from 'exceljs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPeriodReport } from '../../lambdas/pipeline/build-period-report';
import { ingestExport } from '../../lambdas/pipeline/ingest-export';
import { GAP_LIST_FINGERPRINT_KEY } from '../../lambdas/pipeline/refresh-gap-list';
import { FaultPlan } from '../support/fault-plan';
import { FaultyObjectStore } from '../support/faulty-object-store';
import {
  EXPORTS_BUCKET,
  type PipelineHarness,
  REPORTS_BUCKET,
  startPipelineHarness,
} from '../support/pipeline-harness';
import { type ExportPatient, practiceExport } from '../support/practice-export';
import { syntheticNhsNumbers } from '../support/synthetic-nhs-number';

const PERIOD = '2026-10';
const CODES = ['F88001', 'F88002', 'F88003'];
const NUMBERS = syntheticNhsNumbers(30);

/** Ten patients for practice `p`: `missing` of them with no recorded preference, the rest SMS. */
function patients(p: number, missing: number): ExportPatient[] {
  return NUMBERS.slice(p * 10, p * 10 + 10).map((nhsNumber, i) => ({
    nhsNumber,
    surname: `Surname${i}`,
    forename: 'Amy',
    dateOfBirth: '01/01/1980',
    preference: i < missing ? '' : 'SMS',
    mobile: '07700 900123',
  }));
}

/** 2, 5 and 8 of ten patients without a preference (three practices: too few for deciles, SPEC §3). */
const MISSING = [2, 5, 8];

/** One export holding every practice (an ICB-wide extract), one header. */
function icbWideExport(missing: readonly number[] = MISSING): Buffer {
  return Buffer.concat(
    CODES.map((code, p) => {
      const text = practiceExport(code, patients(p, missing[p] as number)).toString('utf8');
      return Buffer.from(p === 0 ? text : text.slice(text.indexOf('\n') + 1));
    }),
  );
}

const gapListKey = (code: string) => `gap-lists/${PERIOD}/gap-list-${code}-${PERIOD}.xlsx`;

async function summaryText(h: PipelineHarness, code: string): Promise<string> {
  const object = await h.objects.get(REPORTS_BUCKET, gapListKey(code));
  const chunks: Uint8Array[] = [];
  for await (const chunk of object.body) chunks.push(chunk);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.getWorksheet('Summary')?.eachRow((row) => {
    row.eachCell((cell) => texts.push(String(cell.value)));
  });
  return texts.join('\n');
}

let h: PipelineHarness;
beforeEach(async () => {
  await h?.close();
  h = await startPipelineHarness();
});
afterAll(() => h?.close());

describe('gap lists are rendered once: at ingest, and again by the report only when out of date', () => {
  it('an ICB-wide export: the ingest renders every list in place, the report renders none again', async () => {
    await h.land('exports/icb_2026-10-31.csv', icbWideExport());
    expect((await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, 'exports/icb_2026-10-31.csv')).status).toBe('ingested');

    const before = await Promise.all(CODES.map((code) => h.objects.head(REPORTS_BUCKET, gapListKey(code))));
    for (const head of before) expect(head?.metadata[GAP_LIST_FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    expect(await h.objects.head(REPORTS_BUCKET, gapListKey('Z99999'))).toBeUndefined();
    // Placed in the ICB at ingest: all three practices were in the same file.
    expect(await summaryText(h, 'F88003')).toContain('Half of the 3 practices that reported this month');

    const result = await buildPeriodReport(h.reportDeps(), PERIOD);
    expect(result.gapListKeys.sort()).toEqual(CODES.map(gapListKey));
    expect(result.gapListsRendered).toBe(0);
    const after = await Promise.all(CODES.map((code) => h.objects.head(REPORTS_BUCKET, gapListKey(code))));
    expect(after.map((head) => head?.etag)).toEqual(before.map((head) => head?.etag));
  });

  it('months of history: the ingest places each list as the report will (change since last month included)', async () => {
    for (const [month, missing] of [
      ['2026-08-31', [4, 4, 4]],
      ['2026-09-30', [3, 6, 9]],
      ['2026-10-31', MISSING],
    ] as const) {
      const key = `exports/icb_${month}.csv`;
      await h.land(key, icbWideExport(missing));
      expect((await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key)).status).toBe('ingested');
    }
    const result = await buildPeriodReport(h.reportDeps(), PERIOD);
    expect(result.gapListsRendered).toBe(0);
    // F88002: 60% in September, 50% in October.
    expect(await summaryText(h, 'F88002')).toMatch(/Change since last month \(percentage points\)\n-10\n/);
  });

  it('one export per practice: the report re-renders only the lists whose place in the ICB changed since', async () => {
    for (const [p, code] of CODES.entries()) {
      const key = `exports/${code}_2026-10-31.csv`;
      await h.land(key, practiceExport(code, patients(p, MISSING[p] as number)));
      expect((await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key)).status).toBe('ingested');
    }
    // F88001 was placed among 1 practice, F88002 among 2: both out of date once F88003 is in.
    expect(await summaryText(h, 'F88001')).toContain('Half of the 1 practices that reported this month');

    const first = await buildPeriodReport(h.reportDeps(), PERIOD);
    expect(first.gapListsRendered).toBe(2);
    expect(await summaryText(h, 'F88001')).toContain('Half of the 3 practices that reported this month');

    // Nothing changed: a re-run (the scheduler's retry, or a manual one) renders nothing.
    const again = await buildPeriodReport(h.reportDeps(), PERIOD);
    expect(again.gapListsRendered).toBe(0);
  });

  it('a later extract for one practice: its list is rendered at ingest, the others by the report', async () => {
    await h.land('exports/icb_2026-10-31.csv', icbWideExport());
    await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, 'exports/icb_2026-10-31.csv');
    // F88001 fixes its records: 2 → 0 without a preference. The ICB rate moves, and with it the
    // funnel plot position (z-score) printed on the other two practices' lists.
    await h.land('exports/F88001_2026-10-31_v2.csv', practiceExport('F88001', patients(0, 0)));
    await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, 'exports/F88001_2026-10-31_v2.csv');
    const fixed = await h.objects.head(REPORTS_BUCKET, gapListKey('F88001'));

    const result = await buildPeriodReport(h.reportDeps(), PERIOD);
    expect(result.gapListsRendered).toBe(2);
    expect((await h.objects.head(REPORTS_BUCKET, gapListKey('F88001')))?.etag).toBe(fixed?.etag);
    expect(await summaryText(h, 'F88001')).toMatch(/Patients with no recorded preference\n0\n/);
  });

  it('a list overwritten by a slower ingest of an older extract is put right by the report', async () => {
    // Two Lambdas for one practice: the older extract's snapshot is stored first, then the newer export is
    // ingested completely, and only then does the older ingest write its (now out-of-date) gap list.
    const older = 'exports/F88001_2026-10-05.csv';
    const newer = 'exports/F88001_2026-10-31.csv';
    await h.land(older, practiceExport('F88001', patients(0, 2)));
    await h.land(newer, practiceExport('F88001', patients(0, 7)));
    const objects = new FaultyObjectStore(h.objects, new FaultPlan());
    objects.beforePut(gapListKey('F88001'), async () => {
      await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, newer);
    });
    await ingestExport(h.ingestDeps({ objects }), EXPORTS_BUCKET, older);
    expect((await h.table.getSnapshot('F88001', PERIOD))?.extractDate).toBe('2026-10-31');
    expect(await summaryText(h, 'F88001')).toMatch(/Patients with no recorded preference\n2\n/);

    const result = await buildPeriodReport(h.reportDeps(), PERIOD);
    expect(result.gapListsRendered).toBe(1);
    expect(await summaryText(h, 'F88001')).toMatch(/Patients with no recorded preference\n7\n/);
  });
});
