import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRunSummary, runLocal } from '../../lambdas/local/run-local';
import { buildPeriodReport, type ReportResult } from '../../lambdas/pipeline/build-period-report';
import { type IngestOutcome, ingestExport } from '../../lambdas/pipeline/ingest-export';
import { readStagedGapRows } from '../../lambdas/pipeline/staged-gap-rows';
import type { DirectoryEntry, FileRecord } from '../../lambdas/ports';
import { writeDelimited } from '../support/delimited-writer';
import { findPatientData } from '../support/patient-data';
import {
  EXPORTS_BUCKET,
  type PipelineHarness,
  REPORTS_BUCKET,
  startPipelineHarness,
} from '../support/pipeline-harness';
import { EXPORT_HEADER } from '../support/practice-export';
import { zipArchive } from '../support/zip-writer';
import { FIXTURES } from './helpers';

/*
 * The bad-input catalogue (issue 6, SPEC §2.5): every kind of bad upload, with the outcome it must
 * have and the words its message must use. docs/bad-input.md lists the same cases for people.
 * Each export goes through the real ingest pipeline (S3ObjectStore, DynamoTable) against the
 * in-process servers; messages are checked to name the problem and the fix, and never to quote
 * a cell of the file.
 */

const BAD_INPUT = join(FIXTURES, 'bad-input');
const PERIOD = '2026-10';

/** Every patient value the catalogue's files hold: no message may contain any of them. */
const PATIENT_VALUES = [
  '9990002002',
  '9990002010',
  '9990002029',
  '9990002037',
  '9990002045',
  '9990002053',
  '9990002003',
  'Quill',
  'Quinn',
  'Rowe',
  'Rhys',
  'Stone',
  'Sara',
  'Tate',
  'Upton',
  'Vance',
  'Vicky',
  'Zoë',
  'Renée',
  'Saoirse',
  '01/02/1961',
  '03/04/1972',
  '05/06/1983',
  '01/01/2031',
  '07700 900201',
  '07700 900202',
  '07700 900203',
  'rhys@example.com',
  'quinn@example.com',
  'sara@example.com',
];

const DIRECTORY: DirectoryEntry[] = Array.from({ length: 30 }, (_, i) => ({
  practiceCode: `F860${String(i + 1).padStart(2, '0')}`,
  practiceName: `Catalogue Practice ${i + 1}`,
  pcn: 'Catalogue PCN',
  clinicalSystem: 'SystmOne',
  email: `practice${i + 1}@example.org`,
}));

const HEADER = [...EXPORT_HEADER];

/** A small valid export for one practice, as bytes. */
function validExport(practiceCode: string): Buffer {
  return writeDelimited([
    HEADER,
    ['9990002002', 'Quill', 'Quinn', '01/02/1961', practiceCode, '', '07700 900201', ''],
    ['9990002010', 'Rowe', 'Rhys', '03/04/1972', practiceCode, 'Letter', '', ''],
  ]);
}

/** About 20 MB of one repeated patient row: compresses far more than 200:1. */
function repetitiveExport(practiceCode: string): Buffer {
  const line = Buffer.from(`9990002002,Quill,Quinn,01/02/1961,${practiceCode},SMS,07700 900201,\n`);
  const copies = Math.ceil((20 * 1024 * 1024) / line.length);
  return Buffer.concat([Buffer.from(`${HEADER.join(',')}\n`), Buffer.alloc(line.length * copies, line)]);
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** Uploads generated in the test rather than kept as fixture files (archives, megabytes). */
const GENERATED: Record<string, () => Buffer | Promise<Buffer>> = {
  'F86020_2026-10-31_field-over-1mb.csv': () =>
    writeDelimited([HEADER, ['9990002002', 'Quill', 'x'.repeat(1_100_000), '01/02/1961', 'F86020', 'SMS', '', '']]),
  'F86021_2026-10-31_nested.zip': () =>
    zipArchive([
      { name: 'inner.zip', data: zipArchive([{ name: 'F86021_2026-10-31.csv', data: validExport('F86021') }]) },
    ]),
  'F86022_2026-10-31_zip-bomb.zip': () =>
    zipArchive([{ name: 'F86022_2026-10-31.csv', data: repetitiveExport('F86022') }]),
  'F86023_2026-10-31_zip-bomb-lying-header.zip': () =>
    zipArchive([{ name: 'F86023_2026-10-31.csv', data: repetitiveExport('F86023'), declaredSize: 4096 }]),
  'F86024_2026-10-31_zip-only-folders.zip': () =>
    zipArchive([
      { name: 'exports/', data: new Uint8Array(0), method: 'store' },
      { name: '__MACOSX/._F86024.csv', data: Buffer.from('resource fork') },
      { name: '.DS_Store', data: Buffer.from('finder') },
    ]),
  'F86027_2026-10-31_corrupt.zip': () =>
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0x41)]),
  'F86025_2026-10-31_with-image.zip': () =>
    zipArchive([
      { name: 'F86025_2026-10-31.csv', data: validExport('F86025') },
      { name: 'logo.png', data: PNG, method: 'store' },
    ]),
  'F86026_2026-10-31_workbook.xlsx': async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Export').addRows([HEADER, ['9990002002', 'Quill', 'Quinn', '01/02/1961', 'F86026', 'SMS']]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  },
};

