import type ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import type { CompletenessEntry, PeriodReport } from '../../core/report/period-report';
import type { FunnelFlag } from '../../core/report/tidy-columns';
import { FUNNEL_CHART_SIZE, renderFunnelChartPng } from '../charts/funnel-chart';
import { renderTrendChartPng, TREND_CHART_SIZE } from '../charts/trend-chart';
import { decilesWithheldReason } from '../deciles-withheld';
import { formatUkDate } from '../excel-date';
import { formatPeriod } from '../format-period';
import { FUNNEL_FLAG_LABELS, funnelFlagLabel } from '../funnel-flag-label';
import { type Kpi, noPreferencePctKpi, writeKpiTable } from '../kpi-table';
import { metricCell } from '../metric-cell';
import { NUM_FMT } from '../number-formats';
import { roundMetric } from '../rounding';
import {
  COLOURS,
  fitRowHeight,
  font,
  outlineCells,
  paragraph,
  portraitPages,
  sectionHeading,
  styleHeaderRow,
} from '../sheet-style';
import { type ShownRow, shownRow } from './shown-row';
import { worstFirst } from './worst-first';

/** Column widths A–G: a label column, then narrow number columns shared by the KPI and worst-10 tables. */
const WIDTHS = [52, 13, 17, 12, 13, 22, 13] as const;
const LAST_COLUMN = WIDTHS.length;
const WORST_ROWS = 10;

/** Points per pixel at 96 dpi: row heights are in points, chart sizes in pixels. */
const POINTS_PER_PIXEL = 0.75;
/** Space under each chart, in points, so that it does not touch what follows. */
const CHART_GAP = 8;

/**
 * Fixed rows. Each chart sits alone in one row made as tall as the chart, so whatever the data nothing can
 * overlap it, Excel and LibreOffice agree on where it ends (they differ on the default row height), and a
 * printed page never cuts a chart in half.
 */
const ROW = {
  title: 1,
  subtitle: 2,
  kpiHeading: 4,
  worstHeading: 15,
  worstHeader: 16,
  chartsHeading: 28,
  chartsIntro: 29,
  funnel: 30,
  trend: 31,
  guideHeading: 33,
} as const;

const generatedDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/**
 * The Summary sheet: what an ICB analyst reads first. Headline KPIs, the 10 practices with the most
 * gaps, the funnel plot and the ICB trend chart, and a plain-English guide to reading the report.
 */
export function addSummarySheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const ws = workbook.addWorksheet('Summary', {
    views: [{ showGridLines: false }],
    pageSetup: portraitPages({ sideMargin: 0.5, topMargin: 0.6 }),
    headerFooter: { oddFooter: '&LPatient communication preferences&RPage &P of &N' },
  });
  WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const suppress = report.suppressSmallNumbers;
  const month = formatPeriod(report.period);

  const title = ws.getCell(ROW.title, 1);
  title.value = `Patient communication preferences: ${report.icbName}, ${month}`;
  title.font = font({ bold: true, size: 16, color: { argb: COLOURS.title } });
  ws.mergeCells(ROW.title, 1, ROW.title, LAST_COLUMN);
  ws.getRow(ROW.title).height = 24;
  const generated = new Date(report.generatedAt);
  const subtitle = ws.getCell(ROW.subtitle, 1);
  subtitle.value =
    `Monthly report for ${month}` +
    (Number.isNaN(generated.getTime()) ? '' : `, produced ${generatedDate.format(generated)}`) +
    '. Aggregate figures only: no patient-level data.';
  subtitle.font = font({ italic: true, color: { argb: COLOURS.muted } });
  ws.mergeCells(ROW.subtitle, 1, ROW.subtitle, LAST_COLUMN);

  writeKpis(ws, report, shownRow(report.icb.metrics, suppress));
  writeWorstPractices(ws, report, suppress);
  writeCharts(workbook, ws, report);
  writeReadingGuide(ws, report);
  return ws;
}

