import { monthName } from '../../core/period';
import { formatCount } from '../../render/email/email-number-format';
import { HISTORY_FILE_NAME } from '../portal-params';
import type { MonthHeadline } from '../portal-reports';
import { html } from '../safe-html';
import { layout, type PageFrame } from './layout';
import { shownCount, shownPct } from './shown-number';

/** Analysts' and admins' home: every month with a report, newest first, with its headline numbers. */
export function monthsPage(frame: PageFrame, months: readonly MonthHeadline[]): string {
  const newestFirst = [...months].sort((a, b) => b.period.localeCompare(a.period));
  const body =
    newestFirst.length === 0
      ? html`<p>No exports have been processed yet. Reports appear here after the monthly job has run.</p>`
      : html`<table class="nhsuk-table">
  <caption class="nhsuk-table__caption">Headline numbers by month, newest first</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Month</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Reporting practices</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Patients</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">% without a preference</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
  ${newestFirst.map(
    (m) => html`<tr class="nhsuk-table__row">
    <th scope="row" class="nhsuk-table__header"><a href="/month/${m.period}">${monthName(m.period)}</a></th>
    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${formatCount(m.reportingPractices)}</td>
    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${shownCount(m.patients)}</td>
    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${shownPct(m.noPreferencePct)}</td>
  </tr>`,
  )}
  </tbody>
</table>`;
  return layout(
    frame,
    'Monthly reports',
    html`<h1>Monthly reports</h1>
<p class="nhsuk-lede-text">Patients without a recorded communication preference, by month, across ${frame.icbName}.</p>
${body}
<h2>Every month in one file</h2>
<p>Each month's practice metrics, one row per practice and month, with the same columns as the monthly CSV: load it
into Power BI instead of appending a file each month. It is rebuilt every time the report runs.</p>
<p><a href="/history/${HISTORY_FILE_NAME}" download>Download the practice metrics history (CSV): ${HISTORY_FILE_NAME}</a></p>`,
  );
}
