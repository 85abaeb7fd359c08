import type { GapList } from '../../core/report/gap-list';
import type { FunnelFlag } from '../../core/report/tidy-columns';
import { DECILE_STRIP_SIZE, renderDecileStripPng } from '../charts/decile-strip';
import { decilesWithheldReason } from '../deciles-withheld';
import { formatUkDate } from '../excel-date';
import { formatPeriod } from '../format-period';
import { FUNNEL_FLAG_LABELS, funnelFlagLabel } from '../funnel-flag-label';
import { type Kpi, noPreferencePctKpi, writeKpiTable } from '../kpi-table';
import { metricCell } from '../metric-cell';
import { NUM_FMT } from '../number-formats';
import { roundMetric } from '../rounding';
import { type SectionTable, writeSectionTable } from '../section-table';
import { COLOURS, font, paragraph, portraitPages } from '../sheet-style';
import type { StreamingWorkbook } from '../stream-workbook';
import { addStreamedSheetImage, type StreamingWorksheet } from '../streamed-sheet-image';
import type { CONTACT_PROBLEMS } from './fix-contact-details-sheet';
import { TIER_MEANINGS } from './no-preference-sheet';
import { markedHeaderFooter, writeMarkingBanner } from './official-sensitive';

/** Column B fits a funnel flag in words ("Within expected range") on two lines at most. */
const WIDTHS = [44, 20, 76] as const;
/** Points per pixel at 96 dpi: row heights are in points, images in pixels. */
const POINTS_PER_PIXEL = 0.75;
const LAST_COLUMN = WIDTHS.length;

/**
 * How to record a preference, per clinical system. Deliberately generic: menu names differ between
 * versions and local set-ups, and the sheet says so.
 */
const HOW_TO_RECORD: readonly { system: string; steps: readonly string[] }[] = [
  {
    system: 'SystmOne',
    steps: [
      "Open the patient's record.",
      'Open the patient\'s details and find Communication preferences (it may be labelled "Preferred method of contact").',
      'Choose the method the patient asked for (for example SMS, email, letter, telephone or NHS App) and save.',
      'While you are there, check the mobile number, the email address and the SMS consent.',
    ],
  },
  {
    system: 'EMIS Web',
    steps: [
      "Open the patient's record and go to Registration (edit the registration details).",
      'Open the Contact section and find Communication preferences (it may be labelled "Preferred method of contact").',
      'Choose the method the patient asked for (for example SMS, email, letter, telephone or NHS App) and save.',
      'While you are there, check the mobile number, the email address and the SMS consent.',
    ],
  },
];

/**
 * The gap list Summary sheet: the practice's numbers, where it sits in the ICB (once the monthly
 * report has been built), what the priorities mean, and how to record a preference.
 */