function writeKpis(ws: Worksheet, report: PeriodReport, icb: ShownRow): void {
  const { assumptions, completeness } = report;
  const qofDefault = icb.qof_default_to_sms;
  const flags = countFlags(report);
  const kpis: Kpi[] = [
    {
      label: 'Patients registered at reporting practices',
      value: metricCell(icb.registered, 'count'),
      numFmt: NUM_FMT.count,
      note: "Valid, de-duplicated patients in this month's exports (the denominator).",
    },
    {
      label: 'Patients with no recorded communication preference',
      value: metricCell(icb.no_preference, 'count'),
      numFmt: NUM_FMT.count,
      note: 'No preferred method of contact recorded: messaging systems will text them by default.',
    },
    noPreferencePctKpi(
      metricCell(icb.no_preference_pct, 'pct'),
      numberOrUndefined(icb.no_preference_ci_low),
      numberOrUndefined(icb.no_preference_ci_high),
    ),
    {
      label: 'Patients who would default to SMS',
      value: metricCell(icb.default_to_sms, 'count'),
      numFmt: NUM_FMT.count,
      note: 'No preference, a valid mobile number and SMS consent not withdrawn.',
    },
    {
      label: 'Estimated annual SMS cost (£)',
      value: metricCell(icb.est_annual_sms_cost_gbp, 'gbp'),
      numFmt: NUM_FMT.gbp,
      note:
        `${typeof qofDefault === 'number' ? qofDefault.toLocaleString('en-GB') : (qofDefault ?? '—')} QOF patients ` +
        `who would default to SMS × ${assumptions.invitesPerYear} invitations a year × ` +
        `${assumptions.fragmentsPerInvite} SMS fragment(s) × £${assumptions.costPerFragmentGbp} per fragment ` +
        `+ ${Math.round(assumptions.vatRate * 1000) / 10}% VAT (see Definitions).`,
    },
    {
      label: 'Practices that sent an export this month',
      value: `${completeness.reporting} of ${completeness.expected}`,
      note:
        `No export ever: ${practiceList(completeness.missing)}; ` +
        `no export this month: ${practiceList(completeness.stale)}; ` +
        `not in the practice directory: ${practiceList(completeness.notInDirectory)}. See Data quality.`,
    },
    {
      label: 'Median practice % with no recorded preference',
      value: metricCell(report.medianNoPreferencePct, 'pct'),
      numFmt: NUM_FMT.pct,
      note: 'Half of the reporting practices are above this figure and half below.',
    },
    flags === undefined
      ? {
          label: 'Practices well above the ICB average (high outliers)',
          value: 'n/a',
          note: 'Funnel-plot flags were not calculated for this month.',
        }
      : {
          label: 'Practices well above the ICB average (high outliers)',
          value: flags.high_outlier,
          numFmt: NUM_FMT.count,
          note:
            `Above the 99.8% funnel limit, allowing for practice size. Also: ${flags.high_warning} high ` +
            `warning(s), ${flags.low_warning + flags.low_outlier} practice(s) below the lower limits.`,
        },
  ];
  writeKpiTable(ws, ROW.kpiHeading, `Headline numbers for ${report.icbName}`, kpis, LAST_COLUMN);
}

