import type { PersonalShape } from './personal-shape';
import type { SeenNames } from './seen-names';
import { withheldShape } from './withheld-shape';

/** How many distinct values were withheld, by the shape that withheld them. */
export type WithheldCounts = Record<PersonalShape, number>;

export interface ScreenedValues {
  /** Values that may be quoted, with their counts, in the order given. */
  quotable: { value: string; count: number }[];
  /** Distinct values withheld, by shape (see describeWithheld). */
  withheld: WithheldCounts;
  /** The counts of the withheld values, added up (rows, or whatever the caller counted). */
  withheldOccurrences: number;
}

export interface ScreenOptions {
  /** True for known vocabulary (a known code, header or category name): shown as it is, never checked. */
  isKnown?: (value: string) => boolean;
  /** The names seen in the same export, all of them: screen after the last row. */
  names?: SeenNames;
}

export function noneWithheld(): WithheldCounts {
  return { date: 0, name: 0, phoneOrNhsNumber: 0, email: 0, postcode: 0 };
}

/**
 * Splits distinct values read from an export (unrecognised preference values, unknown register codes,
 * headers) into those that may be quoted in shared outputs and counts of the rest by shape (SPEC §8).
 */
export function screenInputValues(
  values: Iterable<readonly [value: string, count: number]>,
  options: ScreenOptions = {},
): ScreenedValues {
  const screened: ScreenedValues = { quotable: [], withheld: noneWithheld(), withheldOccurrences: 0 };
  for (const [value, count] of values) {
    const shape = options.isKnown?.(value) ? undefined : withheldShape(value, options.names);
    if (shape === undefined) {
      screened.quotable.push({ value, count });
    } else {
      screened.withheld[shape]++;
      screened.withheldOccurrences += count;
    }
  }
  return screened;
}
