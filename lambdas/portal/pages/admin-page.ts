import type { DirectoryRejection } from '../../core/directory/parse-directory';
import { html, type SafeHtml } from '../safe-html';
import { formTokenField, layout, type PageFrame } from './layout';

/** What the last admin action said, shown above the forms. */
export type AdminNotice =
  | { kind: 'directory'; upserted: number; rejected: DirectoryRejection[] }
  | { kind: 'message'; text: string; error?: boolean };

function noticeBlock(notice: AdminNotice | undefined): SafeHtml | undefined {
  if (!notice) return undefined;
  if (notice.kind === 'message') {
    return notice.error
      ? html`<div class="nhsuk-error-summary" aria-labelledby="notice-title" role="alert" tabindex="-1">
  <h2 class="nhsuk-error-summary__title" id="notice-title">There is a problem</h2>
  <div class="nhsuk-error-summary__body"><p>${notice.text}</p></div></div>`
      : html`<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span><p>${notice.text}</p></div>`;
  }
  const added = html`<p>${notice.upserted} ${notice.upserted === 1 ? 'practice' : 'practices'} added or updated.</p>`;
  if (notice.rejected.length === 0) return html`<div class="nhsuk-inset-text">${added}</div>`;
  return html`<div class="nhsuk-error-summary" aria-labelledby="notice-title" role="alert" tabindex="-1">
  <h2 class="nhsuk-error-summary__title" id="notice-title">${notice.rejected.length} line(s) were rejected</h2>
  <div class="nhsuk-error-summary__body">${added}<p>Correct these lines and upload the file again:</p>
  <table class="nhsuk-table"><caption class="nhsuk-table__caption">Rejected lines</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">Line</th>
  <th scope="col" class="nhsuk-table__header">Field</th><th scope="col" class="nhsuk-table__header">Problem</th></tr></thead>
  <tbody class="nhsuk-table__body">${notice.rejected.map(
    (
      r,
    ) => html`<tr class="nhsuk-table__row"><td class="nhsuk-table__cell">${r.line}</td><td class="nhsuk-table__cell">${r.field}</td>
    <td class="nhsuk-table__cell">${r.message}</td></tr>`,
  )}</tbody></table></div></div>`;
}

/** The admin's page: upload the directory, invite a practice user, resend an email. */
export function adminPage(
  frame: PageFrame,
  options: { practices: number; canInvite: boolean; notice?: AdminNotice },
): string {
  return layout(
    frame,
    'Administration',
    html`<h1>Administration</h1>
${noticeBlock(options.notice)}
<h2>Practice directory</h2>
<p>The directory holds ${options.practices} ${options.practices === 1 ? 'practice' : 'practices'}. Upload a CSV with the columns
<code>practice_code,practice_name,pcn,clinical_system,email</code> to add practices or update them.</p>
<form method="post" action="/admin/directory" enctype="multipart/form-data" novalidate>
  ${formTokenField(frame)}
  <div class="nhsuk-form-group">
    <label class="nhsuk-label" for="directory-file">Practice directory CSV</label>
    <input class="nhsuk-file-upload" id="directory-file" name="directory" type="file" accept=".csv,text/csv">
  </div>
  <button class="nhsuk-button" type="submit">Upload directory</button>
</form>
<h2>Invite a practice user</h2>
${
  options.canInvite
    ? html`<form method="post" action="/admin/invite" novalidate>
  ${formTokenField(frame)}
  <div class="nhsuk-form-group">
    <label class="nhsuk-label" for="invite-email">Email address</label>
    <input class="nhsuk-input" id="invite-email" name="email" type="email" autocomplete="off" spellcheck="false">
  </div>
  <div class="nhsuk-form-group">
    <label class="nhsuk-label" for="invite-practices">Practice codes (ODS)</label>
    <div class="nhsuk-hint" id="invite-practices-hint">One or more, separated by commas, for example D83001, D83002</div>
    <input class="nhsuk-input" id="invite-practices" name="practices" type="text" aria-describedby="invite-practices-hint">
  </div>
  <button class="nhsuk-button" type="submit">Send invitation</button>
</form>`
    : html`<p>Invitations need the deployed portal: there, the user pool emails the new user a temporary password.
Locally, preview a practice’s view with <code>npm start -- serve --as practice:&lt;ODS&gt;</code>.</p>`
}
<h2>Resend a practice’s email</h2>
<form method="post" action="/admin/resend" novalidate>
  ${formTokenField(frame)}
  <div class="nhsuk-form-group">
    <label class="nhsuk-label" for="resend-practice">Practice code (ODS)</label>
    <input class="nhsuk-input nhsuk-input--width-10" id="resend-practice" name="practice" type="text">
  </div>
  <div class="nhsuk-form-group">
    <label class="nhsuk-label" for="resend-period">Month</label>
    <div class="nhsuk-hint" id="resend-period-hint">For example 2026-10</div>
    <input class="nhsuk-input nhsuk-input--width-10" id="resend-period" name="period" type="text" aria-describedby="resend-period-hint">
  </div>
  <button class="nhsuk-button nhsuk-button--secondary" type="submit">Resend email</button>
</form>
<p><a href="/admin/audit">Audit log of gap-list downloads</a></p>`,
  );
}
