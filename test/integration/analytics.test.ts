import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TIDY_COLUMNS } from '../../lambdas/core/report/tidy-columns';
import { nhsNumberCheckDigit } from '../../lambdas/core/values/nhs-number';
import { type LocalRunSummary, runLocal } from '../../lambdas/local/run-local';
import { TWELVE_MONTH_LABELS_TO_OCT_2026 } from '../support/twelve-months';
import { placedImages } from '../unit/render/placed-images';
import { readCsv, readWorkbook, sheetTable } from './helpers';

/**
 * A constructed ICB whose answer is known: 12 directory practices and one that is not in the directory, over
 * three months. Each export has `registered` patients; the first `noPreference` have no recorded preference, the
 * rest prefer SMS; all are 16+ with a valid mobile and no SMS consent recorded; every 4th patient (0, 4, 8, …) is
 * on the DM register. The extract date and period come from the file name. The expected numbers are worked out by
 * analytics-worked-example.py (plain Python, no project code) from the same table.
 */
const COUNTS: Readonly<Record<string, Readonly<Record<string, readonly [registered: number, noPreference: number]>>>> =
  {
    '2026-08': {
      K81001: [40, 6],
      K81002: [50, 12],
      K81003: [60, 12],
      K81004: [30, 6],
      K81005: [80, 36],
      K81006: [45, 9],
      K81010: [65, 4],
      K81011: [25, 5],
    },
    '2026-09': {
      K81001: [40, 5],
      K81002: [50, 11],
      K81003: [60, 10],
      K81004: [30, 6],
      K81005: [80, 38],
      K81006: [45, 9],
      K81007: [55, 12],
      K81008: [70, 8],
      K81009: [35, 8],
      K81011: [25, 5],
    },
    '2026-10': {
      K81001: [40, 4],
      K81002: [50, 10],
      K81003: [60, 9],
      K81004: [30, 6],
      K81005: [80, 40],
      K81006: [45, 9],
      K81007: [55, 13],
      K81008: [70, 7],
      K81009: [35, 8],
      K81010: [65, 0],
      K81013: [40, 12],
    },
  };
const EXTRACT_DATES: Readonly<Record<string, string>> = {
  '2026-08': '2026-08-31',
  '2026-09': '2026-09-30',
  '2026-10': '2026-10-31',
};
/** K81011 stops after September (stale in October); K81012 never sends an export (missing); K81013 is not listed. */
const DIRECTORY = [
  ['K81001', 'Ash Tree Surgery', 'North PCN'],
  ['K81002', 'Beech House Practice', 'North PCN'],
  ['K81003', 'Cedar Medical Centre', 'North PCN'],
  ['K81004', 'Damson Lane Surgery', 'North PCN'],
  ['K81005', 'Elm Road Practice', 'South PCN'],
  ['K81006', 'Fir Close Surgery', 'South PCN'],
  ['K81007', 'Gorse Hill Practice', 'South PCN'],
  ['K81008', 'Hazel Grove Surgery', 'South PCN'],
  ['K81009', 'Ivy Bank Medical Centre', 'East PCN'],
  ['K81010', 'Juniper Way Surgery', 'East PCN'],
  ['K81011', 'Larch Street Practice', 'East PCN'],
  ['K81012', 'Maple Court Surgery', 'East PCN'],
] as const;

/**
 * Printed by analytics-worked-example.py: code, registered, no_preference, no_preference_pct, ci_low, ci_high,
 * decile, funnel_z, funnel_flag, change_pct_points, est_annual_sms_cost_gbp, as the tidy CSV writes them.
 */
