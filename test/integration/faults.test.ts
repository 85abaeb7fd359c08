import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sqsEventForNewObject } from '../../lambdas/local/s3-event';
import { buildPeriodReport } from '../../lambdas/pipeline/build-period-report';
import { ingestExport } from '../../lambdas/pipeline/ingest-export';
import { FaultPlan, type FaultRule, InjectedFault } from '../support/fault-plan';
import { FaultyObjectStore } from '../support/faulty-object-store';
import { FaultyTable } from '../support/faulty-table';
import {
  EXPORTS_BUCKET,
  etagOf,
  type PipelineHarness,
  REPORTS_BUCKET,
  startPipelineHarness,
} from '../support/pipeline-harness';
import { type ExportPatient, practiceExport } from '../support/practice-export';
import { zipArchive } from '../support/zip-writer';
import { sheetTable } from './helpers';

/*
 * Idempotency, ordering and faults (issue 6, SPEC §5 "Idempotent on (bucket, key, version/etag)").
 * The real adapters run against in-process S3/DynamoDB; FaultyObjectStore and FaultyTable fail the
 * calls a plan names. A failed ingest is "redelivered" by calling it again, as SQS would.
 */

const PERIOD = '2026-10';

/** Three patients: one with no preference, one SMS, one letter. */
const THREE: ExportPatient[] = [
  { nhsNumber: '9990003009', surname: 'Ash', forename: 'Ada', dateOfBirth: '01/01/1970', preference: '' },
  {
    nhsNumber: '9990003017',
    surname: 'Birch',
    forename: 'Bo',
    dateOfBirth: '02/02/1980',
    preference: 'SMS',
    mobile: '07700 900301',
  },
  { nhsNumber: '9990003025', surname: 'Cedar', forename: 'Cy', dateOfBirth: '03/03/1990', preference: 'Letter' },
];
/** Two patients, both with no preference: an earlier extract of a smaller list. */
const TWO: ExportPatient[] = [
  { nhsNumber: '9990003009', surname: 'Ash', forename: 'Ada', dateOfBirth: '01/01/1970', preference: '' },
  { nhsNumber: '9990003033', surname: 'Dale', forename: 'Di', dateOfBirth: '04/04/1965', preference: 'Unknown' },
];
const HEADER_ONLY = Buffer.from('NHS Number,Date of Birth,Preferred Contact Method\n');

/** Calls `run` until it resolves, as SQS redelivers a failed message; returns what each failure threw. */
async function redeliver<T>(run: () => Promise<T>, attempts = 5): Promise<{ result: T; failures: unknown[] }> {
  const failures: unknown[] = [];
  for (let i = 0; i < attempts; i++) {
    try {
      return { result: await run(), failures };
    } catch (error) {
      failures.push(error);
    }
  }
  throw new Error(`Still failing after ${attempts} deliveries: ${String(failures.at(-1))}`);
}

