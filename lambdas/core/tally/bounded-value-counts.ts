import type { SeenNames } from '../privacy/seen-names';
import { withheldShape } from '../privacy/withheld-shape';
import { WITHHELD_VALUES } from '../values/withhold-personal-value';

/** Distinct values remembered per practice: a free-text column cannot grow memory (or the snapshot) past this. */
export const MAX_TRACKED_VALUES = 5000;
/** A longer value is no code or category anyone typed on purpose: counted, never kept. */
export const MAX_VALUE_LENGTH = 200;
/** Values listed in the snapshot (and so in Data quality); the rest are one "n more" line. */
export const TOP_VALUES = 50;

/**
 * Counts the distinct values of a column the report does not understand (unrecognised preference values,
 * unknown register codes) within fixed bounds (issue 13): at most MAX_TRACKED_VALUES distinct values of at
 * most MAX_VALUE_LENGTH characters are kept. `screened` then gives what may be stored: the TOP_VALUES most
 * frequent values that cannot be personal data, a placeholder per personal shape (a date, a patient's name…)
 * for the rest, and one `(n more values, not listed)` entry, each with its row count.
 */
export class BoundedValueCounts {
  private readonly counts = new Map<string, number>();
  /** Rows whose value was not kept (too long, or past MAX_TRACKED_VALUES distinct values). */
  private untrackedRows = 0;

  add(value: string): void {
    const count = this.counts.get(value);
    if (count !== undefined) this.counts.set(value, count + 1);
    else if (value.length > MAX_VALUE_LENGTH || this.counts.size >= MAX_TRACKED_VALUES) this.untrackedRows++;
    else this.counts.set(value, 1);
  }

  /**
   * The values as they may be stored and shown. Pass the names of the whole export, after its last row: a
   * value equal to a patient's name is withheld like a date or an NHS number (SPEC §8).
   */
  screened(names?: SeenNames): Record<string, number> {
    const result: Record<string, number> = {};
    const quotable: [string, number][] = [];
    for (const [value, count] of this.counts) {
      const shape = withheldShape(value, names);
      if (shape === undefined) quotable.push([value, count]);
      else result[WITHHELD_VALUES[shape]] = (result[WITHHELD_VALUES[shape]] ?? 0) + count;
    }
    quotable.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [value, count] of quotable.slice(0, TOP_VALUES)) result[value] = count;
    const more = quotable.slice(TOP_VALUES);
    const moreRows = more.reduce((sum, [, count]) => sum + count, 0) + this.untrackedRows;
    if (moreRows > 0) {
      const distinct = `${more.length}${this.untrackedRows > 0 ? '+' : ''}`;
      result[`(${distinct} more value${distinct === '1' ? '' : 's'}, not listed)`] = moreRows;
    }
    return result;
  }
}