async function uploadBytes(file: string): Promise<Buffer> {
  const generate = GENERATED[file];
  return generate ? Buffer.from(await generate()) : readFile(join(BAD_INPUT, file));
}

const landingKey = (file: string) => `exports/catalogue/${file}`;
const quarantineKey = (file: string) => `quarantine/catalogue/${file}`;

/** Words the message and hint must use; the rejection's text must contain each, case-insensitively. */
interface QuarantineCase {
  case: string;
  file: string;
  practiceCode?: string;
  reason: string;
  message: string[];
  hint: string[];
}

const QUARANTINED: QuarantineCase[] = [
  {
    case: 'an empty file',
    file: 'F86001_2026-10-31_empty-file.csv',
    reason: 'empty_file',
    message: ['empty'],
    hint: ['export it again'],
  },
  {
    case: 'a file of blank lines',
    file: 'F86002_2026-10-31_blank-lines.csv',
    reason: 'empty_file',
    message: ['only blank lines'],
    hint: ['export it again'],
  },
  {
    case: 'a header with no rows below it',
    file: 'F86003_2026-10-31_header-only.csv',
    reason: 'no_data_rows',
    message: ['header on line 1', 'no patient rows'],
    hint: ['right practice', 'export it again'],
  },
  {
    case: 'a header followed only by a summary line',
    file: 'F86018_2026-10-31_summary-line-only.csv',
    reason: 'no_data_rows',
    message: ['no patient rows'],
    hint: ['export it again'],
  },
  {
    case: 'binary garbage',
    file: 'F86004_2026-10-31_binary-garbage.csv',
    reason: 'not_text',
    message: ['not a delimited text export', 'binary data'],
    hint: ['CSV'],
  },
  {
    case: 'a PDF renamed to .csv',
    file: 'F86005_2026-10-31_pdf-renamed.csv',
    reason: 'not_text',
    message: ['PDF'],
    hint: ['CSV'],
  },
  {
    case: 'a file with the wrong delimiter (colons)',
    file: 'F86006_2026-10-31_colon-delimited.csv',
    reason: 'no_header',
    message: ['No NHS number column', 'comma, tab, pipe or semicolon'],
    hint: ['"NHS Number"', '"Preferred Contact Method"', 'mapping file'],
  },
  {
    case: 'a header below more than 30 preamble lines',
    file: 'F86017_2026-10-31_preamble-too-long.csv',
    reason: 'no_header',
    message: ['No NHS number column', 'first 30 lines'],
    hint: ['"NHS Number"', 'mapping file'],
  },
  {
    case: 'UTF-16 text',
    file: 'F86007_2026-10-31_utf-16.csv',
    reason: 'unsupported_encoding',
    message: ['UTF-16', 'UTF-8 and Windows-1252'],
    hint: ['CSV UTF-8'],
  },
  {
    case: 'a byte that is neither UTF-8 nor Windows-1252',
    file: 'F86008_2026-10-31_undefined-byte.csv',
    reason: 'unsupported_encoding',
    message: ['0x81', 'byte offset 166'],
    hint: ['CSV UTF-8'],
  },
  {
    case: 'a missing required column',
    file: 'F86010_2026-10-31_missing-column.csv',
    reason: 'missing_required_columns',
    message: [
      'line 1',
      'Columns found: "NHS Number", "Surname", "Forename", "Date of Birth", "Practice Code", "Mobile", "Email"',
    ],
    hint: [
      '"Preferred Contact Method", "Preferred Method of Contact", "Preferred Communication Method"',
      'mapping file',
    ],
  },
  {
    case: 'an unterminated quote',
    file: 'F86012_2026-10-31_unterminated-quote.csv',
    reason: 'malformed_csv',
    message: ['line 3', 'never closed'],
    hint: ['quote', 'export the report again'],
  },
  {
    case: 'a field over 1 MB (csv-parse record limit)',
    file: 'F86020_2026-10-31_field-over-1mb.csv',
    reason: 'malformed_csv',
    message: ['line 2', 'longer than'],
    hint: ['quote'],
  },
  {
    case: 'no practice code in the file name and no practice code column',
    file: 'export_2026-10-31_no-practice-code.csv',
    reason: 'missing_required_columns',
    message: ['Columns found: "NHS Number", "Surname", "Forename", "Date of Birth", "Preferred Contact Method"'],
    hint: ['"Practice Code", "ODS Code"', 'mapping file'],
  },
  {
    case: 'practice code cells that are blank or not ODS codes, and none in the file name',
    file: 'export_2026-10-31_blank-practice-codes.csv',
    reason: 'no_practice_code',
    message: ['None of the 2 data rows', 'ODS code'],
    hint: ['"Practice Code" column', 'file name'],
  },
  {
    case: 'a file in which every NHS number is invalid (no valid patient)',
    file: 'F86019_2026-10-31_all-nhs-numbers-invalid.csv',
    reason: 'no_valid_patients',
    message: ['None of the 2 patient rows is a valid patient', '2 invalid_nhs_number', 'not stored'],
    hint: ['NHS Number column', 'export the report again'],
  },
  {
    case: 'NHS numbers turned into 9.99E+09 by a spreadsheet',
    file: 'F86029_2026-10-31_nhs-numbers-in-scientific-notation.csv',
    reason: 'no_valid_patients',
    message: ['None of the 3 patient rows', '3 of them are written in scientific notation', 'spreadsheet'],
    hint: ['Export the report again', 'without opening it in a spreadsheet'],
  },
  {
    case: 'a zip holding another zip',
    file: 'F86021_2026-10-31_nested.zip',
    reason: 'zip_nested',
    message: ['another zip archive', 'inner.zip'],
    hint: ['Extract the inner archive'],
  },
  {
    case: 'a zip bomb that declares its size',
    file: 'F86022_2026-10-31_zip-bomb.zip',
    reason: 'zip_bomb',
    message: ['zip bomb'],
    hint: ['200:1'],
  },
  {
    case: 'a zip bomb whose header understates its size',
    file: 'F86023_2026-10-31_zip-bomb-lying-header.zip',
    reason: 'zip_bomb',
    message: ['zip bomb', '4096 bytes its header declares'],
    hint: ['standard zip tool'],
  },
  {
    case: 'a zip holding only folders and hidden files',
    file: 'F86024_2026-10-31_zip-only-folders.zip',
    reason: 'zip_empty',
    message: ['no export files'],
    hint: ['Put the CSV exports in the archive'],
  },
  {
    case: 'a corrupt zip',
    file: 'F86027_2026-10-31_corrupt.zip',
    reason: 'zip_unreadable',
    message: ['cannot be opened as a zip file'],
    hint: ['standard zip tool'],
  },
];

