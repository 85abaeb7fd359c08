import { monthName } from '../../core/period';
import type { GapListDownload } from '../audit-log';
import { html } from '../safe-html';
import { layout, type PageFrame } from './layout';

/** Admins: who downloaded which practice's gap list, in one calendar month. */
export function auditPage(frame: PageFrame, month: string, downloads: readonly GapListDownload[]): string {
  return layout(
    frame,
    'Audit log',
    html`<h1>Audit log of gap-list downloads</h1>
<form method="get" action="/admin/audit">
  <div class="nhsuk-form-group">
    <label class="nhsuk-label" for="audit-month">Month of the downloads</label>
    <div class="nhsuk-hint" id="audit-month-hint">For example 2026-10</div>
    <input class="nhsuk-input nhsuk-input--width-10" id="audit-month" name="month" type="text" value="${month}" aria-describedby="audit-month-hint">
  </div>
  <button class="nhsuk-button nhsuk-button--secondary" type="submit">Show</button>
</form>
${
  downloads.length === 0
    ? html`<p>No gap lists were downloaded in ${monthName(month)}.</p>`
    : html`<table class="nhsuk-table">
  <caption class="nhsuk-table__caption">Gap lists downloaded in ${monthName(month)}</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Time (UTC)</th>
    <th scope="col" class="nhsuk-table__header">User</th>
    <th scope="col" class="nhsuk-table__header">Practice</th>
    <th scope="col" class="nhsuk-table__header">Gap list month</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">${downloads.map(
    (d) => html`<tr class="nhsuk-table__row"><td class="nhsuk-table__cell">${d.at.replace('T', ' ').slice(0, 19)}</td>
    <td class="nhsuk-table__cell">${d.user}</td><td class="nhsuk-table__cell">${d.practiceCode}</td>
    <td class="nhsuk-table__cell">${monthName(d.period)}</td></tr>`,
  )}</tbody>
</table>`
}`,
  );
}
