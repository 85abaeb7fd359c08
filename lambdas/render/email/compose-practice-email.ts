import type { DirectoryEntry } from '../../core/directory/directory-entry';
import { monthName } from '../../core/period';
import type { PracticeMetrics } from '../../core/report/tidy-columns';
import type { EmailContent } from './email-content';
import { headlineNumbers } from './headline-numbers';
import { longDate } from './long-date';
import { nextSteps } from './next-steps';
import { isLeadingPractice, thanksNote } from './position-note';
import { practiceEmailHtml } from './practice-email-html';
import { practiceEmailSubject } from './practice-email-subject';
import { practiceEmailText } from './practice-email-text';

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

/**
 * The monthly email to one practice (SPEC §4.4), written to be acted on: one sentence, then the link to
 * its page in the report portal; then its place in the ICB (thanks for deciles 1–2), its headline numbers,
 * a next-steps list tailored to them (short for deciles 1–2) and a named ICB contact. Plain text and an
 * accessible HTML part say the same thing. The inputs hold aggregates only, so no patient data can reach
 * the message; every value interpolated into the HTML is escaped.
 */
export function composePracticeEmail(input: PracticeEmailInput): PracticeEmail {
  assertSafeLink(input.portalLink);
  const subject = practiceEmailSubject(input.practice.practiceName, input.period);
  const content = emailContent(input);
  return { subject, text: practiceEmailText(content), html: practiceEmailHtml(subject, content) };
}

function emailContent(input: PracticeEmailInput): EmailContent {
  const { practice, metrics, period, icbName } = input;
  const month = monthName(period);
  const name = practice.practiceName.replace(WHITESPACE_RUN, ' ').trim();
  const system = metrics.clinical_system && metrics.clinical_system !== 'Unknown' ? `${metrics.clinical_system} ` : '';
  const extract = metrics.extract_date ? ` of ${longDate(metrics.extract_date)}` : '';
  const attached = input.attach
    ? ' The gap list is also attached: your email domain is approved by the ICB for patient data.'
    : '';
  return {
    heading: `${name} (${practice.practiceCode}): patient communication preferences, ${month}`,
    greeting: `Dear colleagues at ${name},`,
    lead: `Your practice's ${month} report on patient communication preferences is ready in the ${icbName} report portal, with the gap list of patients to ask:`,
    linkText: `Open your practice page and gap list for ${month}`,
    link: input.portalLink,
    linkNote: `Sign in with your report portal account. The link does not expire while the gap list is kept.${attached}`,
    thanks: thanksNote(metrics.decile, icbName),
    why:
      'Patients with no recorded preferred method of communication are sent SMS by default, which costs money ' +
      'and may not reach them in a form they can use.',
    numbersCaption: `${name} (${practice.practiceCode}), ${month}, from your ${system}export${extract}`,
    numbers: headlineNumbers(input),
    steps: nextSteps(metrics, { leading: isLeadingPractice(metrics.decile) }),
    questions: questions(input.contact, icbName),
    signOff: [...(input.contact.name ? [input.contact.name] : []), icbName],
    footer: `This email holds no patient data. ${icbName} sends one to each practice once a month.`,
  };
}

/** Who answers questions: the configured contact by name, and that a reply reaches them. */
function questions(contact: PracticeEmailInput['contact'], icbName: string): string {
  const about = 'Questions about your numbers or the gap list, or no report portal account yet?';
  if (contact.email) {
    const who = contact.name ? `${contact.name} at ${icbName}` : `the team at ${icbName}`;
    return `${about} Reply to this email: it goes to ${who} (${contact.email}).`;
  }
  return `${about} Contact ${contact.name ? `${contact.name} at ${icbName}` : `the primary care team at ${icbName}`}.`;
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
