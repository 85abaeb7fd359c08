import type { GapListPatient } from './gap-list';

// Case- and accent-insensitive en-GB comparison: "Zoë" sorts with "Zoe", "o'brien" with "O'Brien".
const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });

type Sortable = Pick<GapListPatient, 'surname' | 'forename' | 'nhsNumber'> & { tier?: number };

/** SPEC §4.2: tier, then surname, then forename, then NHS number. */
export function compareGapListPatients(a: Sortable, b: Sortable): number {
  return (
    (a.tier ?? 0) - (b.tier ?? 0) ||
    compareNames(a.surname, b.surname) ||
    compareNames(a.forename, b.forename) ||
    (a.nhsNumber < b.nhsNumber ? -1 : a.nhsNumber > b.nhsNumber ? 1 : 0)
  );
}

/**
 * The collator's order. Names made of the letters A-Z alone (most of them) are compared here, letter by
 * letter ignoring case, which is the collator's order for such names and ~10 times quicker: sorting an
 * ICB's gap lists makes millions of comparisons. Anything else (accents, apostrophes, spaces) goes to it.
 */
function compareNames(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = asciiLetter(a.charCodeAt(i));
    const y = asciiLetter(b.charCodeAt(i));
    if (x < 0 || y < 0) return collator.compare(a, b);
    if (x !== y) return x - y;
  }
  for (let i = length; i < a.length; i++) if (asciiLetter(a.charCodeAt(i)) < 0) return collator.compare(a, b);
  for (let i = length; i < b.length; i++) if (asciiLetter(b.charCodeAt(i)) < 0) return collator.compare(a, b);
  return a.length - b.length;
}

/** 0-25 for A-Z or a-z, -1 for anything else. */
function asciiLetter(code: number): number {
  const folded = code | 0x20;
  return folded >= 0x61 && folded <= 0x7a ? folded - 0x61 : -1;
}
