import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPeriodReport } from '../../lambdas/pipeline/build-period-report';
import { ingestExport } from '../../lambdas/pipeline/ingest-export';
import type { Dialect } from '../support/delimited-writer';
import { FaultPlan } from '../support/fault-plan';
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
import { SeededRandom } from '../support/seeded-random';
import { syntheticNhsNumbers } from '../support/synthetic-nhs-number';
import { zipArchive } from '../support/zip-writer';

/*
 * Soak: 200 exports (39 practices × 5 extracts, plus 5 broken files) arrive in a shuffled order,
 * a quarter of the S3 events are delivered twice, and about one store call in twenty fails
 * (reads broken mid-stream, throttled DynamoDB writes, failed puts). A failed message goes back on
 * the queue, as SQS redelivers it. At the end every practice's snapshot for each month must be
 * exactly its latest extract, counted once. Deterministic (seed below), bounded, in-process.
 */

const SEED = 20261031;
const PRACTICES = 39;
const EXTRACT_DATES = ['2026-09-12', '2026-09-28', '2026-10-03', '2026-10-17', '2026-10-30'] as const;
const MAX_DELIVERIES = 15;

/** Preference values as written, with the count each one adds to (worked out from SPEC §2.3, not the code). */
const PREFERENCES: readonly { value: string; count: ExpectedCount }[] = [
  { value: '', count: 'noPreference' },
  { value: 'Unknown', count: 'noPreference' },
  { value: 'SMS', count: 'prefSms' },
  { value: 'Text message', count: 'prefSms' },
  { value: 'Email', count: 'prefEmail' },
  { value: 'Letter', count: 'prefLetter' },
  { value: 'Telephone', count: 'prefTelephone' },
  { value: 'Carrier pigeon', count: 'unrecognised' },
];

type ExpectedCount = 'noPreference' | 'prefSms' | 'prefEmail' | 'prefLetter' | 'prefTelephone' | 'unrecognised';
type Expected = Record<ExpectedCount | 'rowsRead' | 'registered' | 'rowsRejected' | 'duplicateRows', number>;

const DIALECTS: readonly Partial<Dialect>[] = [
  {},
  { delimiter: ';', lineEnding: '\r\n' },
  { delimiter: '\t', quoting: 'all' },
  { delimiter: '|', bom: true },
  { encoding: 'windows-1252', lineEnding: '\r\n', finalNewline: false },
];

interface SoakExport {
  key: string;
  body: Buffer;
  practiceCode?: string;
  extractDate?: string;
  expected?: Expected;
}

/** One practice's extract: 5–50 rows with a few invalid NHS numbers and repeated rows, and its expected counts. */
function practiceExtract(
  random: SeededRandom,
  pool: readonly string[],
): { patients: ExportPatient[]; expected: Expected } {
  const expected: Expected = {
    rowsRead: 0,
    registered: 0,
    rowsRejected: 0,
    duplicateRows: 0,
    noPreference: 0,
    prefSms: 0,
    prefEmail: 0,
    prefLetter: 0,
    prefTelephone: 0,
    unrecognised: 0,
  };
  const rows = random.int(5, 50);
  const patients: ExportPatient[] = [];
  const used = new Set<string>();
  for (let i = 0; i < rows; i++) {
    expected.rowsRead++;
    const roll = random.next();
    if (roll < 0.04) {
      patients.push({
        nhsNumber: '9990000001',
        surname: 'Invalid',
        forename: 'Row',
        dateOfBirth: '01/01/1980',
        preference: 'SMS',
      });
      expected.rowsRejected++;
      continue;
    }
    if (roll < 0.08 && patients.length > 0) {
      const earlier = random.pick(patients);
      patients.push({ ...earlier, preference: 'Letter' });
      if (earlier.nhsNumber === '9990000001') expected.rowsRejected++;
      else expected.duplicateRows++;
      continue;
    }
    let nhsNumber = random.pick(pool);
    while (used.has(nhsNumber)) nhsNumber = random.pick(pool);
    used.add(nhsNumber);
    const preference = random.pick(PREFERENCES);
    patients.push({
      nhsNumber,
      surname: random.pick(['Ash', 'Birch', 'Cedar', 'Dale', 'Elm', 'Fern', 'Gorse', 'Hazel']),
      forename: random.pick(['Al', 'Bea', 'Cal', 'Dot', 'Ed', 'Flo', 'Gus', 'Hal']),
      dateOfBirth: `${String(random.int(1, 28)).padStart(2, '0')}/0${random.int(1, 9)}/${random.int(1930, 2020)}`,
      preference: preference.value,
      mobile: random.next() < 0.5 ? `07700 900${String(random.int(0, 999)).padStart(3, '0')}` : '',
    });
    expected.registered++;
    expected[preference.count]++;
  }
  return { patients, expected };
}

function soakExports(random: SeededRandom): SoakExport[] {
  const exports: SoakExport[] = [];
  for (let p = 0; p < PRACTICES; p++) {
    const practiceCode = `S9${String(p + 1).padStart(4, '0')}`;
    const pool = syntheticNhsNumbers(70, 10_000 + p * 100);
    for (const [d, extractDate] of EXTRACT_DATES.entries()) {
      const { patients, expected } = practiceExtract(random, pool);
      const csv = practiceExport(practiceCode, patients, DIALECTS[(p + d) % DIALECTS.length]);
      const name = `${practiceCode}_${extractDate}.csv`;
      const zipped = (p * 5 + d) % 9 === 0;
      exports.push({
        key: `exports/soak/${zipped ? name.replace('.csv', '.zip') : name}`,
        body: zipped ? zipArchive([{ name, data: csv }]) : csv,
        practiceCode,
        extractDate,
        expected,
      });
    }
  }
  for (let b = 1; b <= 5; b++) {
    exports.push({
      key: `exports/soak/broken-${b}_2026-10-31.csv`,
      body: Buffer.from('NHS Number,DOB,Preferred Contact Method\n'),
    });
  }
  return exports;
}

