import type { GapListPatient } from './gap-list';

// Case- and accent-insensitive en-GB comparison: "Zoë" sorts with "Zoe", "o'brien" with "O'Brien".
const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });

type Sortable = Pick<GapListPatient, 'surname' | 'forename' | 'nhsNumber'> & { tier?: number };

/** SPEC §4.2: tier, then surname, then forename, then NHS number. */
export function compareGapListPatients(a: Sortable, b: Sortable): number {
  return (
    (a.tier ?? 0) - (b.tier ?? 0) ||
    collator.compare(a.surname, b.surname) ||
    collator.compare(a.forename, b.forename) ||
    (a.nhsNumber < b.nhsNumber ? -1 : a.nhsNumber > b.nhsNumber ? 1 : 0)
  );
}