describe('redelivery, ordering and re-uploads', () => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await startPipelineHarness();
  });
  afterAll(() => h?.close());

  const ingest = (key: string) => ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key);

  it('changes nothing when the same S3 event is delivered twice', async () => {
    const key = 'exports/F87001_2026-10-31.csv';
    await h.land(key, practiceExport('F87001', THREE));
    const first = await ingest(key);
    const stored = await h.table.getSnapshot('F87001', PERIOD);
    const records = await h.table.listFileRecords(PERIOD);
    const second = await ingest(key);
    expect([first.status, second.status]).toEqual(['ingested', 'already_ingested']);
    expect(await h.table.getSnapshot('F87001', PERIOD)).toEqual(stored);
    expect(await h.table.listFileRecords(PERIOD)).toEqual(records);
  });

  it('counts an export once when the same event is delivered twice at the same moment', async () => {
    const key = 'exports/F87002_2026-10-31.csv';
    await h.land(key, practiceExport('F87002', THREE));
    await Promise.all([ingest(key), ingest(key)]);
    const snapshot = await h.table.getSnapshot('F87002', PERIOD);
    expect(snapshot?.counts).toMatchObject({ rowsRead: 3, registered: 3, noPreference: 1 });
    const records = (await h.table.listFileRecords(PERIOD)).filter((r) => r.file === key);
    expect(records).toHaveLength(1);
  });

  it.each([
    { order: 'the later extract first', practice: 'F87003', first: '2026-10-31', second: '2026-10-05' },
    { order: 'the earlier extract first', practice: 'F87004', first: '2026-10-05', second: '2026-10-31' },
  ])('keeps the later extract of the month when $order arrives', async ({ practice, first, second }) => {
    const body = (date: string) => practiceExport(practice, date === '2026-10-31' ? THREE : TWO);
    for (const date of [first, second]) {
      await h.land(`exports/${practice}_${date}.csv`, body(date));
      await ingest(`exports/${practice}_${date}.csv`);
    }
    const snapshot = await h.table.getSnapshot(practice, PERIOD);
    expect(snapshot?.extractDate).toBe('2026-10-31');
    expect(snapshot?.counts).toMatchObject({ registered: 3, noPreference: 1, prefSms: 1, prefLetter: 1 });
    expect(await gapListSurnames(h, practice)).toEqual(['Ash']);
  });

  it('does not ingest an export again when it is re-uploaded with the same content', async () => {
    const key = 'exports/F87005_2026-10-31.csv';
    await h.land(key, practiceExport('F87005', THREE));
    await ingest(key);
    await h.land(key, practiceExport('F87005', THREE));
    expect((await ingest(key)).status).toBe('already_ingested');
    expect((await h.table.getSnapshot('F87005', PERIOD))?.counts.registered).toBe(3);
  });

  it('never doubles the counts when the same export is uploaded again under another name', async () => {
    await h.land('exports/F87006_2026-10-31.csv', practiceExport('F87006', THREE));
    await h.land('exports/F87006_2026-10-31 (1).csv', practiceExport('F87006', THREE));
    await ingest('exports/F87006_2026-10-31.csv');
    const again = await ingest('exports/F87006_2026-10-31 (1).csv');
    expect(again.practices).toEqual([{ practiceCode: 'F87006', period: PERIOD, registered: 3, snapshot: 'written' }]);
    const snapshot = await h.table.getSnapshot('F87006', PERIOD);
    expect(snapshot?.counts).toMatchObject({ rowsRead: 3, registered: 3, noPreference: 1 });
    expect(snapshot?.source.key).toBe('exports/F87006_2026-10-31 (1).csv');
  });

  it('uses a corrected export re-uploaded under the same name (new content, same extract date)', async () => {
    const key = 'exports/F87007_2026-10-31.csv';
    await h.land(key, practiceExport('F87007', TWO));
    await ingest(key);
    await h.land(key, practiceExport('F87007', THREE));
    expect((await ingest(key)).status).toBe('ingested');
    expect((await h.table.getSnapshot('F87007', PERIOD))?.counts).toMatchObject({ registered: 3, noPreference: 1 });
  });

  it.each([
    { event: 'carries the eTag (as S3 events do)', practice: 'F87008', withEtag: true },
    { event: 'has no eTag (as local mode sends)', practice: 'F87009', withEtag: false },
  ])(
    'changes nothing, and does not fail, when the event for a quarantined export that $event is delivered again',
    async ({ practice, withEtag }) => {
      const key = `exports/${practice}_2026-10-31.csv`;
      await h.land(key, HEADER_ONLY);
      const etag = withEtag ? etagOf(HEADER_ONLY) : undefined;
      expect((await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key, etag)).status).toBe('rejected');
      const kept = await h.keys(EXPORTS_BUCKET, `quarantine/${practice}`);
      // The landing copy is gone (moved to quarantine/), so a redelivered event must not end in the DLQ.
      await expect(ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key, etag)).resolves.toMatchObject({
        file: key,
        status: 'already_ingested',
      });
      expect(await h.keys(EXPORTS_BUCKET, `quarantine/${practice}`)).toEqual(kept);
    },
  );
});