type Expected = readonly [string, string, string, string, string, string, string, string, string, string, string];
const EXPECTED: Readonly<Record<string, readonly Expected[]>> = {
  // August: 8 practices report, fewer than the 10 deciles need (SPEC §3), so no decile.
  '2026-08': [
    ['K81001', '40', '6', '15.0', '7.1', '29.1', '', '-1.13', 'in_control', '', '0.12'],
    ['K81002', '50', '12', '24.0', '14.3', '37.4', '', '0.19', 'in_control', '', '0.17'],
    ['K81003', '60', '12', '20.0', '11.8', '31.8', '', '-0.48', 'in_control', '', '0.17'],
    ['K81004', '30', '6', '20.0', '9.5', '37.3', '', '-0.35', 'in_control', '', '0.12'],
    ['K81005', '80', '36', '45.0', '34.6', '55.9', '', '4.37', 'high_outlier', '', '0.52'],
    ['K81006', '45', '9', '20.0', '10.9', '33.8', '', '-0.42', 'in_control', '', '0.17'],
    ['K81010', '65', '4', '6.2', '2.4', '14.8', '', '-2.99', 'low_warning', '', '0.06'],
    ['K81011', '25', '5', '20.0', '8.9', '39.1', '', '-0.32', 'in_control', '', '0.12'],
  ],
  '2026-09': [
    ['K81001', '40', '5', '12.5', '5.5', '26.1', '2', '-1.56', 'in_control', '-2.5', '0.12'],
    ['K81002', '50', '11', '22.0', '12.8', '35.2', '8', '-0.14', 'in_control', '-2.0', '0.17'],
    ['K81003', '60', '10', '16.7', '9.3', '28.0', '3', '-1.14', 'in_control', '-3.3', '0.17'],
    ['K81004', '30', '6', '20.0', '9.5', '37.3', '4', '-0.37', 'in_control', '0.0', '0.12'],
    ['K81005', '80', '38', '47.5', '36.9', '58.3', '10', '5.25', 'high_outlier', '2.5', '0.58'],
    ['K81006', '45', '9', '20.0', '10.9', '33.8', '4', '-0.46', 'in_control', '0.0', '0.17'],
    ['K81007', '55', '12', '21.8', '12.9', '34.4', '7', '-0.18', 'in_control', '', '0.17'],
    ['K81008', '70', '8', '11.4', '5.9', '21.0', '1', '-2.28', 'low_warning', '', '0.12'],
    ['K81009', '35', '8', '22.9', '12.1', '39.0', '9', '0.00', 'in_control', '', '0.12'],
    ['K81011', '25', '5', '20.0', '8.9', '39.1', '4', '-0.34', 'in_control', '0.0', '0.12'],
  ],
  '2026-10': [
    ['K81001', '40', '4', '10.0', '4.0', '23.1', '2', '-1.30', 'in_control', '-2.5', '0.06'],
    ['K81002', '50', '10', '20.0', '11.2', '33.0', '5', '-0.09', 'in_control', '-2.0', '0.17'],
    ['K81003', '60', '9', '15.0', '8.1', '26.1', '4', '-0.77', 'in_control', '-1.7', '0.17'],
    ['K81004', '30', '6', '20.0', '9.5', '37.3', '5', '-0.08', 'in_control', '0.0', '0.12'],
    ['K81005', '80', '40', '50.0', '39.3', '60.7', '10', '4.26', 'high_outlier', '2.5', '0.58'],
    ['K81006', '45', '9', '20.0', '10.9', '33.8', '5', '-0.09', 'in_control', '0.0', '0.17'],
    ['K81007', '55', '13', '23.6', '14.4', '36.3', '9', '0.39', 'in_control', '1.8', '0.23'],
    ['K81008', '70', '7', '10.0', '4.9', '19.2', '2', '-1.51', 'in_control', '-1.4', '0.12'],
    ['K81009', '35', '8', '22.9', '12.1', '39.0', '8', '0.25', 'in_control', '0.0', '0.12'],
    ['K81010', '65', '0', '0.0', '0.0', '5.6', '1', '-2.87', 'low_warning', '', '0.00'],
    ['K81013', '40', '12', '30.0', '18.1', '45.4', '10', '1.13', 'in_control', '', '0.17'],
  ],
};

