import ExcelJS from 'exceljs';
import type { GapList, GapListPatient } from '../../../lambdas/core/report/gap-list';
import type { PcnRow } from '../../../lambdas/core/report/pcn-rows';
import type { PeriodReport } from '../../../lambdas/core/report/period-report';
import { type PracticeMetrics, TIDY_COLUMNS } from '../../../lambdas/core/report/tidy-columns';

/**
 * Small, hand-built report models for the render tests. Synthetic: ODS-like codes, 999-range NHS
 * numbers with valid check digits. Numbers are chosen so that rounding cases are visible
 * (12.35 → 12.4, 1.955 → 1.96, -2.25 → -2.3).
 */

/** A tidy row with every column undefined except the identity columns given. */
export function emptyRow(identity: Partial<PracticeMetrics> & { practice_code: string }): PracticeMetrics {
  const row = Object.fromEntries(TIDY_COLUMNS.map(({ column }) => [column, undefined])) as unknown as PracticeMetrics;
  return { ...row, period: '2026-10', ...identity };
}

/** Riverside Surgery: 247 of 2000 with no preference (12.35%). */
export const RIVERSIDE: PracticeMetrics = {
  period: '2026-10',
  practice_code: 'D83001',
  practice_name: 'Riverside Surgery',
  pcn: 'North Riverside PCN',
  clinical_system: 'SystmOne',
  extract_date: '2026-10-15',
  registered: 2000,
  no_preference: 247,
  no_preference_pct: 12.35,
  no_preference_ci_low: 10.987,
  no_preference_ci_high: 13.85,
  pref_sms: 900,
  pref_email: 300,
  pref_letter: 200,
  pref_telephone: 150,
  pref_nhs_app: 100,
  pref_other: 50,
  declined: 23,
  unrecognised: 30,
  adults_16plus: 1600,
  adults_no_preference: 200,
  adults_no_preference_pct: 12.5,
  qof_patients: 700,
  qof_no_preference: 70,
  qof_no_preference_pct: 10,
  ais_need_no_preference: 12,
  default_to_sms: 150,
  qof_default_to_sms: 40,
  unreachable_electronic: 50,
  dq_sms_no_mobile: 5,
  dq_email_no_address: 3,
  dq_sms_dissent: 2,
  rows_read: 2010,
  rows_rejected: 6,
  duplicate_rows: 4,
  dob_missing: 3,
  decile: 5,
  funnel_z: 1.955,
  funnel_flag: 'high_warning',
  change_pct_points: 0.05,
  est_annual_sms_cost_gbp: 2,
  status: 'reported',
};

/** A practice whose directory name looks like a formula: it must stay text everywhere. */
export const HILLTOP: PracticeMetrics = {
  period: '2026-10',
  practice_code: 'D83002',
  practice_name: '=HYPERLINK("http://example.com","Hilltop")',
  pcn: '-South PCN',
  clinical_system: 'EMIS Web',
  extract_date: '2026-10-20',
  registered: 1000,
  no_preference: 250,
  no_preference_pct: 25,
  no_preference_ci_low: 22.41,
  no_preference_ci_high: 27.77,
  pref_sms: 400,
  pref_email: 100,
  pref_letter: 100,
  pref_telephone: 80,
  pref_nhs_app: 40,
  pref_other: 10,
  declined: 10,
  unrecognised: 10,
  adults_16plus: 800,
  adults_no_preference: 200,
  adults_no_preference_pct: 25,
  qof_patients: 300,
  qof_no_preference: 60,
  qof_no_preference_pct: 20,
  ais_need_no_preference: 5,
  default_to_sms: 100,
  qof_default_to_sms: 30,
  unreachable_electronic: 40,
  dq_sms_no_mobile: 1,
  dq_email_no_address: 0,
  dq_sms_dissent: 0,
  rows_read: 1003,
  rows_rejected: 2,
  duplicate_rows: 1,
  dob_missing: 0,
  decile: 10,
  funnel_z: 3.5,
  funnel_flag: 'high_outlier',
  change_pct_points: -2.25,
  est_annual_sms_cost_gbp: 1.5,
  status: 'reported',
};