describe('faults while ingesting', () => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await startPipelineHarness();
  });
  afterAll(() => h?.close());

  function faulty(...rules: FaultRule[]) {
    const plan = new FaultPlan();
    for (const rule of rules) plan.fail(rule);
    const objects = new FaultyObjectStore(h.objects, plan);
    const table = new FaultyTable(h.table, plan);
    return { plan, objects, table, deps: h.ingestDeps({ objects, table }) };
  }

  it('fails an export whose download breaks part-way, quarantines and records nothing, and ingests it on redelivery', async () => {
    const key = 'exports/F87010_2026-10-31.csv';
    await h.land(key, practiceExport('F87010', THREE));
    const { deps, plan } = faulty({ operation: 'objects.read', detail: key, afterBytes: 120 });
    await expect(ingestExport(deps, EXPORTS_BUCKET, key)).rejects.toThrow(InjectedFault);
    expect(plan.injected).toEqual([{ operation: 'objects.read', detail: `${EXPORTS_BUCKET}/${key}` }]);
    expect(await h.table.getSnapshot('F87010', PERIOD)).toBeUndefined();
    expect(await h.keys(EXPORTS_BUCKET, 'quarantine/F87010')).toEqual([]);
    expect(await h.keys(EXPORTS_BUCKET, key)).toEqual([key]);
    expect((await h.table.listFileRecords(PERIOD)).filter((r) => r.file === key)).toEqual([]);

    const retried = await ingestExport(deps, EXPORTS_BUCKET, key);
    expect(retried.status).toBe('ingested');
    expect((await h.table.getSnapshot('F87010', PERIOD))?.counts).toMatchObject({ registered: 3, noPreference: 1 });
  });

  it('fails a zip whose download breaks part-way rather than quarantining it, and ingests it on redelivery', async () => {
    const key = 'exports/F87011_2026-10-31.zip';
    await h.land(key, zipArchive([{ name: 'F87011_2026-10-31.csv', data: practiceExport('F87011', THREE) }]));
    const { deps } = faulty({ operation: 'objects.read', detail: key, afterBytes: 40 });
    await expect(ingestExport(deps, EXPORTS_BUCKET, key)).rejects.toThrow(InjectedFault);
    expect(await h.keys(EXPORTS_BUCKET, 'quarantine/F87011')).toEqual([]);
    expect((await ingestExport(deps, EXPORTS_BUCKET, key)).status).toBe('ingested');
    expect((await h.table.getSnapshot('F87011', PERIOD))?.counts.registered).toBe(3);
  });

  it.each([
    { operation: 'ledger.getIngest', practice: 'F87020' },
    { operation: 'directory.listPractices', practice: 'F87021' },
    { operation: 'snapshots.putSnapshot', practice: 'F87022' },
    { operation: 'ledger.putFileRecord', practice: 'F87023' },
    { operation: 'ledger.putIngest', practice: 'F87024' },
  ] as const)(
    'recovers from DynamoDB throttling on $operation by redelivery, counting the export once',
    async ({ operation, practice }) => {
      const key = `exports/${practice}_2026-10-31.csv`;
      await h.land(key, practiceExport(practice, THREE));
      const { deps } = faulty({ operation });
      const { result, failures } = await redeliver(() => ingestExport(deps, EXPORTS_BUCKET, key));
      expect(failures.map((f) => (f as Error).name)).toEqual(['ProvisionedThroughputExceededException']);
      expect(result.status).toBe('ingested');
      expect((await h.table.getSnapshot(practice, PERIOD))?.counts).toMatchObject({
        rowsRead: 3,
        registered: 3,
        noPreference: 1,
      });
      expect((await h.table.listFileRecords(PERIOD)).filter((r) => r.file === key)).toHaveLength(1);
      expect(await ingestExport(deps, EXPORTS_BUCKET, key)).toMatchObject({ status: 'already_ingested' });
    },
  );

  it('recovers from a failed copy, report or delete while quarantining, keeping the file', async () => {
    const key = 'exports/F87025_2026-10-31.csv';
    await h.land(key, HEADER_ONLY);
    const { deps } = faulty(
      { operation: 'objects.copy', detail: key },
      { operation: 'objects.put', detail: 'F87025_2026-10-31.csv.error.json' },
      { operation: 'objects.delete', detail: key },
    );
    const { result, failures } = await redeliver(() => ingestExport(deps, EXPORTS_BUCKET, key));
    expect(failures).toHaveLength(3);
    expect(result.status).toBe('rejected');
    expect(await h.keys(EXPORTS_BUCKET, 'quarantine/F87025')).toEqual([
      'quarantine/F87025_2026-10-31.csv',
      'quarantine/F87025_2026-10-31.csv.error.json',
    ]);
  });

  it('keeps the file and ends without error when recording a quarantined export fails after the move', async () => {
    const key = 'exports/F87026_2026-10-31.csv';
    await h.land(key, HEADER_ONLY);
    const { deps } = faulty({ operation: 'ledger.putIngest', detail: key });
    // The landing copy is already gone when the ledger write fails, and the ledger has no entry for the
    // event's eTag: redelivery must still succeed rather than end in the dead-letter queue.
    const { result } = await redeliver(() => ingestExport(deps, EXPORTS_BUCKET, key, etagOf(HEADER_ONLY)), 3);
    expect(['rejected', 'already_ingested']).toContain(result.status);
    expect(await h.keys(EXPORTS_BUCKET, 'quarantine/F87026')).toHaveLength(2);
  });

  it('lets a later extract written at the same moment win the conditional write', async () => {
    const older = 'exports/F87030_2026-10-05.csv';
    const newer = 'exports/F87030_2026-10-31.csv';
    await h.land(older, practiceExport('F87030', TWO));
    await h.land(newer, practiceExport('F87030', THREE));
    const { deps, table } = faulty();
    table.beforePutSnapshot = async () => {
      await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, newer);
    };
    const outcome = await ingestExport(deps, EXPORTS_BUCKET, older);
    expect(outcome.practices).toEqual([
      { practiceCode: 'F87030', period: PERIOD, registered: 2, snapshot: 'superseded' },
    ]);
    const snapshot = await h.table.getSnapshot('F87030', PERIOD);
    expect(snapshot?.extractDate).toBe('2026-10-31');
    expect(await gapListSurnames(h, 'F87030')).toEqual(['Ash']);
  });

  it('keeps the gap list rows of the snapshot that won when two ingests of one practice and month interleave', async () => {
    const older = 'exports/F87031_2026-10-05.csv';
    const newer = 'exports/F87031_2026-10-31.csv';
    await h.land(older, practiceExport('F87031', TWO));
    await h.land(newer, practiceExport('F87031', THREE));
    const { deps, objects } = faulty();
    // The older export's snapshot is written first; the newer one is ingested completely before the
    // older ingest gets to write its gap list rows (two Lambdas, one slower).
    objects.beforePut(`staging/gap-rows/${PERIOD}/F87031`, async () => {
      await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, newer);
    });
    await ingestExport(deps, EXPORTS_BUCKET, older);
    const snapshot = await h.table.getSnapshot('F87031', PERIOD);
    expect(snapshot?.extractDate).toBe('2026-10-31');
    expect(await gapListSurnames(h, 'F87031')).toEqual(['Ash']);
  });
});

