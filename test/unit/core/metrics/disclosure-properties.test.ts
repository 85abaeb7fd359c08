import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivableSuppressedCounts } from '../../../../lambdas/core/metrics/derivable-suppressed-counts';
import { suppressSmallNumbers } from '../../../../lambdas/core/metrics/suppress-small-numbers';
import { type PracticeMetrics, TIDY_COLUMNS, type TidyColumn } from '../../../../lambdas/core/report/tidy-columns';

const CATEGORIES = [
  'pref_sms',
  'pref_email',
  'pref_letter',
  'pref_telephone',
  'pref_nhs_app',
  'pref_other',
  'declined',
  'no_preference',
  'unrecognised',
] as const;
const TOTALS = new Set(['registered', 'rows_read']);
type Published = number | string | undefined;

/**
 * The reader's side, written here independently of the code under test: each published count as an interval
 * (r → r−2…r+2, 0 → 0, `*` → 1–7, or any positive number in a total, which secondary suppression may hide), then
 * narrowed over registered = Σ categories and rows_read = registered + rows_rejected + duplicate_rows until nothing
 * changes.
 */
function feasibleIntervals(shown: Readonly<Record<string, Published>>): Map<string, [number, number]> {
  const relations: [string, string[]][] = [
    ['registered', [...CATEGORIES]],
    ['rows_read', ['registered', 'rows_rejected', 'duplicate_rows']],
  ];
  const box = new Map<string, [number, number]>();
  for (const [total, parts] of relations) {
    for (const name of [total, ...parts]) {
      const value = shown[name];
      if (value === 0) box.set(name, [0, 0]);
      else if (typeof value === 'number') box.set(name, [value - 2, value + 2]);
      else box.set(name, [1, TOTALS.has(name) ? Number.POSITIVE_INFINITY : 7]);
    }
  }
  const lo = (name: string) => (box.get(name) as [number, number])[0];
  const hi = (name: string) => (box.get(name) as [number, number])[1];
  for (let pass = 0; pass < 200; pass++) {
    let moved = false;
    for (const [total, parts] of relations) {
      // Every term as ±variable: total − Σ parts = 0, so each term lies within minus the others' range.
      const terms: [string, number][] = [[total, 1], ...parts.map((p): [string, number] => [p, -1])];
      for (const [name, sign] of terms) {
        let othersLow = 0;
        let othersHigh = 0;
        for (const [other, otherSign] of terms) {
          if (other === name) continue;
          othersLow += otherSign > 0 ? lo(other) : -hi(other);
          othersHigh += otherSign > 0 ? hi(other) : -lo(other);
        }
        // sign·x = −(others) ⇒ x within [−othersHigh, −othersLow]·sign.
        const low = sign > 0 ? -othersHigh : othersLow;
        const high = sign > 0 ? -othersLow : othersHigh;
        const next: [number, number] = [Math.max(lo(name), low), Math.min(hi(name), high)];
        if (next[0] !== lo(name) || next[1] !== hi(name)) {
          box.set(name, next);
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return box;
}

/** A small count, biased to the edges of the rounding bands and the 1–7 band, where disclosure happens. */
const count = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 7 }),
  fc.constantFrom(1, 7, 8, 12, 13, 17, 18, 22),
  fc.integer({ min: 8, max: 60 }),
);

const practice = fc
  .record({
    categories: fc.array(count, { minLength: CATEGORIES.length, maxLength: CATEGORIES.length }),
    rowsRejected: count,
    duplicateRows: count,
  })
  .filter(({ categories }) => categories.some((c) => c > 0));

function metrics(categories: number[], rowsRejected: number, duplicateRows: number): PracticeMetrics {
  const row = Object.fromEntries(TIDY_COLUMNS.map((c) => [c.column, undefined])) as unknown as PracticeMetrics;
  const registered = categories.reduce((a, b) => a + b, 0);
  CATEGORIES.forEach((column, i) => {
    row[column] = categories[i] as number;
  });
  const noPreference = row.no_preference as number;
  return {
    ...row,
    period: '2026-10',
    practice_code: 'A81001',
    extract_date: '2026-10-31',
    registered,
    no_preference_pct: (100 * noPreference) / registered,
    no_preference_ci_low: 0,
    no_preference_ci_high: 100,
    rows_read: registered + rowsRejected + duplicateRows,
    rows_rejected: rowsRejected,
    duplicate_rows: duplicateRows,
  };
}

describe('disclosure control (SPEC §3)', () => {
  it('leaves every suppressed count of a practice more than one possible value, given its published counts', () => {
    fc.assert(
      fc.property(practice, ({ categories, rowsRejected, duplicateRows }) => {
        const exact = metrics(categories, rowsRejected, duplicateRows);
        const shown = suppressSmallNumbers(exact);
        const intervals = feasibleIntervals(shown);
        for (const [name, [low, high]] of intervals) {
          const truth = exact[name as TidyColumn] as number;
          // The reader's reasoning is sound: the true count is always inside what they can work out...
          expect(truth).toBeGreaterThanOrEqual(low);
          expect(truth).toBeLessThanOrEqual(high);
          // ...and a suppressed one is never pinned to it.
          if (shown[name as TidyColumn] === '*') expect(high, name).toBeGreaterThan(low);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the suppressed counts that rounding alone would give away (hand-worked)', () => {
    // registered 28 → 30 (at least 28); four * (at most 7 each) must make up at least 28: each is exactly 7.
    const atTheTop = {
      registered: 30,
      pref_sms: '*',
      pref_email: '*',
      pref_letter: '*',
      pref_telephone: '*',
      pref_nhs_app: 0,
      pref_other: 0,
      declined: 0,
      no_preference: 0,
      unrecognised: 0,
      rows_read: 30,
      rows_rejected: 0,
      duplicate_rows: 0,
    };
    expect(derivableSuppressedCounts(atTheTop)).toEqual(['pref_sms', 'pref_email', 'pref_letter', 'pref_telephone']);
    // registered 29 → 30 as well, but with one patient in no_preference (*): nothing is pinned.
    expect(derivableSuppressedCounts({ ...atTheTop, no_preference: '*' })).toEqual([]);
    // rows_read 22 → 20 (at most 22), registered 13 → 15 (at least 13), duplicates 8 → 10 (at least 8): the one
    // rejected row is at most 22 − 13 − 8 = 1.
    expect(
      derivableSuppressedCounts({
        ...atTheTop,
        registered: 15,
        pref_sms: 15,
        pref_email: 0,
        pref_letter: 0,
        pref_telephone: 0,
        rows_read: 20,
        rows_rejected: '*',
        duplicate_rows: 10,
      }),
    ).toEqual(['rows_rejected']);
  });
});
