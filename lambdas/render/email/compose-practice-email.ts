import type { DirectoryEntry } from '../../core/directory/directory-entry';
import { monthName } from '../../core/period';
import type { PracticeMetrics } from '../../core/report/tidy-columns';
import { escapeXml } from '../escape-xml';
import { type HeadlineRow, headlineNumbers } from './headline-numbers';
import { longDate } from './long-date';
import { nextSteps } from './next-steps';
import { practiceEmailSubject } from './practice-email-subject';

export interface PracticeEmailInput {
  practice: DirectoryEntry;
  /** The practice's row of the period report (aggregates only). */
  metrics: PracticeMetrics;
  icbName: string;
  medianNoPreferencePct?: number;
  reportingPractices: number;
  /** `YYYY-MM`. */
  period: string;
  /** The practice's page in the report portal (https, or http://127.0.0.1 locally): no secret, no expiry. */
  portalLink: string;
  /** The named person at the ICB practices can reply to (from configuration). */
  contact: { name?: string; email?: string };
  /** Whether the gap list is attached as well (allow-listed recipient domains only). */
  attach: boolean;
}

export interface PracticeEmail {
  subject: string;
  text: string;
  html: string;
}

const LINK_SCHEMES = ['https:', 'http:'];
const WHITESPACE_RUN = /\s+/g;

const MARKING = 'The gap list is OFFICIAL-SENSITIVE.';
const HANDLING =
  'It contains patient data: keep it on NHS systems, share it only with staff who need it, do not forward ' +
  'the link outside the practice, and delete the file when the work is done.';

const HOW_TO_RECORD =
  'Ask each patient how they would like to be contacted; do not assume. In SystmOne, record it in the ' +
  'patient\'s details under Communication preferences (it may be labelled "Preferred method of contact"). ' +
  'In EMIS Web, edit the registration details and find Communication preferences in the Contact section. ' +
  'While you are there, check the mobile number, the email address and the SMS consent. The Summary sheet of ' +
  'your gap list has step-by-step instructions.';

/**
 * The monthly email to one practice (SPEC §4.4): its headline numbers and place in the ICB, a
 * plain-English next step, and a time-limited link to its gap list. Plain text and an accessible
 * HTML part say the same thing. The inputs hold aggregates only, so no patient data can reach the
 * message; every value interpolated into the HTML is escaped.
 */
export function composePracticeEmail(input: PracticeEmailInput): PracticeEmail {
  assertSafeLink(input.portalLink);
  const subject = practiceEmailSubject(input.practice.practiceName, input.period);
  const content = emailContent(input);
  return { subject, text: plainText(content), html: html(subject, content) };
}

/** What both parts say, worked out once. */
interface EmailContent {
  heading: string;
  greeting: string;
  intro: string;
  numbersCaption: string;
  numbers: HeadlineRow[];
  steps: string[];
  linkText: string;
  link: string;
  linkExpiry: string;
  attached?: string;
  footer: string;
}

function emailContent(input: PracticeEmailInput): EmailContent {
  const { practice, metrics, period, icbName } = input;
  const month = monthName(period);
  const name = practice.practiceName.replace(WHITESPACE_RUN, ' ').trim();
  const system = metrics.clinical_system && metrics.clinical_system !== 'Unknown' ? `${metrics.clinical_system} ` : '';
  const extract = metrics.extract_date ? ` of ${longDate(metrics.extract_date)}` : '';
  return {
    heading: `${name} (${practice.practiceCode}): patient communication preferences, ${month}`,
    greeting: `Dear ${name} team,`,
    intro:
      `Here are your practice's numbers for ${month} from ${icbName}, taken from your ${system}export${extract}. ` +
      'Patients with no recorded preferred method of communication are sent SMS by default, which costs money ' +
      'and may not reach them in a form they can use.',
    numbersCaption: `${name} (${practice.practiceCode}), ${month}`,
    numbers: headlineNumbers(input),
    steps: nextSteps(metrics),
    linkText: `Open ${name}'s page for ${month} in the report portal to download the gap list`,
    link: input.portalLink,
    linkExpiry: 'Sign in with your report portal account. The link does not expire while the gap list is kept.',
    attached: input.attach
      ? 'The same workbook is also attached: your email domain is approved by the ICB for patient data.'
      : undefined,
    footer: `This email holds no patient data. ${icbName} sends one to each practice once a month.`,
  };
}

