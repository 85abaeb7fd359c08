import { monthName } from '../../core/period';

const WHITESPACE_RUN = /\s+/g;

/**
 * `Alpha Surgery: patient communication preferences, October 2026` (SPEC §4.4). Line breaks and
 * runs of spaces in the directory's practice name are collapsed so that it stays one header line.
 */
export function practiceEmailSubject(practiceName: string, period: string): string {
  return `${practiceName.replace(WHITESPACE_RUN, ' ').trim()}: patient communication preferences, ${monthName(period)}`;
}
