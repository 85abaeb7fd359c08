import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sqsEventForNewObject } from '../../lambdas/local/s3-event';
import { buildPeriodReport } from '../../lambdas/pipeline/build-period-report';
import { ingestExport } from '../../lambdas/pipeline/ingest-export';
import { writeDelimited } from '../support/delimited-writer';
import { FaultPlan } from '../support/fault-plan';
import { FaultyObjectStore } from '../support/faulty-object-store';
import { FaultyTable } from '../support/faulty-table';
import { findPatientData } from '../support/patient-data';
import {
  EXPORTS_BUCKET,
  type PipelineHarness,
  REPORTS_BUCKET,
  startPipelineHarness,
} from '../support/pipeline-harness';
import { EXPORT_HEADER } from '../support/practice-export';

/*
 * SPEC §8: no personal data in logs, metrics or error messages. Exports full of (synthetic) patient
 * data go through the pipeline and the real ingest handler — good rows, bad rows, broken files and
 * injected faults — and every log line, error message and quarantine report is searched for the
 * NHS numbers, names, dates of birth, phones and emails of those exports.
 */

const HEADER = [...EXPORT_HEADER, 'SMS Consent', 'QOF Registers', 'AIS Need'];

const ROWS = [
  [
    '9990004005',
    'Wolstenholme',
    'Xanthe',
    '14/03/1958',
    'P91001',
    '',
    '07700 900411',
    'xanthe@example.com',
    'Yes',
    'DM',
    'Large print',
  ],
  ['9990004013', 'Yardley', 'Zebedee', '1987-11-02', 'P91001', 'SMS', '', '', 'No', '', ''],
  [
    '999 000 4021',
    'Quenby',
    'Ottoline',
    '02-Jan-2001',
    'P91001',
    'Email',
    '+44 (0)7700 900412',
    'ottoline@example',
    '',
    'AST',
    '',
  ],
  // A duplicate, an invalid NHS number and a future date of birth: rows that are counted, not stored.
  ['9990004005', 'Wolstenholme', 'Xanthe', '14/03/1958', 'P91001', 'Letter', '', '', '', '', ''],
  [
    '9990004012',
    'Invalidnumber',
    'Peregrine',
    '05/05/1975',
    'P91001',
    'SMS',
    '07700 900413',
    'peregrine@example.org',
    '',
    '',
    '',
  ],
  ['9990004048', 'Fairweather', 'Isolde', '01/01/2031', 'P91001', 'Unknown', '', 'isolde@example.org', '', '', ''],
];

/** Every patient value in the exports above, in the spelling it was written. */
const PATIENT_VALUES = [
  ...new Set(ROWS.flatMap((row) => [row[0], row[1], row[2], row[3], row[6], row[7]]).filter((v): v is string => !!v)),
  '9990004021',
  '9990004012',
];

const GOOD = writeDelimited([HEADER, ...ROWS]);
/** The same rows without a preferred contact method column: quarantined. */
const MISSING_COLUMN = writeDelimited([
  HEADER.filter((_, i) => i !== 5),
  ...ROWS.map((row) => row.filter((_, i) => i !== 5)),
]);
/** An unclosed quote in the middle of a patient row: quarantined as malformed. */
const UNCLOSED_QUOTE = Buffer.from(
  `${HEADER.join(',')}\n${(ROWS[0] as string[]).join(',')}\n9990004013,"Yardley,Zebedee,1987-11-02,P91001,SMS,,,No,,\n`,
);
/** A byte that is neither UTF-8 nor Windows-1252 inside a surname. */
const UNDECODABLE = Buffer.concat([
  Buffer.from(`${HEADER.join(',')}\n9990004005,Wolsten`),
  Buffer.from([0x81]),
  Buffer.from('holme,Xanthe,14/03/1958,P91001,,07700 900411,xanthe@example.com,Yes,DM,\n'),
]);

