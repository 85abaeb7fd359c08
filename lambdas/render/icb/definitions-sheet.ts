import type { Workbook, Worksheet } from 'exceljs';
import { SMALL_NUMBER_MAX } from '../../core/metrics/suppress-small-numbers';
import type { PeriodReport } from '../../core/report/period-report';
import { TIDY_COLUMNS } from '../../core/report/tidy-columns';
import type { CellData } from '../metric-cell';
import { writeSectionTable } from '../section-table';
import { COLOURS, font } from '../sheet-style';
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
 * The Definitions sheet: every column in plain English, then the methods behind the numbers (funnel
 * plot, confidence interval, cohorts, SMS cost with this report's assumptions, rounding, sources).
 */
export function addDefinitionsSheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const ws = workbook.addWorksheet('Definitions', {
    views: [{ showGridLines: false }],
    pageSetup: {
      orientation: 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
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

  const r = writeSectionTable(
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

  const { assumptions } = report;
  const methods: [string, string][] = [
    [
      'Funnel plot and flags',
      "Each practice's % no preference (p) is compared with the ICB average p̄ = all patients with no preference ÷ all registered patients at reporting practices. " +
        'Its z-score is (p − p̄) ÷ s, where s = √(p̄(1 − p̄) ÷ n) for a practice of n patients, so bigger practices get narrower limits. ' +
        'Practices differ by more than chance alone, so over-dispersion is allowed for with the additive random-effects method of Spiegelhalter (2005): ' +
        'the z-scores are Winsorised at their 10th and 90th percentiles, φ = the mean of their squares, and if kφ > k − 1 (k practices) a between-practice variance ' +
        'τ² = (kφ − (k − 1)) ÷ (Σw − Σw² ÷ Σw), with w = 1 ÷ s², is added: z = (p − p̄) ÷ √(s² + τ²). ' +
        'Limits: 95% (z beyond ±1.96: warning) and 99.8% (z beyond ±3.09: outlier). ' +
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
      'QOF cohort',
      `A patient is in the QOF cohort when they are on at least one QOF disease register (QOF business rules, England): ${QOF_REGISTERS}. ` +
        'Other register codes found in the exports are listed on the Data quality sheet.',
    ],
    [
      'The 16+ rule',
      'Age in completed years on the extract date is 16 or more. Patients with a missing, invalid or future date of birth are left out of the 16+ figures (see "Date of birth missing/invalid") but stay in the all-ages figures.',
    ],
    [
      'Would default to SMS',
      'No recorded preference, a valid UK mobile number and SMS consent not withdrawn. A mobile is valid as 07 + 9 digits, +447 / 447 + 9 digits, or 7 + 9 digits (a leading zero lost in a spreadsheet).',
    ],
    [
      'SMS cost estimate',
      `QOF patients who would default to SMS × ${assumptions.invitesPerYear} invitation(s) per year × ` +
        `${assumptions.fragmentsPerInvite} SMS fragment(s) per invitation × £${assumptions.costPerFragmentGbp} per fragment. ` +
        'A message longer than 160 characters (70 with some special characters) is sent as two or more fragments and costs two or more times as much. ' +
        "The rate is set in the configuration: check that it is your contract's rate, not the example default.",
    ],
    [
      'Month and snapshots',
      "A practice's figures for a month come from its latest export dated in that month (UK time). Practices without an export in the month have blank rows; numbers are never carried forward. " +
        'ICB totals add up the counts of reporting practices and use the same definitions.',
    ],
    [
      'Rounding',
      'Percentages, confidence limits and change: 1 decimal place; z-scores: 2; money: 2; counts are whole numbers. Values are rounded half away from zero from unrounded counts, so rounded figures may not add up exactly. The tidy CSV shows the same rounded numbers.',
    ],
    [
      'Data sources',
      'Patient-level exports that each practice (or the ICB for many practices) schedules in SystmOne or EMIS Web, one row per registered patient; and the ICB practice directory (practice names, PCN, clinical system, email). ' +
        'This workbook holds aggregate figures only. The patient lists (gap lists) go only to each practice.',
    ],
  ];
  if (report.suppressSmallNumbers) {
    methods.push([
      'Small-number suppression',
      `This is a shareable copy: counts from 1 to ${SMALL_NUMBER_MAX} are shown as * and the percentages, z-scores, changes and costs that would reveal them are left blank, so that no small group of patients can be identified. Zero is shown.`,
    ]);
  }
  writeSectionTable(
    ws,
    r,
    { heading: 'Methods', headers: ['Term', 'Definition'], rows: methods.map(([term, text]) => [term, text]) },
    LAST_COLUMN,
  );
  return ws;
}