/** Files that are ingested (bad rows never stop a file), with what their rows are counted as. */
interface IngestedCase {
  case: string;
  file: string;
  practiceCode: string;
  counts: Record<string, number>;
  notes?: string[];
  ignoredHeaders?: string[];
}

const INGESTED: IngestedCase[] = [
  {
    case: 'Windows-1252 text (read without mojibake)',
    file: 'F86009_2026-10-31_windows-1252.csv',
    practiceCode: 'F86009',
    counts: { rowsRead: 3, registered: 3, noPreference: 1, prefLetter: 1, prefEmail: 1 },
  },
  {
    case: 'rows with too many and too few fields',
    file: 'F86011_2026-10-31_ragged-rows.csv',
    practiceCode: 'F86011',
    // The short row ends before the preference cell: rejected (short_row), never read as no preference.
    counts: { rowsRead: 3, registered: 2, rowsRejected: 1, prefSms: 1, prefEmail: 1, noPreference: 0 },
    notes: ['2 rows had more or fewer fields than the header.'],
  },
  {
    case: 'a 10,000-character field',
    file: 'F86013_2026-10-31_long-field.csv',
    practiceCode: 'F86013',
    counts: { rowsRead: 2, registered: 2, prefSms: 1, prefLetter: 1 },
    ignoredHeaders: ['Notes'],
  },
  {
    case: 'duplicate header names (the first column is used)',
    file: 'F86014_2026-10-31_duplicate-headers.csv',
    practiceCode: 'F86014',
    counts: { rowsRead: 2, registered: 2, prefSms: 1, noPreference: 1, prefLetter: 0, prefEmail: 0 },
    notes: ['Duplicate column names, the first was used: Preferred Contact Method.'],
  },
  {
    case: 'a date of birth in the future',
    file: 'F86015_2026-10-31_future-date-of-birth.csv',
    practiceCode: 'F86015',
    counts: { rowsRead: 3, registered: 3, dobMissing: 1, adults16plus: 2, noPreference: 2, adultsNoPreference: 1 },
  },
  {
    case: 'short rows (two cut before a required column, one lacking only the optional Email)',
    file: 'F86028_2026-10-31_short-rows.csv',
    practiceCode: 'F86028',
    // Quill: SMS. Rowe ends at the practice code, Tate after the surname: short_row. Stone: Letter, no Email cell.
    counts: { rowsRead: 4, registered: 2, rowsRejected: 2, prefSms: 1, prefLetter: 1, noPreference: 0 },
    notes: [
      '3 rows had more or fewer fields than the header.',
      '1 patient row ended before the last columns (none of them required): those columns were read as empty.',
    ],
  },
  {
    case: 'a shifted column: most preference values unrecognised (status unusable)',
    file: 'F86030_2026-10-31_mostly-unrecognised.csv',
    practiceCode: 'F86030',
    // Three rows have a registration-status column inserted before the preference: "Active", unrecognised.
    counts: { rowsRead: 4, registered: 4, unrecognised: 3, prefSms: 1, noPreference: 0 },
  },
  {
    case: 'a practice that is not in the directory',
    file: 'Z99999_2026-10-31_not-in-directory.csv',
    practiceCode: 'Z99999',
    counts: { rowsRead: 2, registered: 2, noPreference: 1, prefLetter: 1 },
  },
];

