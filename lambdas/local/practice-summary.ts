import type { PracticeOutcome } from '../pipeline/ingest-delimited';

/** Up to this many practices are listed one by one; more (an ICB-wide export) are summed up. */
export const LISTED_UP_TO = 5;

const number = new Intl.NumberFormat('en-GB');

/**
 * What one file gave, for its progress line: each practice with its period and patients when there are
 * a few, else "150 practices, 1,000,000 patients (2026-10)" so an ICB-wide export stays one short line.
 */
export function practiceSummary(practices: readonly PracticeOutcome[]): string {
  if (practices.length <= LISTED_UP_TO) {
    return practices
      .map(
        (p) =>
          `${p.practiceCode} ${p.period} (${number.format(p.registered)} patients)${p.snapshot === 'superseded' ? ' older extract, not used' : ''}`,
      )
      .join(', ');
  }
  const used = practices.filter((p) => p.snapshot === 'written');
  const codes = new Set(used.map((p) => p.practiceCode));
  const patients = used.reduce((sum, p) => sum + p.registered, 0);
  const periods = [...new Set(used.map((p) => p.period))].sort().join(', ');
  const older = practices.length - used.length;
  const notUsed = older === 0 ? '' : `; ${older} older extract${older === 1 ? '' : 's'}, not used`;
  return `${number.format(codes.size)} practices, ${number.format(patients)} patients (${periods})${notUsed}`;
}