/** A small practice: several counts from 1 to 7, suppressed in shareable copies. */
export const LITTLE_LANE: PracticeMetrics = {
  period: '2026-10',
  practice_code: 'D83004',
  practice_name: 'Little Lane Practice',
  pcn: 'North Riverside PCN',
  clinical_system: 'SystmOne',
  extract_date: '2026-10-02',
  registered: 40,
  no_preference: 2,
  no_preference_pct: 5,
  no_preference_ci_low: 1.38,
  no_preference_ci_high: 16.5,
  pref_sms: 20,
  pref_email: 5,
  pref_letter: 5,
  pref_telephone: 3,
  pref_nhs_app: 2,
  pref_other: 1,
  declined: 1,
  unrecognised: 1,
  adults_16plus: 30,
  adults_no_preference: 2,
  adults_no_preference_pct: 6.666666666666667,
  qof_patients: 10,
  qof_no_preference: 1,
  qof_no_preference_pct: 10,
  ais_need_no_preference: 0,
  default_to_sms: 1,
  qof_default_to_sms: 1,
  unreachable_electronic: 1,
  dq_sms_no_mobile: 0,
  dq_email_no_address: 0,
  dq_sms_dissent: 0,
  rows_read: 40,
  rows_rejected: 0,
  duplicate_rows: 0,
  dob_missing: 0,
  decile: 1,
  funnel_z: -0.8,
  funnel_flag: 'in_control',
  change_pct_points: undefined,
  est_annual_sms_cost_gbp: 0.05,
  status: 'reported',
};

/** Exported last month, not this month. */
export const MEADOW_VIEW = emptyRow({
  practice_code: 'D83003',
  practice_name: 'Meadow View Medical Centre',
  pcn: 'South PCN',
  clinical_system: 'EMIS Web',
  status: 'stale',
});

/** Never exported. */
export const ORCHARD = emptyRow({
  practice_code: 'D83005',
  practice_name: 'Orchard Health Centre',
  pcn: 'South PCN',
  clinical_system: 'SystmOne',
  status: 'missing',
});

/** ICB totals of the three reporting practices. */
export const ICB_TOTALS: PracticeMetrics = {
  ...emptyRow({ practice_code: 'ICB' }),
  registered: 3040,
  no_preference: 499,
  no_preference_pct: (100 * 499) / 3040,
  no_preference_ci_low: 15.12,
  no_preference_ci_high: 17.78,
  pref_sms: 1320,
  pref_email: 405,
  pref_letter: 305,
  pref_telephone: 233,
  pref_nhs_app: 142,
  pref_other: 61,
  declined: 34,
  unrecognised: 41,
  adults_16plus: 2430,
  adults_no_preference: 402,
  adults_no_preference_pct: (100 * 402) / 2430,
  qof_patients: 1010,
  qof_no_preference: 131,
  qof_no_preference_pct: (100 * 131) / 1010,
  ais_need_no_preference: 17,
  default_to_sms: 251,
  qof_default_to_sms: 71,
  unreachable_electronic: 91,
  dq_sms_no_mobile: 6,
  dq_email_no_address: 3,
  dq_sms_dissent: 2,
  rows_read: 3053,
  rows_rejected: 8,
  duplicate_rows: 5,
  dob_missing: 3,
  est_annual_sms_cost_gbp: 3.55,
};

/**
 * PCN rows as assemblePeriodReport would give them (values set here, the sums are tested in core): North
 * Riverside (Riverside and Little Lane, 249 of 2,040), the formula-like '-South PCN' (Hilltop), and South PCN,
 * whose two practices sent nothing this month.
 */
export const PCNS: PcnRow[] = [
  {
    pcn: '-South PCN',
    practicesReporting: 1,
    practices: 1,
    metrics: {
      ...HILLTOP,
      practice_code: '-South PCN',
      practice_name: undefined,
      extract_date: undefined,
      decile: undefined,
      funnel_z: undefined,
      funnel_flag: undefined,
      change_pct_points: undefined,
      status: undefined,
    },
  },
  {
    pcn: 'North Riverside PCN',
    practicesReporting: 2,
    practices: 2,
    metrics: emptyRow({
      practice_code: 'North Riverside PCN',
      pcn: 'North Riverside PCN',
      registered: 2040,
      no_preference: 249,
      no_preference_pct: 12.205882,
      no_preference_ci_low: 10.8668,
      no_preference_ci_high: 13.6834,
      adults_no_preference_pct: 12.45,
      qof_no_preference_pct: 10.06,
      default_to_sms: 151,
      est_annual_sms_cost_gbp: 2.045,
    }),
  },
  {
    pcn: 'South PCN',
    practicesReporting: 0,
    practices: 2,
    metrics: emptyRow({ practice_code: 'South PCN', pcn: 'South PCN' }),
  },
];

