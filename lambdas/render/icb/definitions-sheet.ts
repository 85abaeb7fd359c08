import type { Workbook, Worksheet } from 'exceljs';
import { ROUNDING_BASE, SMALL_NUMBER_MAX } from '../../core/metrics/suppress-small-numbers';
import type { PeriodReport, SmsCostAssumptions } from '../../core/report/period-report';
import { TIDY_COLUMNS } from '../../core/report/tidy-columns';
import type { CellData } from '../metric-cell';
import { NUM_FMT } from '../number-formats';
import { type SectionTable, writeSectionTable } from '../section-table';
import { COLOURS, font, portraitPages } from '../sheet-style';
import { METRIC_DEFINITIONS } from './metric-definitions';

const WIDTHS = [34, 28, 80] as const;
const LAST_COLUMN = WIDTHS.length;

/** QOF register codes and names (SPEC §2.1), for the QOF cohort definition. */
const QOF_REGISTERS =
  'AF atrial fibrillation, AST asthma, CAN cancer, CHD coronary heart disease, CKD chronic kidney disease, ' +
  'COPD chronic obstructive pulmonary disease, DEM dementia, DEP depression, DM diabetes mellitus, EP epilepsy, ' +
  'HF heart failure, HYP hypertension, LD learning disability, MH mental health, NDH non-diabetic hyperglycaemia, ' +
  'OB obesity, OST osteoporosis, PAD peripheral arterial disease, PC palliative care, RA rheumatoid arthritis, ' +
  'STIA stroke and TIA';

/**
 * Who is in each group of patients or practices the figures count, in plain English (SPEC §2.1, §3).
 */
const COHORT_ROWS: readonly (readonly [string, string])[] = [
  [
    'Registered patients',
    'Every patient row of a practice\'s export with a valid NHS number (10 digits, correct check digit), each NHS number counted once. Rows with an invalid NHS number are rejected; later rows repeating an NHS number are duplicates. Both are listed on the Data quality sheet and counted in no figure but "Rows read".',
  ],
  [
    'Aged 16 or over (16+)',
    'Age in completed years on the extract date is 16 or more. Patients with a missing, invalid or future date of birth are left out of the 16+ figures (see "Date of birth missing/invalid") but stay in the all-ages figures.',
  ],
  [
    'QOF cohort',
    `On at least one QOF disease register (QOF business rules, England): ${QOF_REGISTERS}. ` +
      'These patients are invited for QOF reviews, usually by SMS first. Other register codes found in the exports are kept as written and listed on the Data quality sheet; they do not put a patient in the QOF cohort.',
  ],
  [
    'Accessible Information Standard (AIS) need',
    'A communication or information need is recorded (for example large print, British Sign Language, an interpreter). Any value counts as a need except an empty cell and No, N, None, False, 0, No need or Not recorded. A patient with a need and no preference may not be able to use a default SMS at all.',
  ],
  [
    'Would default to SMS',
    'No recorded preference, a valid UK mobile number and SMS consent not withdrawn: the patients a messaging system would text by default. A mobile is valid as 07 + 9 digits, +447 / 447 + 9 digits, or 7 + 9 digits (a leading zero lost in a spreadsheet); consent counts as withdrawn only when the export says so.',
  ],
  [
    'Reporting practices',
    'Practices with an export dated in the month: they make up the ICB figures, the ICB average, the median, the deciles and the funnel plot. A practice that sent an export but is not in the practice directory still counts, and is listed on the Data quality sheet.',
  ],
  [
    'Missing and stale practices',
    'A directory practice with no export in the month has a blank row and is in no ICB figure: numbers are never carried forward. It is "stale" when it sent an export in an earlier month (Data quality shows that date) and "missing" when it never has.',
  ],
];

/** Where each SMS cost assumption is set: the local `--config` file key and the environment setting. */
const ASSUMPTION_ROWS: readonly {
  key: keyof SmsCostAssumptions;
  label: string;
  numFmt: string;
  meaning: string;
}[] = [
  {
    key: 'invitesPerYear',
    label: 'QOF invitations per patient per year',
    numFmt: 'General',
    meaning:
      'How many QOF review invitations each patient is sent in a year. 2 is an upper bound: QOF sends the first invitation by the recorded preference, and the second (by any method) only to those who did not respond. Set as sms.invitesPerYear in the --config file (local) or smsInvitesPerYear in the CDK context (deployed).',
  },
  {
    key: 'fragmentsPerInvite',
    label: 'SMS fragments per invitation',
    numFmt: NUM_FMT.integer,
    meaning:
      'Fragments one invitation is sent as: 1 for up to 160 GSM characters (70 if the text needs UCS-2). Check your template (below), then set sms.fragmentsPerInvite (local) or smsFragmentsPerInvite (deployed).',
  },
  {
    key: 'costPerFragmentGbp',
    label: 'Cost per fragment (£)',
    numFmt: '"£"0.000##',
    meaning:
      "The price of one SMS fragment before VAT. The default, £0.024, is NHS Notify's list price per SMS fragment from 1 April 2026; set your own as sms.costPerFragmentGbp (local) or smsCostPerFragmentGbp (deployed; SMS_COST_PER_FRAGMENT_GBP in the Lambda).",
  },
  {
    key: 'vatRate',
    label: 'VAT on SMS',
    numFmt: '0%',
    meaning:
      'VAT added to every fragment. The default, 20%, assumes every fragment is charged: GP practices have had no free SMS allowance since April 2024. Set sms.vatRate (local) or smsVatRate (deployed) as a rate from 0 to 1.',
  },
];