/** The same patients every month, so that a practice's NHS numbers stay the same from one export to the next. */
function nhsNumbers(practiceIndex: number, count: number): string[] {
  if (!(practiceIndex >= 0 && practiceIndex < 1000)) throw new RangeError(`practice index ${practiceIndex} not 0–999`);
  const numbers: string[] = [];
  for (let seq = practiceIndex * 1000; numbers.length < count; seq++) {
    const firstNine = `999${String(seq).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(firstNine);
    if (check !== undefined) numbers.push(`${firstNine}${check}`);
  }
  return numbers;
}

function exportCsv(code: string, registered: number, noPreference: number): string {
  const practiceIndex = Number(code.slice(3)); // K81005 → 5
  const lines = [
    'NHS Number,Surname,First Name,Date of Birth,Practice Code,Preferred Contact Method,Mobile Telephone,SMS Consent,QOF Registers,AIS Need',
  ];
  nhsNumbers(practiceIndex, registered).forEach((nhsNumber, i) => {
    const preference = i < noPreference ? '' : 'SMS';
    const mobile = `07700 900${String(i % 1000).padStart(3, '0')}`;
    lines.push(
      `${nhsNumber},Patient${i},Alex,01/01/1970,${code},${preference},${mobile},,${i % 4 === 0 ? 'DM' : ''},No`,
    );
  });
  return `${lines.join('\n')}\n`;
}

let out: string;
let summary: LocalRunSummary;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'pcm-analytics-'));
  const exportsDir = join(root, 'exports');
  for (const [period, practices] of Object.entries(COUNTS)) {
    await mkdir(join(exportsDir, period), { recursive: true });
    for (const [code, [registered, noPreference]] of Object.entries(practices)) {
      const file = join(exportsDir, period, `${code}_${EXTRACT_DATES[period]}.csv`);
      await writeFile(file, exportCsv(code, registered, noPreference));
    }
  }
  const practicesFile = join(root, 'practices.csv');
  await writeFile(
    practicesFile,
    [
      'practice_code,practice_name,pcn,clinical_system,email',
      ...DIRECTORY.map(([code, name, pcn]) => `${code},${name},${pcn},SystmOne,${code.toLowerCase()}@example.org`),
    ].join('\n'),
  );
  out = join(root, 'out');
  summary = await runLocal({ exportsDir, practicesFile, outDir: out, env: { ICB_NAME: 'NHS Constructed ICB' } });
}, 120_000);

const csvRows = (period: string) => readCsv(join(out, period, `practice-metrics-${period}.csv`));

function worksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet named ${name}`);
  return ws;
}

/** The row of a sheet whose column A (or B) reads `text`. */
function rowWith(ws: ExcelJS.Worksheet, text: string, column = 1): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, column).value === text) return ws.getRow(r);
  throw new Error(`no row with "${text}" in column ${column} of ${ws.name}`);
}

const asNumber = (text: string): number | null => (text === '' ? null : Number(text));

