import type { TidyColumn } from '../report/tidy-columns';

/** A count as published in a shareable copy: a rounded number, `*`, or blank. */
export type PublishedCount = number | string | undefined;

/** The preference categories: every registered patient is in exactly one, so they add up to `registered`. */
export const CATEGORY_COLUMNS = [
  'pref_sms',
  'pref_email',
  'pref_letter',
  'pref_telephone',
  'pref_nhs_app',
  'pref_other',
  'declined',
  'no_preference',
  'unrecognised',
] as const satisfies readonly TidyColumn[];

/** The two totals a reader can subtract from; a `*` there may hide a large total (secondary suppression). */
export const TOTAL_COLUMNS = ['registered', 'rows_read'] as const satisfies readonly TidyColumn[];

/** `sum = Σ parts`, the relations SPEC §2.4 and §3 publish (registered = Σ categories; rows_read = registered + …). */
const EQUATIONS: readonly { sum: TidyColumn; parts: readonly TidyColumn[] }[] = [
  { sum: 'registered', parts: CATEGORY_COLUMNS },
  { sum: 'rows_read', parts: ['registered', 'rows_rejected', 'duplicate_rows'] },
];

type Interval = [low: number, high: number];

/**
 * What a reader knows of a count from its published form: a number r rounded to the nearest 5 is r−2…r+2 (0 is
 * exactly 0); `*` is 1–7, except in a total, where it may hide any positive number.
 */
function knownInterval(column: TidyColumn, value: PublishedCount): Interval {
  if (value === 0) return [0, 0];
  if (typeof value === 'number') return [Math.max(0, value - 2), value + 2];
  if ((TOTAL_COLUMNS as readonly string[]).includes(column)) return [1, Number.POSITIVE_INFINITY];
  return [1, 7];
}

/**
 * The suppressed (`*`) counts of a published row that a reader could pin to a single value by interval
 * propagation over the two published relations (each count's interval narrowed by the others' until nothing
 * changes). Empty when every suppressed count could still be more than one value.
 */
export function derivableSuppressedCounts(
  published: Readonly<Partial<Record<TidyColumn, PublishedCount>>>,
): TidyColumn[] {
  const known = new Map<TidyColumn, Interval>();
  for (const { sum, parts } of EQUATIONS) {
    for (const column of [sum, ...parts]) {
      if (published[column] === undefined) return [];
      known.set(column, knownInterval(column, published[column]));
    }
  }
  const get = (column: TidyColumn) => known.get(column) as Interval;
  const othersTotal = (parts: readonly TidyColumn[], except: TidyColumn, end: 0 | 1) =>
    parts.reduce((total, part) => (part === except ? total : total + get(part)[end]), 0);
  // Each pass only narrows intervals of whole numbers, so it settles; the cap is a guard, never reached in tests.
  for (let changed = true, pass = 0; changed && pass < 100; pass++) {
    changed = false;
    const narrow = (column: TidyColumn, low: number, high: number) => {
      const [oldLow, oldHigh] = get(column);
      const next: Interval = [Math.max(oldLow, low), Math.min(oldHigh, high)];
      if (next[0] !== oldLow || next[1] !== oldHigh) {
        known.set(column, next);
        changed = true;
      }
    };
    for (const { sum, parts } of EQUATIONS) {
      narrow(sum, othersTotal(parts, sum, 0), othersTotal(parts, sum, 1));
      for (const part of parts) {
        const [sumLow, sumHigh] = get(sum);
        narrow(part, sumLow - othersTotal(parts, part, 1), sumHigh - othersTotal(parts, part, 0));
      }
    }
    // An empty interval means the published row is inconsistent with the relations: not ours to reason about.
    for (const [low, high] of known.values()) if (low > high) return [];
  }
  return [...known].filter(([column, [low, high]]) => published[column] === '*' && low === high).map(([c]) => c);
}
