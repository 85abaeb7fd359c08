import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { mapHeader } from '../../../lambdas/core/fields/header-mapping';
import { assemblePeriodReport } from '../../../lambdas/core/report/assemble-period-report';
import { compareGapListPatients } from '../../../lambdas/core/report/gap-list-order';
import type { PeriodReport } from '../../../lambdas/core/report/period-report';
import type { PracticeSnapshot } from '../../../lambdas/core/snapshot';
import { interpretRow, rowLayout } from '../../../lambdas/core/tally/interpret-row';
import { PracticeTally } from '../../../lambdas/core/tally/practice-tally';
import { renderGapListWorkbook } from '../../../lambdas/render/gap-list-workbook';
import { renderIcbWorkbook } from '../../../lambdas/render/icb-workbook';
import { renderTidyCsv } from '../../../lambdas/render/tidy-csv';

/*
 * SPEC §2.4 and §4: values that start with `=`, `+`, `-` or `@` are data, never formulas, in every
 * output. Formula-like text is put everywhere a value from outside reaches an output — patient names,
 * preference values, register codes, column headers, file names, and the directory's practice name,
 * PCN and clinical system — then the workbooks are opened at the XML level (no `<f>` element may
 * exist) and through exceljs (each value is a text cell, as written), and the tidy CSV is parsed as a
 * spreadsheet would see it.
 */

const PAYLOADS = ["=cmd|'/c calc'!A0", '+1', '@SUM(1)', '-2+3', '=HYPERLINK("http://example.com","click")'] as const;

const HEADER = [
  'NHS Number',
  'Surname',
  'Forename',
  'Date of Birth',
  'Practice Code',
  'Preferred Contact Method',
  'Mobile',
  'QOF Registers',
  '=BAD()',
];
const ROWS = [
  ['9990005001', PAYLOADS[0], PAYLOADS[1], '01/01/1980', 'D83002', '', '07700 900501', 'DM', 'x'],
  ['9990005028', PAYLOADS[2], PAYLOADS[3], '02/02/1990', 'D83002', 'Unknown', '', '=1+1', 'x'],
  ['9990005036', PAYLOADS[4], '@Robin', '03/03/2000', 'D83002', 'N/A', '', '', 'x'],
  ['9990005044', '-Dash', '=Eve', '04/04/1970', 'D83002', 'SMS', '', '', 'x'],
  ['9990005052', 'Plain', 'Pat', '05/05/1985', 'D83002', PAYLOADS[0], '', '', 'x'],
  ['9990005060', 'Plain', 'Sam', '06/06/1986', 'D83002', '@SUM(1)', '', '', 'x'],
  ['9990005079', 'Plain', 'Kim', '07/07/1987', 'D83002', '+44 calls only', '', '', 'x'],
];

const DIRECTORY = [
  {
    practiceCode: 'D83002',
    practiceName: PAYLOADS[0],
    pcn: PAYLOADS[2],
    clinicalSystem: PAYLOADS[1],
    email: 'hilltop@example.org',
  },
];

function tally(): PracticeTally {
  const layout = rowLayout(mapHeader(HEADER));
  const t = new PracticeTally('D83002');
  for (const cells of ROWS) {
    const outcome = interpretRow(cells, layout, { practiceCodeFromKey: undefined, fileExtractDate: '2026-10-31' });
    if (!outcome.ok) throw new Error(`test row not valid: ${outcome.reason}`);
    t.add(outcome.row);
  }
  return t;
}

function snapshot(t: PracticeTally, period: string, extractDate: string): PracticeSnapshot {
  return {
    period,
    practiceCode: t.practiceCode,
    extractDate,
    clinicalSystem: 'SystmOne',
    source: { bucket: 'exports', key: `exports/${PAYLOADS[0]}.csv`, etag: 'e' },
    ingestedAt: `${extractDate}T09:00:00.000Z`,
    counts: { ...t.counts },
    registers: t.registers,
    rejectedByReason: t.rejectedByReason,
    unrecognisedValues: t.unrecognisedValues,
    unknownRegisterCodes: t.unknownRegisterCodes,
  };
}

function report(t: PracticeTally): PeriodReport {
  // September had more patients with no preference, so October's change is negative: a number that
  // starts with "-" and must stay a number.
  const september = snapshot(t, '2026-09', '2026-09-30');
  september.counts = { ...september.counts, noPreference: september.counts.noPreference + 2 };
  return assemblePeriodReport({
    icbName: PAYLOADS[4],
    period: '2026-10',
    generatedAt: '2026-11-01T06:00:00Z',
    directory: DIRECTORY,
    snapshots: [snapshot(t, '2026-10', '2026-10-31')],
    history: new Map([['2026-09', [september]]]),
    fileRecords: [
      {
        kind: 'ingested',
        period: '2026-10',
        file: `exports/${PAYLOADS[2]}.csv`,
        practiceCodes: ['D83002'],
        unattributedRows: 0,
        preambleLines: 0,
        trailingSummaryLines: 0,
        ignoredHeaders: ['=BAD()'],
        notes: [PAYLOADS[3]],
      },
      {
        kind: 'quarantined',
        period: '2026-10',
        file: `exports/${PAYLOADS[1]}.csv`,
        reason: 'no_header',
        hint: PAYLOADS[2],
        quarantinedAt: '2026-10-31T10:00:00Z',
      },
    ],
    assumptions: { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025, vatRate: 0 },
    suppressSmallNumbers: false,
  });
}

