import { type ExportLayout, SYSTMONE_LAYOUT } from './format-export';
import type { PracticeProfile } from './generate-practice-patients';
import { TEST_RANGE_SIZE } from './nhs-number-sequence';
import { addMonths, lastDayOfPeriod } from './sample-dates';

/*
 * Every ODS code here is FICTIONAL: Y-prefixed, letter + 5 digits like a real GP practice code, but
 * chosen not to name any real practice. The practice names, PCNs and places are made up too.
 */

/** A month of the sample set. */
export interface SampleMonth {
  index: number;
  /** `YYYY-MM` */
  period: string;
  /** The month's last day, ISO: the usual extract date. */
  monthEnd: string;
}

export type ClinicalSystemName = 'SystmOne' | 'EMIS Web';

/** A sample practice: its directory entry and how its patients are generated. */
export interface SamplePractice extends PracticeProfile {
  practiceName: string;
  pcn: string;
  clinicalSystem: ClinicalSystemName;
  /** False for the practice that exports but is missing from the ICB's directory. */
  inDirectory: boolean;
}

/** A row of samples/practices.csv (SPEC §6 columns). */
export interface DirectoryRow {
  practiceCode: string;
  practiceName: string;
  pcn: string;
  clinicalSystem: ClinicalSystemName;
  email: string;
}

/** In which months a file is written. */
export type MonthSelector = 'every' | 'first' | 'last';

/** One export file (or zip member). */
export interface ExportFileSpec {
  kind: 'export';
  months: MonthSelector;
  /** Path under `exports/` (or the member name inside a zip), given the month and the extract date. */
  path: (month: SampleMonth, extractDate: string) => string;
  layout: ExportLayout;
  practiceCodes: readonly string[];
  /** Day of month of the extract; default the last day. */
  extractDay?: number;
  /** An earlier extract: the practice's list as it was the month before (superseded later that month). */
  previousMonthsList?: boolean;
  /** In the first month the Extract Date column says this many days earlier than the file name. */
  firstMonthColumnDateOffset?: number;
  /** ICB-wide files: rows with an empty practice code, and with an invalid one. */
  unattributedRows?: { empty: number; invalid: number };
  title?: string;
}

/** A zip holding several exports (each member ingested as its own export). */
export interface ZipFileSpec {
  kind: 'zip';
  months: MonthSelector;
  path: (month: SampleMonth, extractDate: string) => string;
  members: readonly ExportFileSpec[];
}

/** A file the pipeline must quarantine (SPEC §2.5). */
export interface QuarantineFileSpec {
  kind: 'quarantine';
  months: MonthSelector;
  path: (month: SampleMonth, extractDate: string) => string;
  problem: 'wrong-columns' | 'no-data-rows' | 'missing-required-column';
  practiceCode: string;
  layout: ExportLayout;
  extractDay?: number;
}

export type SampleFileSpec = ExportFileSpec | ZipFileSpec | QuarantineFileSpec;

export interface SamplePlan {
  seed: number;
  months: readonly SampleMonth[];
  /** Practices that export (in the order their NHS number blocks are assigned). */
  practices: readonly SamplePractice[];
  directory: readonly DirectoryRow[];
  files: readonly SampleFileSpec[];
}

/** What the `samples` command varies. */
export interface SampleOptions {
  seed: number;
  /** Practices that export. */
  practices: number;
  /** Mean list size; omit for the bundled sizes. */
  patients?: number;
  months: number;
}

export const FIRST_SAMPLE_PERIOD = '2026-09';

/** The options that reproduce the bundled `samples/` set. */
export const DEFAULT_SAMPLE_OPTIONS: Readonly<SampleOptions> = { seed: 2026, practices: 20, months: 2 };

const EMIS: ExportLayout = {
  columns: 'emis',
  delimiter: ',',
  encoding: 'utf-8',
  lineEnding: '\r\n',
  dateFormat: 'DD-Mon-YYYY',
  quoteAll: true,
  registerSeparator: ';',
  registerFlags: ['Yes', 'No'],
  practiceColumn: true,
  preamble: 'title-run-date-blank',
  trailer: 'total',
};

const ICB_WIDE: ExportLayout = {
  columns: 'icb-wide',
  delimiter: ';',
  encoding: 'utf-8-bom',
  lineEnding: '\r\n',
  dateFormat: 'YYYY-MM-DD',
  quoteAll: false,
  registerSeparator: ';',
  registerFlags: ['Yes', 'No'],
  practiceColumn: true,
  preamble: 'none',
  trailer: 'none',
};