describe('analytics on a constructed ICB (local run, real handlers)', () => {
  it('builds the three months', () => {
    expect(summary.periods.map((p) => [p.period, p.reporting, p.expected])).toEqual([
      ['2026-08', 8, 12],
      ['2026-09', 10, 12],
      ['2026-10', 11, 13],
    ]);
  });

  describe.each(Object.keys(EXPECTED))('tidy CSV for %s', (period) => {
    it.each(EXPECTED[period] ?? [])(
      '%s: %s registered, %s without a preference (%s% of patients, CI %s–%s), decile %s, z %s %s, change %s, cost %s',
      async (code, registered, noPreference, pct, low, high, decile, z, flag, change, cost) => {
        const row = (await csvRows(period)).find((r) => r.practice_code === code);
        expect(row).toMatchObject({
          period,
          extract_date: EXTRACT_DATES[period],
          registered,
          no_preference: noPreference,
          no_preference_pct: pct,
          no_preference_ci_low: low,
          no_preference_ci_high: high,
          decile,
          funnel_z: z,
          funnel_flag: flag,
          change_pct_points: change,
          est_annual_sms_cost_gbp: cost,
        });
      },
    );
  });

  it('fills every SPEC §3 column of a reporting practice where defined, and only identity columns of the others', async () => {
    const rows = await csvRows('2026-10');
    expect(rows.map((r) => r.practice_code).sort()).toEqual([...DIRECTORY.map(([code]) => code), 'K81013']);
    const columns = TIDY_COLUMNS.map((c) => c.column);
    const empties = Object.fromEntries(rows.map((row) => [row.practice_code, columns.filter((c) => row[c] === '')]));
    expect(empties).toEqual({
      K81001: [],
      K81002: [],
      K81003: [],
      K81004: [],
      K81005: [],
      K81006: [],
      K81007: [],
      K81008: [],
      K81009: [],
      // No September export: no change to show.
      K81010: ['change_pct_points'],
      // Stale and missing: identity only (period, code, name, PCN, clinical system) and status, the rest empty.
      K81011: columns.slice(5, -1),
      K81012: columns.slice(5, -1),
      // Not in the directory: no name or PCN to give, and new this month.
      K81013: ['practice_name', 'pcn', 'change_pct_points'],
    });
  });

  it('says in the status column why each October row is filled or blank', async () => {
    const rows = await csvRows('2026-10');
    expect(Object.fromEntries(rows.map((r) => [r.practice_code, r.status]))).toEqual({
      K81001: 'reported',
      K81002: 'reported',
      K81003: 'reported',
      K81004: 'reported',
      K81005: 'reported',
      K81006: 'reported',
      K81007: 'reported',
      K81008: 'reported',
      K81009: 'reported',
      K81010: 'reported',
      K81011: 'stale',
      K81012: 'missing',
      K81013: 'not_in_directory',
    });
  });

  describe('ICB workbook for October', () => {
    let workbook: ExcelJS.Workbook;
    beforeAll(async () => {
      workbook = await readWorkbook(join(out, '2026-10', 'icb-report-2026-10.xlsx'));
    });

    it('shows the same decile, funnel, Wilson and change numbers on the Practices sheet as the CSV', () => {
      const rows = sheetTable(worksheet(workbook, 'Practices'), 'Practice code (ODS)');
      for (const [code, , , pct, low, high, decile, z, flag, change] of EXPECTED['2026-10'] ?? []) {
        const row = rows.find((r) => r['Practice code (ODS)'] === code);
        expect([
          row?.['% no preference'],
          row?.['95% CI low'],
          row?.['95% CI high'],
          row?.['Decile (1 = fewest gaps)'],
          row?.['Funnel z-score'],
          row?.['Funnel flag'],
          row?.['Change vs last month (pct points)'],
        ]).toEqual([
          asNumber(pct),
          asNumber(low),
          asNumber(high),
          asNumber(decile),
          asNumber(z),
          flag,
          asNumber(change),
        ]);
      }
    });

    it('says on the Summary how many practices reported, and which did not', () => {
      const ws = worksheet(workbook, 'Summary');
      const reported = rowWith(ws, 'Practices that sent an export this month');
      expect(reported.getCell(2).value).toBe('11 of 13');
      expect(reported.getCell(3).value).toBe(
        'No export ever: 1 (K81012 Maple Court Surgery); no export this month: 1 (K81011 Larch Street Practice, ' +
          'last export 30/09/2026); not in the practice directory: 1 (K81013). See Data quality.',
      );
      expect(rowWith(ws, '% with no recorded preference').getCell(2).value).toBe(20.7);
      expect(rowWith(ws, 'Median practice % with no recorded preference').getCell(2).value).toBe(20);
      expect(rowWith(ws, 'Practices well above the ICB average (high outliers)').getCell(2).value).toBe(1);
      expect(rowWith(ws, '1. Elm Road Practice (K81005)').getCell(6).value).toBe('High outlier');
    });

    it('sums each PCN on the PCNs sheet, with the Wilson interval of the sum', () => {
      const ws = worksheet(workbook, 'PCNs');
      const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1, 9);
      // South K81005–8: 40 + 9 + 13 + 7 = 69 of 80 + 45 + 55 + 70 = 250 (27.6%, Wilson 22.4–33.4);
      // North K81001–4: 29 of 180 (16.1%, 11.5–22.2); East K81009–10 (K81011 stale, K81012 missing): 8 of 100
      // (8.0%, 4.1–15.0); K81013, not in the directory: 12 of 40 (30.0%, 18.1–45.4), last.
      expect([row(2), row(3), row(4), row(5)]).toEqual([
        ['South PCN', 4, 4, 250, 69, 27.6, 22.4, 33.4],
        ['North PCN', 4, 4, 180, 29, 16.1, 11.5, 22.2],
        ['East PCN', 2, 4, 100, 8, 8, 4.1, 15],
        ['No PCN recorded', 1, 1, 40, 12, 30, 18.1, 45.4],
      ]);
    });

    it('embeds the funnel plot and the trend chart in the Summary', () => {
      expect(placedImages(workbook, worksheet(workbook, 'Summary'))).toEqual([
        { col: 0, row: 29, width: 800, height: 500, extension: 'png' },
        { col: 0, row: 30, width: 800, height: 400, extension: 'png' },
      ]);
    });

    it('shows the 12 months to October on the Trend sheet, blank where no practice or this practice did not report', () => {
      const ws = worksheet(workbook, 'Trend');
      expect(ws.getRow(2).values).toEqual([
        undefined,
        'Practice code',
        'Practice name',
        ...TWELVE_MONTH_LABELS_TO_OCT_2026,
      ]);
      // November 2025 to July 2026: no export at all, every cell blank; August to October as reported.
      const values = (code: string) => {
        const row = rowWith(ws, code);
        const cells = Array.from({ length: 12 }, (_, i) => row.getCell(3 + i).value);
        expect(cells.slice(0, 9)).toEqual(Array(9).fill(null));
        return cells.slice(9);
      };
      expect(values('ICB total')).toEqual([22.8, 22.9, 20.7]);
      expect(values('K81001')).toEqual([15, 12.5, 10]);
      expect(values('K81005')).toEqual([45, 47.5, 50]);
      expect(values('K81010')).toEqual([6.2, null, 0]);
      expect(values('K81011')).toEqual([20, 20, null]);
      expect(values('K81012')).toEqual([null, null, null]);
      expect(values('K81013')).toEqual([null, null, 30]);
      expect(rowWith(ws, 'K81013').getCell(2).value).toBe('Not in the practice directory');
    });

    it('shows the ICB share of each method and the DM register gap', () => {
      const methods = rowWith(worksheet(workbook, 'Methods'), 'ICB total');
      // 452 of 570 prefer SMS; 118 of 570 have no preference.
      expect([methods.getCell(3).value, methods.getCell(4).value, methods.getCell(11).value]).toEqual([
        570, 79.3, 20.7,
      ]);
      const registers = worksheet(workbook, 'Registers');
      expect(registers.getCell('C2').value).toBe('DM\nDiabetes mellitus');
      // 33 of 146 patients on the DM register have no preference.
      expect([registers.getCell('C3').value, registers.getCell('C4').value, registers.getCell('C5').value]).toEqual([
        146, 33, 22.6,
      ]);
    });

    it('lists the missing, stale and not-in-directory practices on Data quality', () => {
      const ws = worksheet(workbook, 'Data quality');
      const missing = rowWith(ws, 'K81012');
      expect([missing.getCell(2).value, missing.getCell(3).value, missing.getCell(4).value]).toEqual([
        'Maple Court Surgery',
        'Missing: no export ever received',
        null,
      ]);
      const stale = rowWith(ws, 'K81011');
      expect([stale.getCell(2).value, stale.getCell(3).value]).toEqual([
        'Larch Street Practice',
        'Stale: no export this month',
      ]);
      expect((stale.getCell(4).value as Date).getTime()).toBe(Date.UTC(2026, 8, 30));
      expect(rowWith(ws, 'K81013').getCell(3).value).toBe(
        'Add the practice to the directory (practices import) so that it gets a name, PCN and gap-list email.',
      );
    });
  });

  describe('gap list of the high outlier for October', () => {
    let workbook: ExcelJS.Workbook;
    beforeAll(async () => {
      const file = join(out, '2026-10', 'gap-lists', 'gap-list-K81005-2026-10.xlsx');
      expect(existsSync(file)).toBe(true);
      workbook = await readWorkbook(file);
    });

    it('shows its place in the ICB in words and as a decile strip', () => {
      const ws = worksheet(workbook, 'Summary');
      expect(rowWith(ws, 'Your decile').getCell(2).value).toBe(10);
      expect(rowWith(ws, 'ICB median % with no recorded preference').getCell(2).value).toBe(20);
      expect(rowWith(ws, 'Compared with the ICB average, allowing for practice size').getCell(2).value).toBe(
        'High outlier',
      );
      expect(rowWith(ws, 'Change since last month (percentage points)').getCell(2).value).toBe(2.5);
      expect(placedImages(workbook, ws)).toMatchObject([{ col: 0, width: 640, height: 136, extension: 'png' }]);
    });

    it('lists its 40 patients without a preference', () => {
      expect(sheetTable(worksheet(workbook, 'No preference'), 'NHS number')).toHaveLength(40);
    });
  });
});