const EXCEL_UPLOAD = 'F86026_2026-10-31_workbook.xlsx';
const ZIP_WITH_IMAGE = 'F86025_2026-10-31_with-image.zip';

describe('bad-input catalogue through the real ingest pipeline', () => {
  let h: PipelineHarness;
  const outcomes = new Map<string, IngestOutcome>();
  const uploads = new Map<string, Buffer>();
  let report: ReportResult;

  beforeAll(async () => {
    h = await startPipelineHarness();
    await h.directory(DIRECTORY);
    const files = [...QUARANTINED.map((c) => c.file), ...INGESTED.map((c) => c.file), EXCEL_UPLOAD, ZIP_WITH_IMAGE];
    for (const file of files) {
      const bytes = await uploadBytes(file);
      uploads.set(file, bytes);
      await h.land(landingKey(file), bytes);
      outcomes.set(file, await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, landingKey(file)));
    }
    report = await buildPeriodReport(h.reportDeps(), PERIOD);
  });
  afterAll(() => h?.close());

  describe('files that are quarantined', () => {
    it.each(QUARANTINED)('quarantines $case with reason $reason', ({ file, reason, message, hint }) => {
      const outcome = outcomes.get(file);
      expect(outcome?.status).toBe('rejected');
      expect(outcome?.practices).toEqual([]);
      expect(outcome?.rejections.map((r) => r.reason)).toEqual([reason]);
      const rejection = outcome?.rejections[0];
      for (const words of message) expect(rejection?.message.toLowerCase()).toContain(words.toLowerCase());
      for (const words of hint) expect(rejection?.hint.toLowerCase()).toContain(words.toLowerCase());
    });

    it.each(QUARANTINED)('never quotes patient data when it quarantines $case', async ({ file }) => {
      const rejection = outcomes.get(file)?.rejections[0];
      const report = await h.read(EXPORTS_BUCKET, `${quarantineKey(file)}.error.json`);
      expect(findPatientData(`${rejection?.message} ${rejection?.hint} ${report}`, PATIENT_VALUES)).toEqual([]);
    });

    it.each(QUARANTINED)(
      'keeps $file unchanged in quarantine/ with a JSON reason beside it, and removes it from exports/',
      async ({ file, reason }) => {
        const kept = await h.objects.get(EXPORTS_BUCKET, quarantineKey(file));
        const chunks: Buffer[] = [];
        for await (const chunk of kept.body) chunks.push(Buffer.from(chunk));
        expect(Buffer.concat(chunks).equals(uploads.get(file) as Buffer)).toBe(true);
        const json = JSON.parse(await h.read(EXPORTS_BUCKET, `${quarantineKey(file)}.error.json`));
        expect(json).toMatchObject({ file: landingKey(file), reason });
        expect(json.hint.length).toBeGreaterThan(20);
        expect(await h.objects.list(EXPORTS_BUCKET, landingKey(file))).toEqual([]);
      },
    );

    it.each(QUARANTINED)('records $file as rejected in the ingest ledger and changes no snapshot', async ({ file }) => {
      const etag = createHash('md5')
        .update(uploads.get(file) as Buffer)
        .digest('hex');
      expect((await h.table.getIngest(EXPORTS_BUCKET, landingKey(file), etag))?.status).toBe('rejected');
      const code = file.slice(0, 6);
      if (/^[A-Z]\d{5}$/.test(code)) expect(await h.table.getSnapshot(code, PERIOD)).toBeUndefined();
    });

    it('lists every quarantined file with its reason in the Data quality sheet of the ICB workbook', async () => {
      const rows = await quarantinedRows(h, PERIOD);
      for (const { file, reason } of QUARANTINED) {
        expect(rows).toContainEqual(expect.objectContaining({ file: landingKey(file), reason }));
      }
      const hints = rows.map((r) => r.hint).join('\n');
      expect(findPatientData(hints, PATIENT_VALUES)).toEqual([]);
    });

    it.each([
      { file: 'F86010_2026-10-31_missing-column.csv', words: 'no column for: preferred contact method.' },
      { file: 'export_2026-10-31_no-practice-code.csv', words: 'no column for: practice code.' },
    ])('names the missing column in words, not as a field identifier ($words)', ({ file, words }) => {
      expect(outcomes.get(file)?.rejections[0]?.message).toContain(words);
    });

    it('suggests putting the practice code in the file name when neither a column nor the name has one', () => {
      const rejection = outcomes.get('export_2026-10-31_no-practice-code.csv')?.rejections[0];
      expect(rejection?.hint).toMatch(/file name \(e\.g\. D83001_2026-10-31\.csv\)/);
    });

    it('quarantines an Excel workbook uploaded instead of a CSV, saying to save it as CSV', () => {
      const outcome = outcomes.get(EXCEL_UPLOAD);
      expect(outcome?.status).toBe('rejected');
      expect(outcome?.rejections).toHaveLength(1);
      expect(outcome?.rejections[0]?.message).toMatch(/Excel workbook/);
      expect(outcome?.rejections[0]?.hint).toMatch(/CSV/);
    });
  });

  describe('files that are ingested', () => {
    it.each(INGESTED)('ingests $case and counts its rows', async ({ file, practiceCode, counts }) => {
      expect(outcomes.get(file)?.status).toBe('ingested');
      expect(outcomes.get(file)?.rejections).toEqual([]);
      const snapshot = await h.table.getSnapshot(practiceCode, PERIOD);
      expect(snapshot?.counts).toMatchObject(counts);
    });

    it.each(INGESTED.filter((c) => c.notes || c.ignoredHeaders))(
      'notes what looked odd about $case in the ingest record',
      async ({ file, notes, ignoredHeaders }) => {
        const record = (await h.table.listFileRecords(PERIOD)).find(
          (r): r is Extract<FileRecord, { kind: 'ingested' }> => r.kind === 'ingested' && r.file === landingKey(file),
        );
        if (notes) expect(record?.notes).toEqual(notes);
        if (ignoredHeaders) expect(record?.ignoredHeaders).toEqual(ignoredHeaders);
        expect(findPatientData(JSON.stringify(record), PATIENT_VALUES)).toEqual([]);
      },
    );

    it('lists short rows by reason in the Data quality sheet, per practice', () => {
      expect(report.report.dataQuality.rejectedRows).toContainEqual({
        practiceCode: 'F86028',
        reason: 'short_row',
        count: 2,
      });
      expect(report.report.dataQuality.rejectedRows).toContainEqual({
        practiceCode: 'F86011',
        reason: 'short_row',
        count: 1,
      });
    });

    it('shows a mostly-unrecognised practice but leaves it out of every comparison, saying why', async () => {
      const row = report.report.practices.find((p) => p.practice_code === 'F86030');
      expect(row).toMatchObject({ status: 'unusable', registered: 4, unrecognised: 3, no_preference_pct: 0 });
      expect([row?.decile, row?.funnel_flag]).toEqual([undefined, undefined]);
      const csv = await h.read(REPORTS_BUCKET, `reports/${PERIOD}/practice-metrics-${PERIOD}.csv`);
      const line = csv.split(/\r?\n/).find((l) => l.includes(',F86030,'));
      expect(line?.split(',').at(-1)).toBe('unusable');
      expect(report.report.completeness.unusable).toEqual([
        { practiceCode: 'F86030', practiceName: 'Catalogue Practice 30', registered: 4, unrecognised: 3 },
      ]);
      const reporting = (await Promise.all(report.practices.map((code) => h.table.getSnapshot(code, PERIOD)))).filter(
        (s) => s !== undefined && s.practiceCode !== 'F86030',
      );
      expect(report.report.icb.counts.registered).toBe(
        reporting.reduce((sum, s) => sum + (s?.counts.registered ?? 0), 0),
      );
      const section = await dataQualitySection(
        h,
        PERIOD,
        'Practices left out of comparisons: values mostly unrecognised',
      );
      expect(section[0]?.slice(0, 4)).toEqual(['F86030', 'Catalogue Practice 30', '4', '3']);
    });

    it('reads Windows-1252 names into the gap list without mojibake', async () => {
      const snapshot = await h.table.getSnapshot('F86009', '2026-10');
      if (!snapshot) throw new Error('no snapshot for F86009');
      const staged = await readStagedGapRows({ objects: h.objects, config: h.config }, snapshot);
      expect(staged.noPreference.map((p) => p.forename)).toEqual(['Zoë']);
    });

    it('counts an export for a practice not in the directory, and flags it in Data quality', () => {
      expect(report.practices).toContain('Z99999');
      expect(report.report.completeness.notInDirectory.map((p) => p.practiceCode)).toEqual(['Z99999']);
    });

    it('ingests the CSV in a zip that also holds an image, and quarantines the archive for the image', async () => {
      const outcome = outcomes.get(ZIP_WITH_IMAGE);
      expect(outcome?.practices).toEqual([
        { practiceCode: 'F86025', period: PERIOD, registered: 2, snapshot: 'written' },
      ]);
      expect(outcome?.rejections).toEqual([
        expect.objectContaining({ file: `${landingKey(ZIP_WITH_IMAGE)}!logo.png`, reason: 'not_text' }),
      ]);
      const json = JSON.parse(await h.read(EXPORTS_BUCKET, `${quarantineKey(ZIP_WITH_IMAGE)}.error.json`));
      expect(json).toMatchObject({ file: `${landingKey(ZIP_WITH_IMAGE)}!logo.png`, reason: 'not_text' });
    });
  });
});