/** The assumptions behind the SMS cost estimate, as numbers, with what each means and where to set it. */
function assumptionsTable(assumptions: SmsCostAssumptions): SectionTable {
  return {
    heading: 'SMS cost assumptions used in this report',
    intro:
      `Estimated annual SMS cost = QOF patients who would default to SMS × ${assumptions.invitesPerYear} invitation(s) ` +
      `per year × ${assumptions.fragmentsPerInvite} fragment(s) per invitation × £${assumptions.costPerFragmentGbp} per fragment ` +
      `× (1 + ${percent(assumptions.vatRate)} VAT). An estimate for planning, not a bill, and an upper bound: the ` +
      'second QOF invitation goes only to patients who did not respond to the first.',
    headers: ['Assumption', 'Value in this report', 'What it means and where to change it'],
    rows: ASSUMPTION_ROWS.map(({ key, label, meaning }) => [label, assumptions[key], meaning]),
    cellNumFmts: ASSUMPTION_ROWS.map(({ numFmt }) => [undefined, numFmt]),
  };
}

/** How to check a message template, so that the fragments assumption is right (SPEC §7, docs/sms-check.md). */
const SMS_TEMPLATE_ROWS: readonly (readonly [string, string])[] = [
  [
    'Why it matters',
    'SMS is charged per fragment. A message of up to 160 characters from the GSM alphabet is one fragment; longer, it is sent in parts of 153, each costing the same again. One character outside the GSM alphabet (a curly quote ’, a long dash –, an ellipsis …, an emoji) switches the whole message to UCS-2, where one fragment holds only 70 characters (67 per part). So going over 160 GSM characters, or 70 in UCS-2, doubles the cost of every invitation.',
  ],
  [
    'How to check a template',
    'Run pcm-report sms-check with the template text (locally: npm start -- sms-check "Your asthma review is due…"), or --file templates.csv --batch for many templates. For each template it reports the characters, the encoding (GSM-7 or UCS-2), the number of fragments, the cost at your rate, each character that forces UCS-2 with its GSM replacement, and warnings for uses the ICB-funded service does not allow (surveys, news or marketing, staff messages, sensitive content without consent). Full guide: docs/sms-check.md.',
  ],
  [
    'Then',
    'Set the fragments per invitation above to the number sms-check reports for the template your practices actually send, so that this estimate is the cost of real messages.',
  ],
];

const DATA_SOURCE_ROWS: readonly (readonly [string, string])[] = [
  [
    'Practice exports',
    "Patient-level reports that each practice (or the ICB, for many practices at once) schedules in SystmOne or EMIS Web: one row per registered patient with NHS number, date of birth, preferred contact method and, where present, mobile, email, SMS consent, QOF registers and AIS need. A practice's figures for a month come from its latest export dated in that month (UK time).",
  ],
  [
    'Practice directory',
    "The ICB's list of practices: ODS code, name, PCN, clinical system and email address. It decides which practices are expected each month and where gap lists are sent.",
  ],
  [
    'This workbook and the tidy CSV',
    'Aggregate figures only, no patient-level data. The patient lists (gap lists) go only to each practice. The tidy CSV (practice-metrics-YYYY-MM.csv) holds the same rounded numbers as the Practices sheet, for Power BI.',
  ],
];

/**
 * The Definitions sheet: every column in plain English, then how the figures are worked out (funnel plot,
 * confidence interval, deciles, change, rounding), who is counted, the SMS cost assumptions of this report,
 * how to check an SMS template, and the data sources.
 */