function writeWorstPractices(ws: Worksheet, report: PeriodReport, suppress: boolean): void {
  sectionHeading(
    ws,
    ROW.worstHeading,
    `The ${WORST_ROWS} practices with the highest % of patients with no recorded preference`,
    LAST_COLUMN,
  );
  const header = ws.getRow(ROW.worstHeader);
  header.values = [
    'Practice',
    '% no preference',
    '95% confidence interval',
    'Registered patients',
    'No preference recorded',
    'Funnel flag',
    'Change vs last month (pct points)',
  ];
  styleHeaderRow(header, 1, LAST_COLUMN);
  const reporting = worstFirst(report.practices.filter((p) => p.no_preference_pct !== undefined)).slice(0, WORST_ROWS);
  if (reporting.length === 0) {
    ws.getCell(ROW.worstHeader + 1, 1).value = 'No practice sent an export this month.';
  }
  reporting.forEach((practice, i) => {
    const shown = shownRow(practice, suppress);
    const row = ws.getRow(ROW.worstHeader + 1 + i);
    const low = roundMetric(numberOrUndefined(shown.no_preference_ci_low), 'pct');
    const high = roundMetric(numberOrUndefined(shown.no_preference_ci_high), 'pct');
    row.values = [
      `${i + 1}. ${practice.practice_name ?? 'Name not in directory'} (${practice.practice_code})`,
      metricCell(shown.no_preference_pct, 'pct'),
      low === undefined || high === undefined ? null : `${low.toFixed(1)}% to ${high.toFixed(1)}%`,
      metricCell(shown.registered, 'count'),
      metricCell(shown.no_preference, 'count'),
      funnelFlagLabel(practice.funnel_flag) ?? null,
      metricCell(shown.change_pct_points, 'pct'),
    ];
    row.alignment = { vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    row.getCell(3).alignment = { vertical: 'top', horizontal: 'center' };
    for (const c of [2, 4, 5, 7]) row.getCell(c).alignment = { vertical: 'top', horizontal: 'right', indent: 1 };
    fitRowHeight(ws, row, 1, 1);
    row.getCell(2).numFmt = NUM_FMT.pct;
    row.getCell(4).numFmt = NUM_FMT.count;
    row.getCell(5).numFmt = NUM_FMT.count;
    row.getCell(7).numFmt = NUM_FMT.change;
    const flag = practice.funnel_flag as FunnelFlag | undefined;
    const fill = flag === undefined ? undefined : FUNNEL_FLAG_LABELS[flag]?.fill;
    if (fill !== undefined) row.getCell(6).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  outlineCells(ws, ROW.worstHeader, ROW.worstHeader + WORST_ROWS, 1, LAST_COLUMN);
}

/**
 * The funnel plot and the ICB trend chart, stacked at their native size (the PNGs are drawn at twice that, so they
 * stay sharp when zoomed), on a printed page of their own after the tables.
 */
function writeCharts(workbook: Workbook, ws: Worksheet, report: PeriodReport): void {
  ws.getRow(ROW.chartsHeading - 1).addPageBreak();
  sectionHeading(ws, ROW.chartsHeading, 'Charts: practices compared, and the ICB trend', LAST_COLUMN);
  paragraph(
    ws,
    ROW.chartsIntro,
    'Funnel plot: each point is a practice, placed by its size (across) and its % with no recorded preference (up). ' +
      'The dashed lines are the limits chance alone would explain for a practice of that size; practices outside them ' +
      'are labelled with their practice code and flagged on the Practices sheet. Trend: the ICB % month by month.',
    1,
    LAST_COLUMN,
    { italic: true, color: { argb: COLOURS.muted } },
  );
  const charts: [number, Buffer, { width: number; height: number }][] = [
    [ROW.funnel, renderFunnelChartPng(report), FUNNEL_CHART_SIZE],
    [ROW.trend, renderTrendChartPng(report), TREND_CHART_SIZE],
  ];
  for (const [row, png, size] of charts) {
    ws.getRow(row).height = size.height * POINTS_PER_PIXEL + CHART_GAP;
    const imageId = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    // exceljs's `tl` is 0-based: column A, the chart's own row.
    ws.addImage(imageId, { tl: { col: 0, row: row - 1 }, ext: { ...size }, editAs: 'oneCell' });
  }
}

function writeReadingGuide(ws: Worksheet, report: PeriodReport): void {
  sectionHeading(ws, ROW.guideHeading, 'How to read this report', LAST_COLUMN);
  const guide = [
    "What it shows. Since QOF 2019/20 practices should record each patient's preferred method of communication (SMS, email, letter, telephone, NHS App). Where none is recorded, messaging systems send SMS by default: that costs the ICB money and may reach patients in a form they cannot use (Accessible Information Standard). This report counts, for every practice, the patients with no recorded preference.",
    '% with no recorded preference is the main measure: lower is better. The 95% confidence interval shows how precise it is: small practices have wide intervals, so a small practice can look worse by chance.',
    'Funnel flag compares each practice with the ICB average, allowing for its size and for ordinary variation between practices. "High outlier" (above the 99.8% limit) is too high to be chance: start there. "High warning" is above the 95% limit. "Within expected range" needs no action on its own.',
    `${decileGuide(report.completeness.reporting)} Change vs last month is in percentage points: -1.5 means the rate fell by 1.5 points (improving); a + sign means it got worse.`,
    'Estimated annual SMS cost is what texting the QOF patients who would default to SMS might cost in a year, using the assumptions on the Definitions sheet. It is an estimate for planning, not a bill.',
    'Before comparing practices, check Data quality: practices without an export this month have blank rows at the bottom of the Practices sheet (numbers are never carried forward) and are not in the ICB figures. Rejected rows, duplicates and unrecognised values are listed there too.',
    'Sheets: Practices (every practice, worst first, with filters), PCNs (the same measures per Primary Care Network), Trend (% with no preference, last 12 months), Methods (how preferences are recorded), Registers (gaps by QOF register), Data quality, Definitions (every column explained). The same numbers are in the tidy CSV for Power BI.',
  ];
  if (report.suppressSmallNumbers) {
    guide.push(
      'Small numbers are suppressed in this copy: counts from 1 to 7 are shown as *, every other count is rounded to the nearest 5, and percentages are worked out from the rounded counts (blank where a count is *).',
    );
  }
  guide.forEach((text, i) => {
    paragraph(ws, ROW.guideHeading + 1 + i, `${i + 1}. ${text}`, 1, LAST_COLUMN);
  });
}

/** What the Decile column means, or why it is blank this month. */
function decileGuide(reportingPractices: number): string {
  const withheld = decilesWithheldReason(reportingPractices);
  if (withheld !== undefined) return `${withheld} So the Decile column is blank: with so few, a rank says little.`;
  return 'Decile ranks practices by % with no preference: 1 is the tenth with the fewest gaps, 10 the tenth with the most.';
}

/** Named on the Summary up to this many; beyond it, "and N more" (all are on the Data quality sheet). */
const NAMED_PRACTICES = 5;

/**
 * How many practices, and which: `0`, or `2 (Y05999 Hillside Surgery; Y07001 Orchard Surgery, last export
 * 30/09/2026)`, so the analyst knows whom to chase without leaving the Summary.
 */
function practiceList(entries: readonly CompletenessEntry[]): string {
  if (entries.length === 0) return '0';
  const named = entries.slice(0, NAMED_PRACTICES).map((p) => {
    const name = p.practiceName === undefined ? p.practiceCode : `${p.practiceCode} ${p.practiceName}`;
    return p.lastExtractDate === undefined ? name : `${name}, last export ${formatUkDate(p.lastExtractDate)}`;
  });
  const more = entries.length - named.length;
  return `${entries.length} (${named.join('; ')}${more > 0 ? `; and ${more} more` : ''})`;
}

function countFlags(report: PeriodReport): Record<FunnelFlag, number> | undefined {
  const counts: Record<FunnelFlag, number> = {
    high_outlier: 0,
    high_warning: 0,
    in_control: 0,
    low_warning: 0,
    low_outlier: 0,
  };
  let any = false;
  for (const practice of report.practices) {
    const flag = practice.funnel_flag as FunnelFlag | undefined;
    if (flag !== undefined && flag in counts) {
      counts[flag] += 1;
      any = true;
    }
  }
  return any ? counts : undefined;
}

function numberOrUndefined(value: string | number | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
