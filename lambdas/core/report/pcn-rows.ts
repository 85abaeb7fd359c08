import type { DirectoryEntry } from '../directory/directory-entry';
import { addCounts, emptyCounts, type PracticeCounts } from '../metrics/practice-counts';
import type { PracticeSnapshot } from '../snapshot';
import type { SmsCostAssumptions } from './period-report';
import { practiceRow } from './practice-row';
import type { PracticeMetrics } from './tidy-columns';

/** The group of practices whose directory entry names no PCN, and of practices not in the directory. */
export const NO_PCN = 'No PCN recorded';

/** One Primary Care Network's figures for a period: its reporting practices' counts, summed. */
export interface PcnRow {
  pcn: string;
  /** Its practices with an export this period. */
  practicesReporting: number;
  /** Its practices in the directory (for No PCN, plus those reporting that are not in the directory). */
  practices: number;
  /**
   * The tidy measures of the summed counts, with the same definitions as a practice's (the % and Wilson
   * interval from the summed numerator and denominator); `practice_code` and `pcn` hold the PCN name.
   * Only the identity columns are filled when no practice of the PCN reported.
   */
  metrics: PracticeMetrics;
}

/**
 * Every PCN of the directory with the counts of its reporting practices summed, worst (highest % no
 * preference) first, PCNs where nobody reported after them, and No PCN recorded last.
 */
export function pcnRows(
  period: string,
  snapshots: readonly PracticeSnapshot[],
  directory: readonly DirectoryEntry[],
  assumptions: SmsCostAssumptions,
): PcnRow[] {
  const pcnOf = new Map(directory.map((entry) => [entry.practiceCode, entry.pcn?.trim() || NO_PCN]));
  const groups = new Map<string, { practices: Set<string>; reporting: number; counts: PracticeCounts }>();
  const group = (pcn: string) => {
    let found = groups.get(pcn);
    if (found === undefined) {
      found = { practices: new Set(), reporting: 0, counts: emptyCounts() };
      groups.set(pcn, found);
    }
    return found;
  };
  for (const [practiceCode, pcn] of pcnOf) group(pcn).practices.add(practiceCode);
  for (const s of snapshots) {
    const g = group(pcnOf.get(s.practiceCode) ?? NO_PCN);
    g.practices.add(s.practiceCode);
    g.reporting += 1;
    addCounts(g.counts, s.counts);
  }
  const rows = [...groups].map(
    ([pcn, g]): PcnRow => ({
      pcn,
      practicesReporting: g.reporting,
      practices: g.practices.size,
      metrics: practiceRow({ period, practiceCode: pcn, pcn }, g.reporting > 0 ? g.counts : undefined, assumptions),
    }),
  );
  return rows.sort(worstFirst);
}

function worstFirst(a: PcnRow, b: PcnRow): number {
  if ((a.pcn === NO_PCN) !== (b.pcn === NO_PCN)) return a.pcn === NO_PCN ? 1 : -1;
  const pa = a.metrics.no_preference_pct;
  const pb = b.metrics.no_preference_pct;
  if (pa !== pb) {
    if (pa === undefined) return 1;
    if (pb === undefined) return -1;
    return pb - pa;
  }
  return a.pcn.localeCompare(b.pcn, 'en-GB');
}