export function periodReportFixture(overrides: Partial<PeriodReport> = {}): PeriodReport {
  return {
    icbName: 'NHS Example ICB',
    period: '2026-10',
    generatedAt: '2026-11-01T06:00:00Z',
    practices: [RIVERSIDE, MEADOW_VIEW, HILLTOP, ORCHARD, LITTLE_LANE],
    icb: {
      counts: {
        registered: 3040,
        noPreference: 499,
        prefSms: 1320,
        prefEmail: 405,
        prefLetter: 305,
        prefTelephone: 233,
        prefNhsApp: 142,
        prefOther: 61,
        declined: 34,
        unrecognised: 41,
        adults16plus: 2430,
        adultsNoPreference: 402,
        qofPatients: 1010,
        qofNoPreference: 131,
        aisNeedNoPreference: 17,
        defaultToSms: 251,
        qofDefaultToSms: 71,
        unreachableElectronic: 91,
        dqSmsNoMobile: 6,
        dqEmailNoAddress: 3,
        dqSmsDissent: 2,
        rowsRead: 3053,
        rowsRejected: 8,
        duplicateRows: 5,
        dobMissing: 3,
      },
      metrics: ICB_TOTALS,
    },
    medianNoPreferencePct: 12.35,
    completeness: {
      reporting: 3,
      expected: 5,
      missing: [{ practiceCode: 'D83005', practiceName: 'Orchard Health Centre' }],
      stale: [{ practiceCode: 'D83003', practiceName: 'Meadow View Medical Centre', lastExtractDate: '2026-09-14' }],
      notInDirectory: [],
    },
    pcns: PCNS,
    registers: [
      {
        code: 'DM',
        name: 'Diabetes mellitus',
        icb: { patients: 400, noPreference: 50 },
        byPractice: {
          D83001: { patients: 250, noPreference: 30 },
          D83002: { patients: 140, noPreference: 18 },
          D83004: { patients: 10, noPreference: 2 },
        },
      },
      {
        code: 'HYP',
        name: 'Hypertension',
        icb: { patients: 600, noPreference: 70 },
        byPractice: {
          D83001: { patients: 400, noPreference: 40 },
          D83002: { patients: 180, noPreference: 28 },
          D83004: { patients: 20, noPreference: 2 },
        },
      },
    ],
    dataQuality: {
      rejectedRows: [
        { practiceCode: 'D83001', reason: 'invalid_nhs_number', count: 6 },
        { practiceCode: 'D83002', reason: 'invalid_nhs_number', count: 2 },
      ],
      duplicates: [
        { practiceCode: 'D83001', count: 4 },
        { practiceCode: 'D83002', count: 1 },
      ],
      dobMissing: [{ practiceCode: 'D83001', count: 3 }],
      unrecognisedValues: [
        { value: '=1+1', count: 3, practiceCodes: ['D83001'] },
        { value: 'Carrier pigeon', count: 38, practiceCodes: ['D83001', 'D83002', 'D83004'] },
      ],
      unknownRegisterCodes: [{ code: 'XYZ', count: 4, practiceCodes: ['D83002'] }],
      ingestedFiles: [
        {
          file: 'exports/D83001_2026-10-15.csv',
          practiceCodes: ['D83001'],
          unattributedRows: 0,
          preambleLines: 3,
          trailingSummaryLines: 1,
          ignoredHeaders: ['Usual GP'],
          notes: [
            'Extract date in the column (2026-10-15) differs from the file name (2026-10-14); the column was used.',
          ],
        },
      ],
      quarantinedFiles: [
        {
          file: 'exports/broken.csv',
          reason: 'no_header',
          hint: 'No NHS number column found. Expected a header such as "NHS Number" or "NHS No".',
          quarantinedAt: '2026-10-16T09:30:00Z',
        },
      ],
    },
    trend: {
      periods: ['2026-08', '2026-09', '2026-10'],
      icb: [17.2, 16.9, (100 * 499) / 3040],
      practices: [
        { practiceCode: 'D83001', practiceName: 'Riverside Surgery', values: [13, 12.3, 12.35] },
        { practiceCode: 'D83003', practiceName: 'Meadow View Medical Centre', values: [14, 15, undefined] },
        { practiceCode: 'D83002', practiceName: 'Hilltop', values: [26, 27.25, 25] },
        { practiceCode: 'D83004', practiceName: 'Little Lane Practice', values: [undefined, undefined, 5] },
      ],
    },
    assumptions: { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.024, vatRate: 0.2 },
    suppressSmallNumbers: false,
    ...overrides,
  };
}

