import { disclosedCount } from '../../core/metrics/suppress-small-numbers';
import { monthName } from '../../core/period';
import type { PeriodReport } from '../../core/report/period-report';
import { formatCount } from '../../render/email/email-number-format';
import { shownRow } from '../../render/icb/shown-row';
import { HISTORY_FILE_NAME, icbFileNames } from '../portal-params';
import { html, type SafeHtml } from '../safe-html';
import { layout, type PageFrame } from './layout';
import { DISCLOSURE_NOTE, shownCount, shownPct } from './shown-number';

const sum = (rows: readonly { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);

/**
 * The Data quality summary as counts only: no value read from an export is shown. Under disclosure control the
 * counts of rows and values (which can be one practice's) are published as the workbook publishes counts; the
 * numbers of practices and files are not counts of people and stay exact.
 */
export function dataQualityCounts(report: PeriodReport): { label: string; count: number | string }[] {
  const dq = report.dataQuality;
  const published = (count: number) => (report.suppressSmallNumbers ? disclosedCount(count) : count);
  return [
    { label: 'Practices expected', count: report.completeness.expected },
    { label: 'Practices reporting', count: report.completeness.reporting },
    { label: 'Practices with no export this month', count: report.completeness.missing.length },
    { label: 'Practices whose latest export is from an earlier month', count: report.completeness.stale.length },
    { label: 'Practices not in the directory', count: report.completeness.notInDirectory.length },
    { label: 'Exports ingested', count: dq.ingestedFiles.length },
    { label: 'Files quarantined', count: dq.quarantinedFiles.length },
    { label: 'Rows rejected', count: published(sum(dq.rejectedRows)) },
    { label: 'Duplicate rows', count: published(sum(dq.duplicates)) },
    { label: 'Dates of birth missing or invalid', count: published(sum(dq.dobMissing)) },
    { label: 'Unrecognised preference values (occurrences)', count: published(sum(dq.unrecognisedValues)) },
    { label: 'Unknown register codes (occurrences)', count: published(sum(dq.unknownRegisterCodes)) },
  ];
}

function practicesTable(report: PeriodReport): SafeHtml {
  const reporting = report.practices.filter((p) => p.registered !== undefined);
  const shown = (p: (typeof reporting)[number]) => shownRow(p, report.suppressSmallNumbers);
  return html`<table class="nhsuk-table">
  <caption class="nhsuk-table__caption">Practices reporting in ${monthName(report.period)}, most patients without a preference first</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Practice</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Registered patients</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">% no preference</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Decile</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
  ${reporting.map(
    (p) => html`<tr class="nhsuk-table__row">
    <th scope="row" class="nhsuk-table__header"><a href="/practice/${p.practice_code}/${report.period}">${p.practice_name ?? p.practice_code} (${p.practice_code})</a></th>
    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${shownCount(shown(p).registered)}</td>
    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${shownPct(shown(p).no_preference_pct)}</td>
    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${p.decile ?? '–'}</td>
  </tr>`,
  )}
  </tbody>
</table>`;
}

/** A month for analysts and admins: downloads, the funnel plot and trend, data quality, practices. */
export function monthPage(frame: PageFrame, report: PeriodReport): string {
  const month = monthName(report.period);
  const files = icbFileNames(report.period);
  const base = `/month/${report.period}`;
  // The ICB row as the workbook's Summary shows it: totals rounded, the percentage from the rounded totals.
  const icb = shownRow(report.icb.metrics, report.suppressSmallNumbers);
  return layout(
    frame,
    month,
    html`<span class="nhsuk-caption-l">Monthly report</span>
<h1>${month}</h1>
<p class="nhsuk-lede-text">${formatCount(report.completeness.reporting)} of ${formatCount(report.completeness.expected)} practices reported;
${shownPct(icb.no_preference_pct)} of ${shownCount(icb.registered)} patients have no recorded communication preference.</p>
${report.suppressSmallNumbers && html`<p>${DISCLOSURE_NOTE}</p>`}
<h2>Downloads</h2>
<ul class="nhsuk-list">
  <li><a href="${base}/files/${files.workbook}" download>ICB workbook (Excel): ${files.workbook}</a></li>
  <li><a href="${base}/files/${files.csv}" download>Practice metrics (CSV): ${files.csv}</a></li>
  <li><a href="/history/${HISTORY_FILE_NAME}" download>Every month's practice metrics, for Power BI (CSV): ${HISTORY_FILE_NAME}</a></li>
</ul>
<h2>Funnel plot</h2>
<img class="portal-chart" src="${base}/funnel.svg" width="800" height="500"
  alt="Funnel plot of each practice's percentage of patients without a preference against its list size, with 95% and 99.8% control limits around the ICB rate. The practices table below gives the same figures.">
<h2>Trend</h2>
<img class="portal-chart" src="${base}/trend.svg" width="800" height="400"
  alt="Line chart of the ICB's percentage of patients without a preference over the last months. The months list gives the same figures.">
<h2>Data quality summary</h2>
<table class="nhsuk-table">
  <caption class="nhsuk-table__caption">Data quality in ${month} (counts only)</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Check</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Count</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
  ${dataQualityCounts(report).map(
    (row) => html`<tr class="nhsuk-table__row"><th scope="row" class="nhsuk-table__header">${row.label}</th>
    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${shownCount(row.count)}</td></tr>`,
  )}
  </tbody>
</table>
<p>The workbook’s Data quality sheet names each file and practice.</p>
<h2>Practices</h2>
${practicesTable(report)}`,
  );
}