/** The extract each practice's snapshot must come from: the latest in each month. */
function expectedSnapshots(exports: readonly SoakExport[]): Map<string, SoakExport> {
  const latest = new Map<string, SoakExport>();
  for (const e of exports) {
    if (!e.practiceCode || !e.extractDate) continue;
    const id = `${e.practiceCode}/${e.extractDate.slice(0, 7)}`;
    const current = latest.get(id);
    if (!current || (current.extractDate as string) < e.extractDate) latest.set(id, e);
  }
  return latest;
}

describe('soak: 200 exports with injected faults and duplicated events', () => {
  let h: PipelineHarness;
  const random = new SeededRandom(SEED);
  const exports = soakExports(random);
  const dlq: { key: string; error: string }[] = [];
  let deliveries = 0;
  let plan: FaultPlan;

  beforeAll(async () => {
    h = await startPipelineHarness();
    for (const e of exports) await h.land(e.key, e.body);

    plan = new FaultPlan({
      seed: SEED,
      rates: {
        'objects.get': 0.02,
        'objects.read': 0.05,
        'objects.put': 0.03,
        'objects.copy': 0.05,
        'objects.delete': 0.05,
        'ledger.getIngest': 0.02,
        'ledger.putIngest': 0.04,
        'ledger.putFileRecord': 0.03,
        'snapshots.putSnapshot': 0.05,
        'directory.listPractices': 0.02,
      },
    });
    const deps = h.ingestDeps({
      objects: new FaultyObjectStore(h.objects, plan),
      table: new FaultyTable(h.table, plan),
    });

    // The queue: every event once, a quarter of them twice (shuffled together), each message redelivered on
    // failure. Events carry the object's eTag, as S3 notifications do.
    const events = [...exports, ...exports.filter(() => random.next() < 0.25)];
    const queue = random.shuffle(events).map((e) => ({ key: e.key, etag: etagOf(e.body), attempts: 0 }));
    for (let message = queue.shift(); message; message = queue.shift()) {
      deliveries++;
      try {
        await ingestExport(deps, EXPORTS_BUCKET, message.key, message.etag);
      } catch (error) {
        message.attempts++;
        if (message.attempts >= MAX_DELIVERIES) dlq.push({ key: message.key, error: String(error) });
        else queue.splice(random.int(0, queue.length), 0, message);
      }
    }
  }, 120_000);
  afterAll(() => h?.close());

  it('injected faults and redelivered the failed messages', () => {
    expect(exports).toHaveLength(200);
    expect(plan.injected.length).toBeGreaterThan(30);
    expect(deliveries).toBeGreaterThan(250);
  });

  it('ends with exactly the latest extract of each practice and month as its snapshot, counted once', async () => {
    const wanted = expectedSnapshots(exports);
    expect(wanted.size).toBe(PRACTICES * 2);
    for (const [id, e] of wanted) {
      const [practiceCode, period] = id.split('/') as [string, string];
      const snapshot = await h.table.getSnapshot(practiceCode, period);
      expect({ id, extractDate: snapshot?.extractDate, counts: snapshot?.counts }).toMatchObject({
        id,
        extractDate: e.extractDate,
        counts: e.expected,
      });
    }
    expect(await h.table.listPeriods()).toEqual(['2026-09', '2026-10']);
  });

  it('quarantines each broken file once, with its JSON reason, and no snapshot for it', async () => {
    const kept = await h.keys(EXPORTS_BUCKET, 'quarantine/soak/');
    expect(kept).toEqual(
      [1, 2, 3, 4, 5].flatMap((b) => [
        `quarantine/soak/broken-${b}_2026-10-31.csv`,
        `quarantine/soak/broken-${b}_2026-10-31.csv.error.json`,
      ]),
    );
    expect(await h.keys(EXPORTS_BUCKET, 'exports/soak/broken-')).toEqual([]);
  });

  it('sends no message to the dead-letter queue', () => {
    expect(dlq).toEqual([]);
  });

  it('builds each month report with every practice once and the expected totals', async () => {
    plan.calm();
    const wanted = expectedSnapshots(exports);
    for (const period of ['2026-09', '2026-10']) {
      const result = await buildPeriodReport(h.reportDeps(), period);
      const csv = (await h.read(REPORTS_BUCKET, result.csvKey)).trim().split('\n');
      const header = (csv[0] as string).split(',');
      const registered = header.indexOf('registered');
      const rows = csv.slice(1).map((line) => line.split(','));
      expect(rows).toHaveLength(PRACTICES);
      let total = 0;
      for (const row of rows) {
        const expected = wanted.get(`${row[1]}/${period}`)?.expected;
        expect(Number(row[registered])).toBe(expected?.registered);
        total += expected?.registered ?? 0;
      }
      expect(result.report.icb.counts.registered).toBe(total);
    }
  }, 60_000);
});