describe('an extract date in the future', () => {
  let h: PipelineHarness;
  let outcome: IngestOutcome;
  const file = 'F86016_2099-01-31_future-extract-date.csv';

  beforeAll(async () => {
    h = await startPipelineHarness();
    await h.land(landingKey(file), await readFile(join(BAD_INPUT, file)));
    outcome = await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, landingKey(file));
  });
  afterAll(() => h?.close());

  it('is quarantined rather than creating a report period that has not happened yet', async () => {
    expect(outcome.status).toBe('rejected');
    expect(outcome.rejections.map((r) => r.reason)).toEqual(['extract_date_in_future']);
    expect(outcome.rejections[0]?.message).toMatch(/2099-01-31/);
    expect(await h.table.listPeriods()).toEqual([]);
  });
});

describe('quarantine in local mode (pcm-report run)', () => {
  let out: string;
  let summary: LocalRunSummary;
  const files = ['F86003_2026-10-31_header-only.csv', 'F86010_2026-10-31_missing-column.csv'];

  beforeAll(async () => {
    const exportsDir = await mkdtemp(join(tmpdir(), 'pcm-bad-input-'));
    await mkdir(join(exportsDir, 'bad'));
    for (const file of files) await cp(join(BAD_INPUT, file), join(exportsDir, 'bad', file));
    await writeFile(
      join(exportsDir, 'bad', 'F86021_2026-10-31_nested.zip'),
      await uploadBytes('F86021_2026-10-31_nested.zip'),
    );
    await cp(join(FIXTURES, 'systmone', 'A81001_2026-10-31.csv'), join(exportsDir, 'A81001_2026-10-31.csv'));
    out = await mkdtemp(join(tmpdir(), 'pcm-bad-input-out-'));
    summary = await runLocal({ exportsDir, practicesFile: join(FIXTURES, 'directory', 'practices.csv'), outDir: out });
  });

  it('names each quarantined file and its reason in the run summary', () => {
    expect(summary.quarantined.map((q) => [q.file, q.reason])).toEqual([
      ['exports/bad/F86003_2026-10-31_header-only.csv', 'no_data_rows'],
      ['exports/bad/F86010_2026-10-31_missing-column.csv', 'missing_required_columns'],
      ['exports/bad/F86021_2026-10-31_nested.zip', 'zip_nested'],
    ]);
  });

  it.each([...files, 'F86021_2026-10-31_nested.zip'])(
    'copies %s to out/quarantine/ with its JSON reason beside it',
    async (file) => {
      expect(existsSync(join(out, 'quarantine', 'bad', file))).toBe(true);
      const json = JSON.parse(await readFile(join(out, 'quarantine', 'bad', `${file}.error.json`), 'utf8'));
      expect(json.file).toBe(`exports/bad/${file}`);
      expect(json.hint).toBeTruthy();
    },
  );

  it('lists the quarantined files in the Data quality sheet of the local ICB workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await readFile(join(out, PERIOD, `icb-report-${PERIOD}.xlsx`))) as unknown as ArrayBuffer,
    );
    const rows = quarantinedRowsOf(workbook);
    expect(rows.map((r) => [r.file, r.reason])).toEqual([
      ['exports/bad/F86003_2026-10-31_header-only.csv', 'no_data_rows'],
      ['exports/bad/F86010_2026-10-31_missing-column.csv', 'missing_required_columns'],
      ['exports/bad/F86021_2026-10-31_nested.zip', 'zip_nested'],
    ]);
  });
});

