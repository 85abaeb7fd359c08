import { escapeXml } from '../escape-xml';
import { type EmailContent, HANDLING, HOW_TO_RECORD, MARKING } from './email-content';

// NHS identity colours: text #212b32 on white is 15:1, links #005eb8 are 6:1, the muted #4c6272 is 6:1,
// white on the button green #007f3b is 5:1.
const S = {
  body: 'margin:0;padding:0;background-color:#f0f4f5;',
  wrapper:
    'max-width:40em;margin:0 auto;padding:1.5em 1em;background-color:#ffffff;color:#212b32;' +
    'font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;',
  h1: 'font-size:1.5em;line-height:1.25;margin:0 0 1em 0;color:#212b32;',
  h2: 'font-size:1.2em;line-height:1.3;margin:1.5em 0 0.5em 0;color:#212b32;',
  p: 'margin:0 0 1em 0;',
  button:
    'display:inline-block;padding:0.6em 1.2em;background-color:#007f3b;color:#ffffff;font-weight:bold;' +
    'text-decoration:none;border-radius:4px;border-bottom:4px solid #00401e;',
  small: 'margin:0 0 1em 0;font-size:0.875em;color:#4c6272;',
  smallLink: 'color:#005eb8;text-decoration:underline;word-break:break-all;',
  thanks: 'margin:0 0 1em 0;padding:0.75em 1em;border-left:0.5em solid #007f3b;background-color:#e5f2eb;',
  table: 'border-collapse:collapse;width:100%;margin:0 0 1em 0;',
  caption: 'text-align:left;font-weight:bold;padding:0 0 0.5em 0;',
  thCol: 'text-align:left;padding:0.5em;border-bottom:2px solid #212b32;',
  thRow: 'text-align:left;font-weight:normal;padding:0.5em;border-bottom:1px solid #d8dde0;vertical-align:top;',
  td: 'text-align:left;font-weight:bold;padding:0.5em;border-bottom:1px solid #d8dde0;vertical-align:top;',
  ol: 'margin:0 0 1em 0;padding:0 0 0 1.5em;',
  li: 'margin:0 0 0.5em 0;',
  warning: 'margin:0 0 1em 0;padding:0.75em 1em;border-left:0.5em solid #d5281b;background-color:#ffffff;',
  footer: 'margin:2em 0 0 0;padding:1em 0 0 0;border-top:1px solid #d8dde0;color:#4c6272;font-size:0.875em;',
} as const;

/**
 * The HTML part: inline styles only (mail clients drop style sheets), no images or scripts, one h1,
 * a captioned table with header scopes, and every interpolated value escaped. The link is a button
 * near the top, with its address written out below for anyone who checks before clicking.
 */
export function practiceEmailHtml(subject: string, c: EmailContent): string {
  const e = escapeXml;
  const rows = c.numbers
    .map(
      (row) =>
        `<tr><th scope="row" style="${S.thRow}">${e(row.label)}</th><td style="${S.td}">${e(row.value)}</td></tr>`,
    )
    .join('\n');
  const steps = c.steps.map((step) => `<li style="${S.li}">${e(step)}</li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="${S.body}">
<div role="article" aria-label="${e(subject)}" lang="en-GB" style="${S.wrapper}">
<h1 style="${S.h1}">${e(c.heading)}</h1>
<p style="${S.p}">${e(c.greeting)}</p>
<p style="${S.p}">${e(c.lead)}</p>
<p style="${S.p}"><a href="${e(c.link)}" style="${S.button}">${e(c.linkText)}</a></p>
<p style="${S.small}">${e(c.linkNote)} Or copy this address into your browser: <a href="${e(c.link)}" style="${S.smallLink}">${e(c.link)}</a></p>
${c.thanks ? `<p style="${S.thanks}">${e(c.thanks)}</p>\n` : ''}<h2 style="${S.h2}">Your numbers</h2>
<p style="${S.p}">${e(c.why)}</p>
<table style="${S.table}">
<caption style="${S.caption}">${e(c.numbersCaption)}</caption>
<thead><tr><th scope="col" style="${S.thCol}">Measure</th><th scope="col" style="${S.thCol}">Your practice</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2 style="${S.h2}">What to do next</h2>
<ol style="${S.ol}">
${steps}
</ol>
<p style="${S.warning}"><strong>${e(MARKING)}</strong> ${e(HANDLING)}</p>
<h2 style="${S.h2}">How to record a preference</h2>
<p style="${S.p}">${e(HOW_TO_RECORD)}</p>
<h2 style="${S.h2}">Questions</h2>
<p style="${S.p}">${e(c.questions)}</p>
<p style="${S.p}">Kind regards,<br>${c.signOff.map(e).join('<br>')}</p>
<p style="${S.footer}">${e(c.footer)}</p>
</div>
</body>
</html>
`;
}
