import type { PracticeMetrics } from '../../core/report/tidy-columns';

/**
 * Practices worst first: highest % no preference first, unusable practices (SPEC §3, compared with nothing)
 * after them, practices without a value (no export) last, ties by practice code so the order is stable from
 * month to month. Returns a new array.
 */
export function worstFirst<
  T extends Pick<PracticeMetrics, 'no_preference_pct' | 'practice_code'> & Pick<Partial<PracticeMetrics>, 'status'>,
>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    const ua = a.status === 'unusable';
    const ub = b.status === 'unusable';
    if (ua !== ub && a.no_preference_pct !== undefined && b.no_preference_pct !== undefined) return ua ? 1 : -1;
    const pa = a.no_preference_pct;
    const pb = b.no_preference_pct;
    if (pa === undefined || pb === undefined) {
      if (pa !== pb) return pa === undefined ? 1 : -1;
    } else if (pa !== pb) return pb - pa;
    return a.practice_code < b.practice_code ? -1 : a.practice_code > b.practice_code ? 1 : 0;
  });
}