const compact = (iso: string): string => iso.replaceAll('-', '');

/** `exports/2026-09/Y01234_2026-09-30_systmone.csv` style. */
const systmOneName =
  (code: string, suffix = 'systmone') =>
  (month: SampleMonth, date: string): string =>
    `${month.period}/${code}_${date}_${suffix}.csv`;

/** `exports/2026-09/EMIS_Y02345_20260930.csv` style. */
const emisName =
  (code: string, extension = 'csv') =>
  (month: SampleMonth, date: string): string =>
    `${month.period}/EMIS_${code}_${compact(date)}.${extension}`;

function practice(
  practiceCode: string,
  practiceName: string,
  pcn: string,
  clinicalSystem: ClinicalSystemName,
  listSize: number,
  noPreferenceShare: number,
  monthlyFixRate: number,
  extra: Partial<SamplePractice> = {},
): SamplePractice {
  const emis = clinicalSystem === 'EMIS Web';
  return {
    practiceCode,
    practiceName,
    pcn,
    clinicalSystem,
    listSize,
    noPreferenceShare,
    monthlyFixRate,
    spelling: emis ? 'emis' : 'systmone',
    freeTextNeeds: emis,
    blankPracticeCodeCells: 0,
    lowerCasePracticeCodeShare: 0,
    formulaLikeNames: 1,
    inDirectory: true,
    ...extra,
  };
}

/**
 * The bundled practices, most telling first (so `--practices 5` keeps the outliers). Shares are chosen
 * so the funnel plot shows two clear high outliers (Y04567, Y07890) and one clear low one (Y06789).
 */
const BUNDLED_PRACTICES: readonly SamplePractice[] = [
  practice('Y01234', 'Riverside Medical Centre', 'Riverside PCN', 'SystmOne', 1200, 0.18, 0.25, {
    blankPracticeCodeCells: 2,
  }),
  practice('Y02345', 'Castle Street Surgery', 'Northgate PCN', 'EMIS Web', 1100, 0.22, 0.2),
  practice('Y03456', 'Meadowbank Health Centre', 'Northgate PCN', 'SystmOne', 3000, 0.14, 0.15, {
    formulaLikeNames: 2,
  }),
  practice('Y04567', 'The Old Forge Practice', 'Coastal PCN', 'EMIS Web', 1000, 0.44, 0.05),
  practice('Y05678', 'Abbey Lane Surgery', 'Riverside PCN', 'EMIS Web', 700, 0.2, 0.25, { formulaLikeNames: 0 }),
  practice('Y06789', 'Harbour View Medical Practice, Westhaven', 'Coastal PCN', 'SystmOne', 950, 0.025, 0.2),
  practice('Y07890', 'Kingsway Family Practice', 'Northgate PCN', 'SystmOne', 800, 0.38, 0, {
    spelling: 'codes',
  }),
  practice('Y08901', 'Millbrook Surgery', 'Coastal PCN', 'SystmOne', 650, 0.23, 0.2, {
    spelling: 'codes',
    lowerCasePracticeCodeShare: 0.03,
  }),
  practice('Y08902', "St Anne's Surgery", 'Coastal PCN', 'SystmOne', 500, 0.15, 0.2, {
    spelling: 'codes',
    formulaLikeNames: 0,
  }),
  practice('Y08903', 'Brookfield Practice', 'Coastal PCN', 'SystmOne', 450, 0.25, 0.1, {
    spelling: 'codes',
    inDirectory: false,
  }),
  practice('Y01122', 'Elmwood Surgery', 'Riverside PCN', 'EMIS Web', 500, 0.17, 0.25, { formulaLikeNames: 0 }),
  practice('Y01144', 'Fenwick Road Surgery', 'Riverside PCN', 'SystmOne', 450, 0.2, 0.25, { formulaLikeNames: 0 }),
  practice('Y01133', 'Ashgrove Surgery', 'Northgate PCN', 'SystmOne', 400, 0.23, 0.3, {
    blankPracticeCodeCells: 1,
    formulaLikeNames: 2,
  }),
  practice('Y07001', 'Orchard Surgery', 'Coastal PCN', 'EMIS Web', 600, 0.26, 0.2),
  practice('Y09012', 'Wellspring Surgery', 'Northgate PCN', 'SystmOne', 450, 0.19, 0.2, { formulaLikeNames: 0 }),
  practice('Y09123', 'Chapel Row Surgery', 'Riverside PCN', 'EMIS Web', 500, 0.17, 0.25),
  practice('Y09234', 'Moorside Medical Centre', 'Coastal PCN', 'SystmOne', 600, 0.21, 0.2, { formulaLikeNames: 0 }),
  practice('Y09345', 'Station Road Practice', 'Northgate PCN', 'EMIS Web', 420, 0.24, 0.15, { formulaLikeNames: 0 }),
  practice('Y09456', 'Greenbank Surgery', 'Riverside PCN', 'SystmOne', 480, 0.16, 0.25),
  practice('Y09567', 'Willow Tree Health Centre', 'Coastal PCN', 'EMIS Web', 520, 0.2, 0.2, { formulaLikeNames: 0 }),
];