describe('no personal data in logs, errors or quarantine reports', () => {
  let h: PipelineHarness;
  const errors: string[] = [];
  const texts: string[] = [];
  const handlerLines: string[] = [];

  beforeAll(async () => {
    h = await startPipelineHarness();
    const files: [string, Buffer][] = [
      ['exports/P91001_2026-10-31.csv', GOOD],
      ['exports/P91002_2026-10-31_missing.csv', MISSING_COLUMN],
      ['exports/P91003_2026-10-31_quote.csv', UNCLOSED_QUOTE],
      ['exports/P91004_2026-10-31_bytes.csv', UNDECODABLE],
    ];
    for (const [key, body] of files) {
      await h.land(key, body);
      const outcome = await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key);
      texts.push(JSON.stringify(outcome));
    }

    // Faults on the way: a read broken mid-stream and a throttled snapshot write.
    await h.land('exports/P91005_2026-10-31.csv', GOOD.toString('utf8').replaceAll('P91001', 'P91005'));
    const plan = new FaultPlan()
      .fail({ operation: 'objects.read', afterBytes: 200 })
      .fail({ operation: 'snapshots.putSnapshot' });
    const deps = h.ingestDeps({
      objects: new FaultyObjectStore(h.objects, plan),
      table: new FaultyTable(h.table, plan),
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        texts.push(JSON.stringify(await ingestExport(deps, EXPORTS_BUCKET, 'exports/P91005_2026-10-31.csv')));
        break;
      } catch (error) {
        errors.push(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error));
      }
    }

    const reports = (await h.keys(EXPORTS_BUCKET, 'quarantine/')).filter((key) => key.endsWith('.error.json'));
    expect(reports).toHaveLength(3);
    for (const key of reports) texts.push(await h.read(EXPORTS_BUCKET, key));
    texts.push(JSON.stringify(await h.table.listFileRecords()));
    texts.push(JSON.stringify(await h.table.listSnapshots('2026-10')));
    await buildPeriodReport(h.reportDeps(), '2026-10');

    // The real ingest handler, whose logger writes JSON lines to stdout.
    Object.assign(process.env, h.env, { LOG_LEVEL: 'debug' });
    const { handler } = await import('../../lambdas/handlers/ingest');
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      handlerLines.push(String(chunk));
      return true;
    });
    try {
      for (const [key, body] of [
        ['exports/handler/P91006_2026-10-31.csv', GOOD],
        ['exports/handler/P91007_2026-10-31_quote.csv', UNCLOSED_QUOTE],
      ] as const) {
        await h.land(key, body);
        texts.push(JSON.stringify(await handler(sqsEventForNewObject(EXPORTS_BUCKET, key, body.length, ''))));
      }
      await handler(sqsEventForNewObject(EXPORTS_BUCKET, 'exports/handler/missing.csv', 1, ''));
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(() => h?.close());

  it('logged something for every step, as JSON lines', () => {
    expect(h.logLines.length).toBeGreaterThan(10);
    expect(handlerLines.length).toBeGreaterThan(2);
    for (const line of [...h.logLines, ...handlerLines]) expect(() => JSON.parse(line)).not.toThrow();
    expect(h.logLines.some((line) => line.includes('export quarantined'))).toBe(true);
    expect(handlerLines.some((line) => line.includes('"level":"error"'))).toBe(true);
  });

  it('would notice an NHS number, name or phone if one were logged', () => {
    expect(findPatientData('{"message":"row 999 000 4005 Wolstenholme +44 7700 900411"}', PATIENT_VALUES)).toEqual([
      '9990004005',
      'Wolstenholme',
      '999 000 4005',
      '+44 7700 900411',
    ]);
  });

  it('writes no NHS number, name, date of birth, phone or email to the pipeline log', () => {
    expect(findPatientData(h.logLines.join('\n'), PATIENT_VALUES)).toEqual([]);
  });

  it('writes none to the ingest handler log either', () => {
    expect(findPatientData(handlerLines.join('\n'), PATIENT_VALUES)).toEqual([]);
  });

  it('puts none in the errors that failed an ingest, nor in their stacks', () => {
    expect(errors).toHaveLength(2);
    expect(findPatientData(errors.join('\n'), PATIENT_VALUES)).toEqual([]);
  });

  it('puts none in outcomes, quarantine reports, ingest records or snapshots', () => {
    expect(findPatientData(texts.join('\n'), PATIENT_VALUES)).toEqual([]);
  });

  it('keeps personal data typed into the preference column out of the snapshot and the ICB workbook', async () => {
    const slip = writeDelimited([
      HEADER,
      ['9990004056', 'Ashdown', 'Rosamund', '01/01/1970', 'P91008', '07700 900499', '', '', '', '', ''],
      ['9990004064', 'Ashdown', 'Tiberius', '01/01/1972', 'P91008', 'rosamund@example.com', '', '', '', '', ''],
    ]);
    await h.land('exports/P91008_2026-10-31.csv', slip);
    await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, 'exports/P91008_2026-10-31.csv');
    const snapshot = await h.table.getSnapshot('P91008', '2026-10');
    expect(snapshot?.counts.unrecognised).toBe(2);
    const result = await buildPeriodReport(h.reportDeps(), '2026-10');
    const workbook = new ExcelJS.Workbook();
    const object = await h.objects.get(REPORTS_BUCKET, result.reportKey);
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(Buffer.from(chunk));
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.text));
        });
      });
    });
    const leaks = ['07700 900499', 'rosamund@example.com'];
    expect(findPatientData(JSON.stringify(snapshot), leaks)).toEqual([]);
    expect(findPatientData(cells.join('\n'), leaks)).toEqual([]);
  });
});
