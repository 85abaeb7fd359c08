import { MIN_PRACTICES_FOR_DECILES } from '../core/metrics/decile';

/**
 * Why no practice has a decile this month (SPEC §3: blank when fewer than 10 practices report), for the
 * Summary sheets; undefined when deciles are shown.
 */
export function decilesWithheldReason(reportingPractices: number): string | undefined {
  if (reportingPractices >= MIN_PRACTICES_FOR_DECILES) return undefined;
  return (
    `Deciles are shown when at least ${MIN_PRACTICES_FOR_DECILES} practices report; ` +
    `${reportingPractices} reported this month.`
  );
}