/** The rows of the "Quarantined files" table on the Data quality sheet of a period's ICB workbook. */
async function quarantinedRows(h: PipelineHarness, period: string) {
  const object = await h.objects.get(REPORTS_BUCKET, `reports/${period}/icb-report-${period}.xlsx`);
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return quarantinedRowsOf(workbook);
}

/** The rows (cells as text) of one table of the Data quality sheet, found by its heading. */
async function dataQualitySection(h: PipelineHarness, period: string, heading: string): Promise<string[][]> {
  const object = await h.objects.get(REPORTS_BUCKET, `reports/${period}/icb-report-${period}.xlsx`);
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Data quality');
  if (!sheet) throw new Error('The ICB workbook has no Data quality sheet.');
  const text = (row: number, column: number) => String(sheet.getRow(row).getCell(column).value ?? '');
  let r = 1;
  while (r <= sheet.rowCount && text(r, 1) !== heading) r++;
  while (r <= sheet.rowCount && text(r, 1) !== 'Practice code') r++;
  const rows: string[][] = [];
  for (r++; r <= sheet.rowCount && text(r, 1) !== ''; r++) rows.push([1, 2, 3, 4, 5].map((c) => text(r, c)));
  return rows;
}

function quarantinedRowsOf(workbook: ExcelJS.Workbook): { file: string; reason: string; hint: string }[] {
  const sheet = workbook.getWorksheet('Data quality');
  if (!sheet) throw new Error('The ICB workbook has no Data quality sheet.');
  const text = (row: number, column: number) => String(sheet.getRow(row).getCell(column).value ?? '');
  let r = 1;
  while (r <= sheet.rowCount && text(r, 1) !== 'Quarantined files') r++;
  while (r <= sheet.rowCount && text(r, 1) !== 'File') r++;
  const rows: { file: string; reason: string; hint: string }[] = [];
  for (r++; r <= sheet.rowCount && text(r, 1) !== ''; r++) {
    rows.push({ file: text(r, 1), reason: text(r, 2), hint: text(r, 4) });
  }
  return rows;
}
