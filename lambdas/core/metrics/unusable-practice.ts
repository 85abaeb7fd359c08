import type { PracticeCounts } from './practice-counts';

/**
 * SPEC §3 `unusable`: more than half of the registered patients' preference values were not understood — a
 * shifted or mis-mapped column, not a real population. Its counts are shown, but it is compared with nothing.
 */
export function isUnusable(counts: Pick<PracticeCounts, 'unrecognised' | 'registered'>): boolean {
  return counts.unrecognised * 2 > counts.registered;
}