function patient(overrides: Partial<GapListPatient> & Pick<GapListPatient, 'nhsNumber' | 'tier'>): GapListPatient {
  return {
    surname: 'Example',
    forename: 'Alex',
    qofRegisters: [],
    aisNeed: false,
    hasMobile: false,
    hasEmail: false,
    wouldDefaultToSms: false,
    ...overrides,
  };
}

/** Riverside Surgery's gap list, patients already in priority order as the model promises. */
export function gapListFixture(overrides: Partial<GapList> = {}): GapList {
  return {
    period: '2026-10',
    practiceCode: 'D83001',
    practiceName: 'Riverside Surgery',
    clinicalSystem: 'SystmOne',
    extractDate: '2026-10-15',
    metrics: RIVERSIDE,
    icbPosition: { icbName: 'NHS Example ICB', medianNoPreferencePct: 12.35, reportingPractices: 12 },
    noPreference: [
      patient({
        nhsNumber: '9990000018',
        tier: 1,
        surname: 'Ashby',
        forename: 'Ruth',
        dateOfBirth: '1948-03-07',
        age: 78,
        qofRegisters: ['DM', 'HYP'],
        aisNeed: true,
        hasMobile: true,
        wouldDefaultToSms: true,
      }),
      patient({
        nhsNumber: '9990000026',
        tier: 2,
        surname: '=SUM(A1)',
        forename: '@Robin',
        dateOfBirth: '1960-12-31',
        age: 65,
        qofRegisters: ['AST'],
        hasEmail: true,
      }),
      patient({ nhsNumber: '9990000034', tier: 2, surname: 'Zoë', forename: 'Kim', qofRegisters: ['COPD'] }),
      patient({ nhsNumber: '9990000042', tier: 3, surname: 'Baker', forename: 'Sam', aisNeed: true, age: 8 }),
      patient({
        nhsNumber: '9990000050',
        tier: 4,
        surname: 'Clark',
        forename: 'Jo',
        dateOfBirth: '2001-06-15',
        age: 25,
        hasMobile: true,
        wouldDefaultToSms: true,
      }),
      patient({ nhsNumber: '9990000069', tier: 5, surname: 'Dunn', forename: 'Lee' }),
    ],
    fixContactDetails: [
      {
        nhsNumber: '9990000077',
        surname: 'Evans',
        forename: 'Pat',
        dateOfBirth: '1975-01-02',
        problem: 'email_no_address',
      },
      {
        nhsNumber: '9990000085',
        surname: 'Frost',
        forename: 'Max',
        dateOfBirth: '1980-02-03',
        problem: 'sms_no_mobile',
      },
      { nhsNumber: '9990000093', surname: 'Grant', forename: 'Ali', problem: 'sms_dissent' },
      {
        nhsNumber: '9990000107',
        surname: 'Hale',
        forename: 'Val',
        dateOfBirth: '1990-04-05',
        problem: 'sms_no_mobile',
      },
    ],
    ...overrides,
  };
}

/** Reads a rendered workbook back, as an analyst's Excel would. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every non-empty cell of a workbook, for whole-workbook checks (no formulas, no NHS numbers). */
export function allCells(workbook: ExcelJS.Workbook): { sheet: string; address: string; cell: ExcelJS.Cell }[] {
  const cells: { sheet: string; address: string; cell: ExcelJS.Cell }[] = [];
  workbook.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push({ sheet: ws.name, address: cell.address, cell });
      });
    });
  });
  return cells;
}

/** The named sheet; fails the test, naming it, when there is none. */
export function requireSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet named ${name}`);
  return ws;
}

/** Values of one column over a run of rows. */
export function columnValues(ws: ExcelJS.Worksheet, column: string, fromRow: number, toRow: number): unknown[] {
  const values: unknown[] = [];
  for (let r = fromRow; r <= toRow; r++) values.push(ws.getCell(`${column}${r}`).value);
  return values;
}