function plainText(c: EmailContent): string {
  const lines = [
    c.heading,
    '',
    c.greeting,
    '',
    c.intro,
    '',
    'YOUR NUMBERS',
    ...c.numbers.map((row) => `- ${row.label}: ${row.value}`),
    '',
    'WHAT TO DO NEXT',
    ...c.steps.map((step, i) => `${i + 1}. ${step}`),
    '',
    'YOUR GAP LIST',
    `${c.linkText}:`,
    c.link,
    c.linkExpiry,
    ...(c.attached ? [c.attached] : []),
    '',
    `${MARKING} ${HANDLING}`,
    '',
    'HOW TO RECORD A PREFERENCE',
    HOW_TO_RECORD,
    '',
    '--',
    c.footer,
  ];
  return `${lines.join('\n')}\n`;
}

// NHS identity colours: text #212b32 on white is 15:1, links #005eb8 are 6:1, the muted #4c6272 is 6:1.
const S = {
  body: 'margin:0;padding:0;background-color:#f0f4f5;',
  wrapper:
    'max-width:40em;margin:0 auto;padding:1.5em 1em;background-color:#ffffff;color:#212b32;' +
    'font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;',
  h1: 'font-size:1.5em;line-height:1.25;margin:0 0 1em 0;color:#212b32;',
  h2: 'font-size:1.2em;line-height:1.3;margin:1.5em 0 0.5em 0;color:#212b32;',
  p: 'margin:0 0 1em 0;',
  table: 'border-collapse:collapse;width:100%;margin:0 0 1em 0;',
  caption: 'text-align:left;font-weight:bold;padding:0 0 0.5em 0;',
  thCol: 'text-align:left;padding:0.5em;border-bottom:2px solid #212b32;',
  thRow: 'text-align:left;font-weight:normal;padding:0.5em;border-bottom:1px solid #d8dde0;vertical-align:top;',
  td: 'text-align:left;font-weight:bold;padding:0.5em;border-bottom:1px solid #d8dde0;vertical-align:top;',
  li: 'margin:0 0 0.5em 0;',
  link: 'color:#005eb8;text-decoration:underline;font-weight:bold;',
  warning: 'margin:0 0 1em 0;padding:0.75em 1em;border-left:0.5em solid #d5281b;background-color:#ffffff;',
  footer: 'margin:2em 0 0 0;padding:1em 0 0 0;border-top:1px solid #d8dde0;color:#4c6272;font-size:0.875em;',
} as const;

function html(subject: string, c: EmailContent): string {
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
<p style="${S.p}">${e(c.intro)}</p>
<h2 style="${S.h2}">Your numbers</h2>
<table style="${S.table}">
<caption style="${S.caption}">${e(c.numbersCaption)}</caption>
<thead><tr><th scope="col" style="${S.thCol}">Measure</th><th scope="col" style="${S.thCol}">Your practice</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2 style="${S.h2}">What to do next</h2>
<ol style="margin:0 0 1em 0;padding:0 0 0 1.5em;">
${steps}
</ol>
<h2 style="${S.h2}">Your gap list</h2>
<p style="${S.p}"><a href="${e(c.link)}" style="${S.link}">${e(c.linkText)}</a></p>
<p style="${S.p}">${e(c.linkExpiry)}${c.attached ? ` ${e(c.attached)}` : ''}</p>
<p style="${S.warning}"><strong>${e(MARKING)}</strong> ${e(HANDLING)}</p>
<h2 style="${S.h2}">How to record a preference</h2>
<p style="${S.p}">${e(HOW_TO_RECORD)}</p>
<p style="${S.footer}">${e(c.footer)}</p>
</div>
</body>
</html>
`;
}

/** Only web links: a link we did not make (e.g. `javascript:`) must never reach a practice. */
function assertSafeLink(link: string): void {
  let scheme: string;
  try {
    scheme = new URL(link).protocol;
  } catch {
    throw new Error('The portal link is not a URL; expected an https:// (or, locally, http://127.0.0.1) link.');
  }
  if (!LINK_SCHEMES.includes(scheme)) {
    throw new Error(`The portal link uses "${scheme}"; expected an https:// (or, locally, http://127.0.0.1) link.`);
  }
}