/** In the directory but never exports: reported as missing. */
const DIRECTORY_ONLY: DirectoryRow = {
  practiceCode: 'Y05999',
  practiceName: 'Hillside Surgery',
  pcn: 'Riverside PCN',
  clinicalSystem: 'EMIS Web',
  email: 'practice.y05999@example.org',
};

/** The bundled files: each style, encoding, delimiter and date spelling of SPEC §2 at least once. */
const BUNDLED_FILES: readonly SampleFileSpec[] = [
  {
    kind: 'export',
    months: 'every',
    path: systmOneName('Y01234'),
    layout: { ...SYSTMONE_LAYOUT, encoding: 'utf-8-bom' },
    practiceCodes: ['Y01234'],
  },
  {
    kind: 'export',
    months: 'every',
    path: emisName('Y02345'),
    layout: { ...EMIS, trailer: 'blank-then-total' },
    practiceCodes: ['Y02345'],
    title: 'Communication preferences – all registered patients',
  },
  {
    kind: 'export',
    months: 'every',
    path: systmOneName('Y03456'),
    layout: { ...SYSTMONE_LAYOUT, registerSeparator: ',' },
    practiceCodes: ['Y03456'],
    firstMonthColumnDateOffset: -1,
  },
  {
    kind: 'export',
    months: 'every',
    path: emisName('Y04567'),
    layout: { ...EMIS, encoding: 'windows-1252', registerFlags: ['True', 'False'] },
    practiceCodes: ['Y04567'],
    title: 'PCM audit – preferred method of contact',
  },
  {
    kind: 'export',
    months: 'every',
    // No practice code in the name or a column: the reader takes it from the folder.
    path: (month, date) => `${month.period}/Y05678/EMIS_export_${compact(date)}.txt`,
    layout: {
      ...EMIS,
      delimiter: '\t',
      quoteAll: false,
      dateFormat: 'DD Mon YYYY',
      registerFlags: ['Y', ''],
      practiceColumn: false,
      trailer: 'count',
    },
    practiceCodes: ['Y05678'],
    title: 'Registered patients – contact preferences',
  },
  {
    kind: 'export',
    months: 'every',
    path: systmOneName('Y06789'),
    layout: SYSTMONE_LAYOUT,
    practiceCodes: ['Y06789'],
  },
  {
    kind: 'export',
    months: 'every',
    path: systmOneName('Y07890'),
    layout: SYSTMONE_LAYOUT,
    practiceCodes: ['Y07890'],
  },
  {
    kind: 'export',
    months: 'last',
    path: systmOneName('Y07890'),
    layout: SYSTMONE_LAYOUT,
    practiceCodes: ['Y07890'],
    extractDay: 15,
    previousMonthsList: true,
  },
  {
    kind: 'export',
    months: 'every',
    path: (month, date) => `${month.period}/icb-wide-extract_${date}.csv`,
    layout: ICB_WIDE,
    practiceCodes: ['Y08901', 'Y08902', 'Y08903'],
    unattributedRows: { empty: 5, invalid: 2 },
  },
  {
    kind: 'zip',
    months: 'every',
    path: (month, date) => `${month.period}/riverside-locality_${date}.zip`,
    members: [
      {
        kind: 'export',
        months: 'every',
        // No date in the member's name: the reader takes it from the archive's name.
        path: () => 'EMIS_Y01122.csv',
        layout: { ...EMIS, registerFlags: ['X', ''] },
        practiceCodes: ['Y01122'],
        title: 'Communication preferences – all registered patients',
      },
      {
        kind: 'export',
        months: 'every',
        path: (_month, date) => `Y01144_${date}_systmone.csv`,
        layout: { ...SYSTMONE_LAYOUT, dateFormat: 'DD-MM-YYYY', registerSeparator: '|' },
        practiceCodes: ['Y01144'],
      },
    ],
  },
  {
    kind: 'export',
    months: 'every',
    path: systmOneName('Y01133'),
    layout: SYSTMONE_LAYOUT,
    practiceCodes: ['Y01133'],
  },
  {
    kind: 'export',
    months: 'first',
    path: emisName('Y07001'),
    layout: {
      ...EMIS,
      delimiter: '|',
      quoteAll: false,
      dateFormat: 'DD.MM.YYYY',
      registerFlags: ['Yes', 'No'],
      preamble: 'title-run-date',
    },
    practiceCodes: ['Y07001'],
    title: 'Patients by preferred method of contact',
  },
  ...['Y09012', 'Y09234', 'Y09456'].map(
    (code): ExportFileSpec => ({
      kind: 'export',
      months: 'every',
      path: systmOneName(code),
      layout: SYSTMONE_LAYOUT,
      practiceCodes: [code],
    }),
  ),
  ...['Y09123', 'Y09345', 'Y09567'].map(
    (code): ExportFileSpec => ({
      kind: 'export',
      months: 'every',
      path: emisName(code),
      layout: EMIS,
      practiceCodes: [code],
      title: 'Communication preferences – all registered patients',
    }),
  ),
  {
    kind: 'quarantine',
    months: 'first',
    path: systmOneName('Y06789'),
    problem: 'missing-required-column',
    practiceCode: 'Y06789',
    layout: SYSTMONE_LAYOUT,
    extractDay: 14,
  },
  {
    kind: 'quarantine',
    months: 'last',
    path: emisName('Y02345'),
    problem: 'no-data-rows',
    practiceCode: 'Y02345',
    layout: EMIS,
    extractDay: 15,
  },
  {
    kind: 'quarantine',
    months: 'last',
    path: systmOneName('Y09999', 'broken'),
    problem: 'wrong-columns',
    practiceCode: 'Y09999',
    layout: SYSTMONE_LAYOUT,
  },
];