/** The XML of every worksheet in an .xlsx, by entry name. */
async function worksheetXml(xlsx: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(xlsx, { lazyEntries: true });
  const parts = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.fileName)) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return parts;
}

async function textCells(xlsx: Buffer): Promise<{ where: string; type: ExcelJS.ValueType; text: string }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const cells: { where: string; type: ExcelJS.ValueType; text: string }[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        // A merged cell repeats its master's text; the master is the one that holds the value.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        cells.push({ where: `${sheet.name}!${cell.address}`, type: cell.type, text: cell.text });
      });
    });
  });
  return cells;
}

describe('formula injection: data stays data in every output', () => {
  let t: PracticeTally;
  let periodReport: PeriodReport;
  let icb: Buffer;
  let gapList: Buffer;

  beforeAll(async () => {
    t = tally();
    periodReport = report(t);
    icb = await renderIcbWorkbook(periodReport);
    const metrics = periodReport.practices.find((p) => p.practice_code === 'D83002');
    if (!metrics) throw new Error('no report row for D83002');
    gapList = await renderGapListWorkbook({
      period: '2026-10',
      practiceCode: 'D83002',
      practiceName: PAYLOADS[0],
      clinicalSystem: PAYLOADS[1],
      extractDate: '2026-10-31',
      metrics,
      icbPosition: { icbName: PAYLOADS[4], medianNoPreferencePct: 40, reportingPractices: 1 },
      noPreference: [...t.noPreference].sort(compareGapListPatients),
      fixContactDetails: [...t.fixContactDetails].sort(compareGapListPatients),
    });
  });

  it('puts the formula-like values into the report model as plain text', () => {
    expect(t.unrecognisedValues).toEqual({ [PAYLOADS[0]]: 1, '+44 calls only': 1, '@SUM(1)': 1 });
    expect(t.unknownRegisterCodes).toEqual({ '=1+1': 1 });
    expect(t.noPreference.map((p) => p.surname).sort()).toEqual([PAYLOADS[0], PAYLOADS[2], PAYLOADS[4]].sort());
    expect(t.fixContactDetails.map((p) => p.surname)).toEqual(['-Dash']);
  });

  it.each([
    ['ICB workbook', () => icb],
    ['gap list', () => gapList],
  ])('writes no formula anywhere in the %s', async (_name, bytes) => {
    const sheets = await worksheetXml(bytes());
    expect(sheets.size).toBeGreaterThan(2);
    for (const [part, xml] of sheets)
      expect({ part, formulas: xml.match(/<f[\s>]/g) ?? [] }).toEqual({ part, formulas: [] });
  });

  it.each([
    { value: PAYLOADS[0], sheet: 'Practices' },
    { value: PAYLOADS[2], sheet: 'Practices' },
    { value: PAYLOADS[0], sheet: 'Data quality' },
    { value: '@SUM(1)', sheet: 'Data quality' },
    { value: '=1+1', sheet: 'Data quality' },
    { value: '=BAD()', sheet: 'Data quality' },
    { value: `exports/${PAYLOADS[1]}.csv`, sheet: 'Data quality' },
    { value: PAYLOADS[3], sheet: 'Data quality' },
  ])('shows $value as literal text on the $sheet sheet of the ICB workbook', async ({ value, sheet }) => {
    const cells = (await textCells(icb)).filter((c) => c.where.startsWith(`${sheet}!`) && c.text === value);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it.each([
    "=cmd|'/c calc'!A0",
    '+1',
    '@SUM(1)',
    '-2+3',
    '=HYPERLINK("http://example.com","click")',
    '-Dash',
    '=Eve',
    '@Robin',
  ])('shows the name %s as literal text in the gap list', async (value) => {
    const cells = (await textCells(gapList)).filter((c) => c.text === value);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('makes every text field of the tidy CSV that a spreadsheet would run as a formula start with a quote', () => {
    const csv = renderTidyCsv(periodReport.practices);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      practice_name: `'${PAYLOADS[0]}`,
      pcn: `'${PAYLOADS[2]}`,
      clinical_system: `'${PAYLOADS[1]}`,
    });
    for (const [column, value] of Object.entries(row ?? {})) {
      const runnable = /^[=+@\t\r]/.test(value) || (/^-/.test(value) && Number.isNaN(Number(value)));
      expect({ column, value, runnable }).toEqual({ column, value, runnable: false });
    }
  });

  it('leaves negative numbers in the tidy CSV as numbers, not quoted text', () => {
    const [row] = parse(renderTidyCsv(periodReport.practices), { columns: true }) as Record<string, string>[];
    expect(row?.change_pct_points).toMatch(/^-\d+\.\d$/);
  });
});
