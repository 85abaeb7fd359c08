import { MIN_PRACTICES_FOR_DECILES } from '../../core/metrics/decile';
import { formatCount } from './email-number-format';

/** Deciles 1 and 2 (the fifth of practices with the fewest gaps) are told so and thanked. */
export const LEADING_DECILES = 2;

export function isLeadingPractice(decile: number | undefined): boolean {
  return decile !== undefined && decile <= LEADING_DECILES;
}

/**
 * The "Your position in the ICB" value: the decile when there is one; when fewer practices reported
 * than deciles need (SPEC §3), why none is shown instead of a decile that would mislead.
 */
export function positionValue(decile: number | undefined, reportingPractices: number): string | undefined {
  const among = `${formatCount(reportingPractices)} reporting ${reportingPractices === 1 ? 'practice' : 'practices'}`;
  if (decile !== undefined) return `decile ${decile} of 10 (1 = fewest gaps), among ${among}`;
  if (reportingPractices < MIN_PRACTICES_FOR_DECILES) return decilesNotShown(reportingPractices);
  return undefined;
}

function decilesNotShown(reportingPractices: number): string {
  const only = `only ${formatCount(reportingPractices)} ${reportingPractices === 1 ? 'practice' : 'practices'} reported`;
  return `not shown this month: ${only}, and a decile needs at least ${MIN_PRACTICES_FOR_DECILES} to compare fairly`;
}

/** The sentence that thanks a practice in deciles 1–2; undefined for every other practice. */
export function thanksNote(decile: number | undefined, icbName: string): string | undefined {
  if (!isLeadingPractice(decile)) return undefined;
  return (
    `Thank you: your practice is in decile ${decile} of 10 in ${icbName}, among the fifth of practices with the ` +
    "fewest patients without a recorded preference. The work your team has put in shows, so this month's to-do " +
    'list is short.'
  );
}