export function addDefinitionsSheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const ws = workbook.addWorksheet('Definitions', {
    views: [{ showGridLines: false }],
    pageSetup: portraitPages(),
    headerFooter: { oddFooter: `&LDefinitions, ${report.period}&RPage &P of &N` },
  });
  WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const title = ws.getCell(1, 1);
  title.value = 'Definitions: what each number means and how it is worked out';
  title.font = font({ bold: true, size: 16, color: { argb: COLOURS.title } });
  ws.mergeCells(1, 1, 1, LAST_COLUMN);
  ws.getRow(1).height = 24;

  const firstRow = writeSectionTable(
    ws,
    3,
    {
      heading: 'Columns of the Practices sheet and the tidy CSV',
      intro:
        'The Practices sheet and the tidy CSV (practice-metrics-YYYY-MM.csv, for Power BI) hold the same numbers. The CSV uses the column names in the middle column.',
      headers: ['Column', 'CSV column', 'Meaning'],
      rows: TIDY_COLUMNS.map(({ column, header }): CellData[] => [header, column, METRIC_DEFINITIONS[column]]),
    },
    LAST_COLUMN,
  );

  let r = writeSectionTable(
    ws,
    firstRow,
    {
      heading: 'How the figures are worked out',
      headers: ['Term', 'Definition'],
      rows: methodRows(report).map(([term, text]) => [term, text]),
    },
    LAST_COLUMN,
  );
  r = writeSectionTable(
    ws,
    r,
    {
      heading: 'Who is counted (cohorts)',
      headers: ['Cohort', 'Rule'],
      rows: COHORT_ROWS.map(([term, text]) => [term, text]),
    },
    LAST_COLUMN,
  );
  r = writeSectionTable(ws, r, assumptionsTable(report.assumptions), LAST_COLUMN);
  r = writeSectionTable(
    ws,
    r,
    {
      heading: 'Checking your SMS templates',
      intro:
        'The fragments per invitation above should come from a checked template, not a guess: one character too many doubles the cost of every message.',
      headers: ['Question', 'Answer'],
      rows: SMS_TEMPLATE_ROWS.map(([term, text]) => [term, text]),
    },
    LAST_COLUMN,
  );
  writeSectionTable(
    ws,
    r,
    { heading: 'Data sources', headers: ['Source', 'What it provides'], rows: DATA_SOURCE_ROWS.map((row) => [...row]) },
    LAST_COLUMN,
  );
  return ws;
}

/** How each figure is worked out; the small-number note only in a suppressed copy. */
function methodRows(report: PeriodReport): [string, string][] {
  const methods: [string, string][] = [
    [
      'Funnel plot and flags',
      "Each practice's % no preference (p) is compared with the ICB average p̄ = all patients with no preference ÷ all registered patients at reporting practices. " +
        'Its z-score is (p − p̄) ÷ s, where s = √(p̄(1 − p̄) ÷ n) for a practice of n patients, so bigger practices get narrower limits. ' +
        'Practices differ by more than chance alone, so over-dispersion is allowed for with the additive random-effects method of Spiegelhalter (2005): ' +
        'the z-scores are Winsorised at their 10th and 90th percentiles (the most extreme 10% at each end are pulled in, so outliers do not hide each other), φ = the mean of their squares, and if kφ > k − 1 (k practices) a between-practice variance ' +
        'τ² = (kφ − (k − 1)) ÷ (Σw − Σw² ÷ Σw), with w = 1 ÷ s², is added: z = (p − p̄) ÷ √(s² + τ²). ' +
        'Limits: 95% (z beyond ±1.96: warning) and 99.8% (z beyond ±3.09: outlier); the funnel plot on the Summary sheet draws the same limits. ' +
        'References: Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med 2005;24:1185–202; Handling over-dispersion of performance indicators. Qual Saf Health Care 2005;14:347–51.',
    ],
    [
      '95% confidence interval',
      'Wilson score interval for the proportion of registered patients with no preference. It stays within 0–100% and works for small practices and rates near 0.',
    ],
    [
      'No recorded preference',
      'The preferred contact method is empty or says Unknown, Not known, Not recorded, None, "-" or N/A. Declined contact is a recorded choice, and values that cannot be understood are counted as Unrecognised, not as no preference.',
    ],
    [
      'Decile',
      'Reporting practices are ranked by % no preference, lowest first (tied practices share the lowest rank); decile = rank × 10 ÷ the number of reporting practices, rounded up. Decile 1 is the tenth with the fewest gaps. When fewer than 10 practices report, no practice has a decile.',
    ],
    [
      'Change vs last month',
      "This month's unrounded % no preference minus last month's, then rounded: in percentage points, negative = improving. Blank when the practice did not report last month.",
    ],
    [
      'Month and snapshots',
      "A practice's figures for a month come from its latest export dated in that month (UK time); a later export of the same month replaces an earlier one. Every month's figures are kept, for the Trend sheet and the change. " +
        'ICB totals add up the counts of reporting practices and use the same definitions.',
    ],
    [
      'Rounding',
      'Percentages, confidence limits and change: 1 decimal place; z-scores: 2; money: 2; counts are whole numbers. Values are rounded half away from zero from unrounded counts, so rounded figures may not add up exactly. The tidy CSV shows the same rounded numbers.',
    ],
  ];
  if (report.suppressSmallNumbers) {
    methods.push([
      'Small-number suppression',
      `This is a shareable copy (NHS England's convention for sub-national statistics): counts from 1 to ${SMALL_NUMBER_MAX} are shown as * and every other count is rounded to the nearest ${ROUNDING_BASE} (zero is shown), so that no small group of patients can be identified or worked out by subtracting the others. ` +
        'Percentages, confidence limits and the SMS cost are worked out from the rounded counts, and left blank where a count they need is *. ' +
        'Funnel z-scores, flags, deciles and changes come from the exact counts: they rank practices and do not give counts away. ' +
        'Where a * could still be worked out from the totals, registered patients and rows read are shown as * as well. ' +
        'The tidy CSV and the history CSV written with this workbook are suppressed in the same way.',
    ]);
  }
  return methods;
}

/** 0.2 → `20%`; 0.175 → `17.5%`. */
function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