export function addGapListSummarySheet(workbook: StreamingWorkbook, gapList: GapList): void {
  const ws = workbook.addWorksheet('Summary', {
    views: [{ showGridLines: false }],
    pageSetup: portraitPages({ sideMargin: 0.5, topMargin: 0.7 }),
    headerFooter: markedHeaderFooter('Summary'),
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  writeMarkingBanner(ws, LAST_COLUMN);
  const practice = `${gapList.practiceName ?? 'Practice'} (${gapList.practiceCode})`;
  const month = formatPeriod(gapList.period);
  const title = ws.getCell(2, 1);
  title.value = `Communication preference gap list: ${practice}`;
  title.font = font({ bold: true, size: 16, color: { argb: COLOURS.title } });
  ws.mergeCells(2, 1, 2, LAST_COLUMN);
  ws.getRow(2).height = 24;
  paragraph(
    ws,
    3,
    `${month}: from the ${gapList.clinicalSystem} export of ${formatUkDate(gapList.extractDate)}. ` +
      'Patients who have no recorded preferred method of communication are sent SMS by default, which costs ' +
      'money and may not reach them in a form they can use. Recording a preference closes the gap.',
    1,
    LAST_COLUMN,
    { italic: true, color: { argb: COLOURS.muted } },
  );

  let r = writeKpiTable(ws, 5, `Your numbers for ${month}`, practiceKpis(gapList), LAST_COLUMN);
  const position = gapList.icbPosition;
  if (position === undefined) {
    paragraph(
      ws,
      r,
      'How the practice compares with others in the ICB is added when the monthly ICB report is built.',
      1,
      LAST_COLUMN,
      { italic: true },
    );
    r += 2;
  } else {
    r = writeKpiTable(
      ws,
      r,
      `Compared with other practices in ${position.icbName}`,
      comparisonKpis(gapList),
      LAST_COLUMN,
    );
    // No strip without deciles: ten empty boxes would only suggest a position the practice does not have.
    if (decilesWithheldReason(position.reportingPractices) === undefined)
      r = writeDecileStrip(workbook, ws, r, gapList);
  }

  r = writeSectionTable(
    ws,
    r,
    {
      heading: 'Who to contact first (No preference sheet)',
      intro: 'Within each priority, patients are listed by surname and forename.',
      headers: ['Priority', 'Patients who are…'],
      rows: (Object.entries(TIER_MEANINGS) as [string, string][]).map(([tier, meaning]) => [
        `Priority ${tier}`,
        meaning.charAt(0).toUpperCase() + meaning.slice(1),
      ]),
    },
    LAST_COLUMN,
  );
  r = writeSectionTable(
    ws,
    r,
    {
      heading: 'How to record a preference',
      intro:
        'Ask the patient how they would like to be contacted; do not assume. Menu names and wording may differ by version and local set-up: if you cannot find the option, ask your clinical system trainer.',
      headers: ['Clinical system', 'Steps'],
      rows: systemsFirst(gapList.clinicalSystem).map(({ system, steps }) => [
        system,
        steps.map((step, i) => `${i + 1}. ${step}`).join('\n'),
      ]),
    },
    LAST_COLUMN,
  );
  writeSectionTable(ws, r, importAsPatientGroup(gapList), LAST_COLUMN);
  ws.commit();
}

/**
 * How to act on the whole list at once with the NHS-number file beside the workbook (its name as
 * reportKeys.gapListNhsNumbersFile gives it). Kept general: the import options' names differ by version.
 */
function importAsPatientGroup(gapList: GapList): SectionTable {
  const file = `gap-list-${gapList.practiceCode}-${gapList.period}-nhs-numbers.csv`;
  return {
    heading: 'Import as a patient group',
    intro:
      'To work on these patients together (a search, a recall, one batch message), import their NHS numbers rather than typing them. Menu names differ by version and local set-up: if you cannot find the import, ask your clinical system trainer.',
    headers: ['Where', 'How'],
    rows: [
      [
        'The NHS-number file',
        `${file}, downloaded with this workbook: the NHS numbers of the patients on the No preference sheet, in the same order, 10 digits a line, nothing else. It identifies patients: keep it within the practice and delete it once imported.`,
      ],
      [
        'SystmOne',
        'In Clinical Reporting, import the file as a patient list (patient group), then report on or message that group.',
      ],
      [
        'EMIS Web',
        'In Population Reporting, import the NHS numbers as a patient list, then use it in a search or a batch message.',
      ],
      [
        'Messaging tools',
        'Most accept a file of NHS numbers for one batch message: check that your tool matches each number to the right patient.',
      ],
    ],
  };
}

/**
 * The decile strip (where the practice sits among the ICB's practices) in a row of its own, one row tall, so it
 * never overlaps text and is never split across printed pages. Returns the first free row after a blank line.
 */
function writeDecileStrip(workbook: StreamingWorkbook, ws: StreamingWorksheet, row: number, gapList: GapList): number {
  ws.getRow(row).height = DECILE_STRIP_SIZE.height * POINTS_PER_PIXEL + 6;
  addStreamedSheetImage(workbook, ws, renderDecileStripPng(gapList.metrics.decile), {
    tl: { col: 0, row: row - 1 },
    ext: { ...DECILE_STRIP_SIZE },
    description: decileStripDescription(gapList),
  });
  return row + 2;
}

/** Alternative text for the strip: what it shows, in words. */
function decileStripDescription(gapList: GapList): string {
  const decile = gapList.metrics.decile;
  const where =
    decile === undefined
      ? 'The practice has no decile this month.'
      : `${gapList.practiceCode} is in decile ${decile} of 10 (1 = fewest patients without a recorded preference).`;
  return `Ten boxes, deciles 1 to 10. ${where}`;
}

/** The practice's own system first. */
function systemsFirst(clinicalSystem: string): typeof HOW_TO_RECORD {
  const own = clinicalSystem.toLowerCase().replaceAll(' ', '');
  return [...HOW_TO_RECORD].sort(
    (a, b) =>
      Number(b.system.toLowerCase().replaceAll(' ', '') === own) -
      Number(a.system.toLowerCase().replaceAll(' ', '') === own),
  );
}

function practiceKpis(gapList: GapList): Kpi[] {
  const m = gapList.metrics;
  const pct = (value: number | undefined, of: string) => {
    const rounded = roundMetric(value, 'pct');
    return rounded === undefined ? '' : ` That is ${rounded.toFixed(1)}% of ${of}.`;
  };
  const byProblem = (problem: keyof typeof CONTACT_PROBLEMS) =>
    gapList.fixContactDetails.filter((f) => f.problem === problem).length;
  return [
    {
      label: 'Registered patients',
      value: metricCell(m.registered, 'count'),
      numFmt: NUM_FMT.count,
      note: 'Patients in the export with a valid NHS number, each counted once.',
    },
    {
      label: 'Patients with no recorded preference',
      value: metricCell(m.no_preference, 'count'),
      numFmt: NUM_FMT.count,
      note: 'All listed on the No preference sheet, most important first.',
    },
    noPreferencePctKpi(metricCell(m.no_preference_pct, 'pct'), m.no_preference_ci_low, m.no_preference_ci_high),
    {
      label: 'On a QOF register, no preference',
      value: metricCell(m.qof_no_preference, 'count'),
      numFmt: NUM_FMT.count,
      note: `These patients are invited for QOF reviews: contact them first.${pct(m.qof_no_preference_pct, 'QOF patients')}`,
    },
    {
      label: 'Accessible Information Standard need, no preference',
      value: metricCell(m.ais_need_no_preference, 'count'),
      numFmt: NUM_FMT.count,
      note: 'They have a recorded communication need, so a default SMS may not work for them.',
    },
    {
      label: 'Aged 16 or over, no preference',
      value: metricCell(m.adults_no_preference, 'count'),
      numFmt: NUM_FMT.count,
      note: `Patients old enough to choose for themselves.${pct(m.adults_no_preference_pct, 'patients aged 16+')}`,
    },
    {
      label: 'Would default to SMS',
      value: metricCell(m.default_to_sms, 'count'),
      numFmt: NUM_FMT.count,
      note: 'No preference, a valid mobile number and SMS consent not withdrawn: they would be texted by default.',
    },
    {
      label: 'Estimated annual SMS cost (£)',
      value: metricCell(m.est_annual_sms_cost_gbp, 'gbp'),
      numFmt: NUM_FMT.gbp,
      note: "Cost of texting QOF patients who would default to SMS for a year of invitations: an estimate using the ICB's assumptions.",
    },
    {
      label: 'Contact details to fix',
      value: gapList.fixContactDetails.length,
      numFmt: NUM_FMT.count,
      note:
        `On the Fix contact details sheet: ${byProblem('sms_no_mobile')} prefer SMS but have no valid mobile, ` +
        `${byProblem('email_no_address')} prefer email but have no valid address, ` +
        `${byProblem('sms_dissent')} prefer SMS but have withdrawn SMS consent.`,
    },
  ];
}

/** The practice's decile, or why there is none this month (fewer than 10 practices reported). */
function decileKpi(decile: number | undefined, reportingPractices: number): Kpi {
  const withheld = decilesWithheldReason(reportingPractices);
  if (withheld !== undefined) return { label: 'Your decile', value: 'Not shown', note: withheld };
  return {
    label: 'Your decile',
    value: metricCell(decile, 'count'),
    numFmt: NUM_FMT.integer,
    note: '1 = among the tenth of practices with the fewest gaps, 10 = among the tenth with the most.',
  };
}

function comparisonKpis(gapList: GapList): Kpi[] {
  const m = gapList.metrics;
  const position = gapList.icbPosition;
  const kpis: Kpi[] = [
    {
      label: 'Your % with no recorded preference',
      value: metricCell(m.no_preference_pct, 'pct'),
      numFmt: NUM_FMT.pct,
      note: 'As above.',
    },
    {
      label: 'ICB median % with no recorded preference',
      value: metricCell(position?.medianNoPreferencePct, 'pct'),
      numFmt: NUM_FMT.pct,
      note: `Half of the ${position?.reportingPractices ?? ''} practices that reported this month are above this figure and half below.`,
    },
    decileKpi(m.decile, position?.reportingPractices ?? 0),
  ];
  if (m.funnel_flag !== undefined) {
    kpis.push({
      label: 'Compared with the ICB average, allowing for practice size',
      value: funnelFlagLabel(m.funnel_flag) ?? null,
      note:
        `From the ICB funnel plot: ${FUNNEL_FLAG_LABELS[m.funnel_flag as FunnelFlag]?.meaning ?? m.funnel_flag}. ` +
        'A "High outlier" has more gaps than chance would explain.',
    });
  }
  if (m.change_pct_points !== undefined) {
    kpis.push({
      label: 'Change since last month (percentage points)',
      value: metricCell(m.change_pct_points, 'pct'),
      numFmt: NUM_FMT.change,
      note: 'A minus sign means the gap is closing.',
    });
  }
  return kpis;
}