describe('faults while writing snapshots and reports (write-then-commit)', () => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await startPipelineHarness();
    for (const practice of ['F88001', 'F88002']) {
      const key = `exports/${practice}_2026-10-31.csv`;
      await h.land(key, practiceExport(practice, THREE));
      expect((await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key)).status).toBe('ingested');
    }
  });
  afterAll(() => h?.close());

  const reportKeys = [
    `reports/${PERIOD}/icb-report-${PERIOD}.xlsx`,
    `reports/${PERIOD}/practice-metrics-${PERIOD}.csv`,
  ];

  it('builds no report at all when the first build fails half-way, and says which practice failed', async () => {
    // F88002 came in last, so its gap list is already up to date: the report only checks it (HEAD).
    const plan = new FaultPlan().fail({
      operation: 'objects.head',
      detail: `gap-list-F88002-${PERIOD}`,
      error: () => new Error('socket hang up'),
    });
    const objects = new FaultyObjectStore(h.objects, plan);
    const failure = buildPeriodReport(h.reportDeps({ objects }), PERIOD);
    await expect(failure).rejects.toThrow(/F88002/);
    expect(await h.keys(REPORTS_BUCKET, `reports/${PERIOD}/`)).toEqual([]);
  });

  it('leaves the previous report in place when a rebuild fails half-way', async () => {
    await buildPeriodReport(h.reportDeps(), PERIOD);
    const before = await Promise.all(reportKeys.map((key) => h.read(REPORTS_BUCKET, key)));
    const plan = new FaultPlan().fail({ operation: 'objects.head', detail: `gap-list-F88002-${PERIOD}` });
    await expect(
      buildPeriodReport(h.reportDeps({ objects: new FaultyObjectStore(h.objects, plan) }), PERIOD),
    ).rejects.toThrow(/F88002/);
    expect(await Promise.all(reportKeys.map((key) => h.read(REPORTS_BUCKET, key)))).toEqual(before);
  });

  it('surfaces a failed workbook write, and the retried build leaves the CSV and workbook agreeing', async () => {
    const plan = new FaultPlan().fail({ operation: 'objects.put', detail: `icb-report-${PERIOD}.xlsx` });
    const deps = h.reportDeps({ objects: new FaultyObjectStore(h.objects, plan) });
    const { result, failures } = await redeliver(() => buildPeriodReport(deps, PERIOD));
    expect(failures).toHaveLength(1);
    const csv = await h.read(REPORTS_BUCKET, result.csvKey);
    expect(csv.split('\n').filter((line) => /^2026-10,F8800[12],/.test(line))).toHaveLength(2);
    expect(await h.keys(REPORTS_BUCKET, `reports/${PERIOD}/`)).toEqual(reportKeys);
  });

  it('never shows a snapshot without its gap list rows: a failed write leaves the previous state', async () => {
    const key = 'exports/F88003_2026-10-31.csv';
    await h.land(key, practiceExport('F88003', THREE));
    const plan = new FaultPlan().fail({ operation: 'objects.put', detail: `staging/gap-rows/${PERIOD}/F88003` });
    const deps = h.ingestDeps({ objects: new FaultyObjectStore(h.objects, plan) });
    try {
      await expect(ingestExport(deps, EXPORTS_BUCKET, key)).rejects.toThrow(InjectedFault);
      expect(await h.table.getSnapshot('F88003', PERIOD)).toBeUndefined();
      // The monthly report can still be built from what is committed.
      await expect(buildPeriodReport(h.reportDeps(), PERIOD)).resolves.toMatchObject({ period: PERIOD });
    } finally {
      // Redelivery completes the ingest, so later tests see a consistent store whatever happened above.
      await ingestExport(deps, EXPORTS_BUCKET, key);
    }
    expect((await buildPeriodReport(h.reportDeps(), PERIOD)).practices).toEqual(['F88001', 'F88002', 'F88003']);
  });
});

