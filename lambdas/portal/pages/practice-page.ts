import { monthName } from '../../core/period';
import type { PeriodReport } from '../../core/report/period-report';
import type { PracticeMetrics } from '../../core/report/tidy-columns';
import { decileCaption } from '../../render/charts/decile-strip';
import { headlineNumbers } from '../../render/email/headline-numbers';
import { shownRow } from '../../render/icb/shown-row';
import { html } from '../safe-html';
import { layout, type PageFrame } from './layout';
import { DISCLOSURE_NOTE } from './shown-number';

export interface PracticeView {
  report: PeriodReport;
  metrics: PracticeMetrics;
  /** Whether this user may download the gap list (only the practice's own users). */
  mayDownloadGapList: boolean;
  /** Earlier periods (up to a year) with figures for the practice, newest first. */
  otherPeriods: string[];
}

/** A practice's month: its numbers and position, the gap-list download (for its own users), other months. */
export function practicePage(frame: PageFrame, view: PracticeView): string {
  const { report, metrics } = view;
  const month = monthName(report.period);
  const name = metrics.practice_name ?? metrics.practice_code;
  // The SMS cost depends on settings the monthly job has and the portal does not: the workbook shows it.
  // Under disclosure control the practice's numbers are those of the shared workbook; the gap list stays exact.
  const rows = headlineNumbers({
    metrics: shownRow(metrics, report.suppressSmallNumbers),
    period: report.period,
    medianNoPreferencePct: report.medianNoPreferencePct,
    reportingPractices: report.completeness.reporting,
  }).filter((row) => !row.label.startsWith('Estimated yearly SMS cost'));
  const gapList = `/practice/${metrics.practice_code}/${report.period}/gap-list`;
  const nhsNumbers = `/practice/${metrics.practice_code}/${report.period}/nhs-numbers`;
  return layout(
    frame,
    `${name} – ${month}`,
    html`<span class="nhsuk-caption-l">${month}</span>
<h1>${name} (${metrics.practice_code})</h1>
<table class="nhsuk-table">
  <caption class="nhsuk-table__caption">Your numbers for ${month}</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Measure</th>
    <th scope="col" class="nhsuk-table__header">Value</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
  ${rows.map(
    (row) => html`<tr class="nhsuk-table__row"><th scope="row" class="nhsuk-table__header">${row.label}</th>
    <td class="nhsuk-table__cell">${row.value}</td></tr>`,
  )}
  </tbody>
</table>
${report.suppressSmallNumbers && html`<p>${DISCLOSURE_NOTE}</p>`}
${metrics.decile === undefined && html`<p>${decileCaption(undefined)}</p>`}
<h2>Gap list</h2>
${
  view.mayDownloadGapList
    ? html`<p>The gap list names the patients without a recorded preference, so the practice can ask them. It is
OFFICIAL-SENSITIVE: keep it inside the practice. Each download is recorded.</p>
<p><a class="nhsuk-button" href="${gapList}" download>Download the gap list for ${month}</a></p>
<p>To ask these patients in one go, import their NHS numbers into SystmOne or EMIS Web as a patient group
(one number a line, worst-placed first, no other data; the same protections apply):
<a href="${nhsNumbers}" download>download the NHS numbers for ${month} (CSV)</a>.</p>`
    : html`<p>Only the practice’s own users can download its gap list.</p>`
}
<h2>Earlier months</h2>
${
  view.otherPeriods.length === 0
    ? html`<p>No earlier months have figures for this practice.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--bullet">${view.otherPeriods.map(
        (period) => html`<li><a href="/practice/${metrics.practice_code}/${period}">${monthName(period)}</a></li>`,
      )}</ul>`
}`,
  );
}