const EXTRA_PLACES = [
  'Ashford',
  'Beacon',
  'Cedar',
  'Dale',
  'Eastfield',
  'Foxley',
  'Glebe',
  'Hawthorn',
  'Ivy',
  'Juniper',
];
const EXTRA_KINDS = ['Surgery', 'Medical Centre', 'Health Centre', 'Family Practice'];
const PCNS = ['Riverside PCN', 'Northgate PCN', 'Coastal PCN'];

/** Practices beyond the bundled ones (`--practices` above 20): plain single-practice exports. */
function extraPractice(i: number, meanListSize: number): { practice: SamplePractice; file: ExportFileSpec } {
  const code = `Y2${String(i + 1).padStart(4, '0')}`;
  const emis = i % 2 === 1;
  // Sizes and shares spread deterministically from the index (the seed varies the patients, not the plan).
  const listSize = Math.max(50, Math.round(meanListSize * (0.4 + ((i * 37) % 100) / 83)));
  const share = 0.08 + ((i * 53) % 100) / 400;
  const name = `${EXTRA_PLACES[i % EXTRA_PLACES.length]} ${EXTRA_KINDS[i % EXTRA_KINDS.length]}`;
  const system: ClinicalSystemName = emis ? 'EMIS Web' : 'SystmOne';
  return {
    practice: practice(code, name, PCNS[i % PCNS.length] as string, system, listSize, share, 0.2),
    file: {
      kind: 'export',
      months: 'every',
      path: emis ? emisName(code) : systmOneName(code),
      layout: emis ? EMIS : SYSTMONE_LAYOUT,
      practiceCodes: [code],
      title: 'Communication preferences – all registered patients',
    },
  };
}