describe('the ingest handler says what failed', () => {
  let h: PipelineHarness;
  let lines: string[];
  beforeAll(async () => {
    h = await startPipelineHarness();
    Object.assign(process.env, h.env, { LOG_LEVEL: 'info' });
  });
  afterAll(() => h?.close());
  afterEach(() => vi.restoreAllMocks());

  it('names the object whose ingest failed in the error log line', async () => {
    lines = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const { handler } = await import('../../lambdas/handlers/ingest');
    const event = sqsEventForNewObject(EXPORTS_BUCKET, 'exports/gone/F87099_2026-10-31.csv', 10, '');
    const response = await handler(event);
    vi.restoreAllMocks();
    expect(response.batchItemFailures).toHaveLength(1);
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.level === 'error');
    expect(failure).toMatchObject({ key: 'exports/gone/F87099_2026-10-31.csv', bucket: EXPORTS_BUCKET });
  });
});

/** Surnames on the "No preference" sheet of the practice's gap list, as the monthly report rebuilds it. */
async function gapListSurnames(h: PipelineHarness, practiceCode: string): Promise<unknown[]> {
  const result = await buildPeriodReport(h.reportDeps(), PERIOD);
  const key = result.gapListKeys.find((k) => k.includes(practiceCode));
  if (!key) throw new Error(`No gap list for ${practiceCode} among ${result.gapListKeys.join(', ')}`);
  const object = await h.objects.get(REPORTS_BUCKET, key);
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('No preference');
  if (!sheet) throw new Error('The gap list has no "No preference" sheet.');
  return sheetTable(sheet, 'Surname').map((row) => row.Surname);
}