/** Keeps only the listed practices in a file spec; undefined when none is left. */
function keepPractices(spec: SampleFileSpec, codes: ReadonlySet<string>): SampleFileSpec | undefined {
  if (spec.kind === 'zip') {
    const members = spec.members
      .map((member) => keepPractices(member, codes))
      .filter((member): member is ExportFileSpec => member !== undefined);
    return members.length === 0 ? undefined : { ...spec, members };
  }
  // The broken file belongs to no sample practice; the others borrow a practice's name and patients.
  if (spec.kind === 'quarantine')
    return spec.problem === 'wrong-columns' || codes.has(spec.practiceCode) ? spec : undefined;
  const practiceCodes = spec.practiceCodes.filter((code) => codes.has(code));
  return practiceCodes.length === 0 ? undefined : { ...spec, practiceCodes };
}

/** The largest list a practice may reach with the growth of `months` months. */
function largestList(listSize: number, months: number): number {
  return Math.ceil(listSize * (1 + 0.025 * months)) + 10;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/**
 * The practices, directory and files to generate. The default options give the bundled set; more
 * practices add plain exports, fewer keep the first ones; `patients` scales every list to that mean size.
 */
export function buildSamplePlan(options: SampleOptions): SamplePlan {
  check(
    Number.isInteger(options.seed) && options.seed >= 0,
    `--seed must be a whole number ≥ 0 (got ${options.seed}).`,
  );
  check(
    Number.isInteger(options.practices) && options.practices >= 1 && options.practices <= 500,
    `--practices must be a whole number from 1 to 500 (got ${options.practices}).`,
  );
  check(
    Number.isInteger(options.months) && options.months >= 1 && options.months <= 36,
    `--months must be a whole number from 1 to 36 (got ${options.months}).`,
  );
  check(
    options.patients === undefined || (Number.isInteger(options.patients) && options.patients >= 50),
    `--patients must be a whole number of at least 50 (got ${options.patients}).`,
  );

  const bundledMean = BUNDLED_PRACTICES.reduce((sum, p) => sum + p.listSize, 0) / BUNDLED_PRACTICES.length;
  const scale = options.patients === undefined ? 1 : options.patients / bundledMean;
  const meanListSize = options.patients ?? Math.round(bundledMean);

  const practices: SamplePractice[] = BUNDLED_PRACTICES.slice(0, options.practices).map((p) =>
    scale === 1 ? p : { ...p, listSize: Math.max(50, Math.round(p.listSize * scale)) },
  );
  const codes = new Set(practices.map((p) => p.practiceCode));
  const files: SampleFileSpec[] = BUNDLED_FILES.map((spec) => keepPractices(spec, codes)).filter(
    (spec): spec is SampleFileSpec => spec !== undefined,
  );
  for (let i = 0; practices.length < options.practices; i++) {
    const extra = extraPractice(i, meanListSize);
    practices.push(extra.practice);
    files.push(extra.file);
  }

  // One block of the 999 range per practice, plus one for unattributable rows.
  const blockSize = Math.floor(TEST_RANGE_SIZE / (practices.length + 1));
  const largest = Math.max(...practices.map((p) => largestList(p.listSize, options.months)));
  check(
    largest <= Math.floor(blockSize * 0.85),
    `--patients ${options.patients} with --practices ${options.practices} needs more test NHS numbers than the ` +
      '999 range holds (about 909,000 valid numbers shared by all practices); lower either option.',
  );

  const months: SampleMonth[] = [];
  for (let index = 0; index < options.months; index++) {
    const period = addMonths(FIRST_SAMPLE_PERIOD, index);
    months.push({ index, period, monthEnd: lastDayOfPeriod(period) });
  }

  const directory: DirectoryRow[] = practices
    .filter((p) => p.inDirectory)
    .map((p) => ({
      practiceCode: p.practiceCode,
      practiceName: p.practiceName,
      pcn: p.pcn,
      clinicalSystem: p.clinicalSystem,
      email: `practice.${p.practiceCode.toLowerCase()}@example.org`,
    }));
  directory.push(DIRECTORY_ONLY);
  directory.sort((a, b) => (a.practiceCode < b.practiceCode ? -1 : a.practiceCode > b.practiceCode ? 1 : 0));

  return { seed: options.seed, months, practices, directory, files };
}

/** Whether a file is written in a month. */
export function writtenIn(selector: MonthSelector, month: SampleMonth, monthCount: number): boolean {
  return selector === 'every' || (selector === 'first' ? month.index === 0 : month.index === monthCount - 1);
}
