import type { PersonalShape } from '../privacy/personal-shape';
import { withheldShape } from '../privacy/withheld-shape';

/** What is stored in place of a withheld value: its shape, never the value. */
export const WITHHELD_VALUES: Readonly<Record<PersonalShape, string>> = {
  date: '(withheld: looks like a date)',
  name: "(withheld: equal to a patient's name)",
  phoneOrNhsNumber: '(withheld: looks like a phone or NHS number)',
  email: '(withheld: looks like an email address)',
  postcode: '(withheld: looks like a postcode)',
};

/**
 * A value read from an export (an unrecognised preference value, an unknown register code) as it may be
 * stored and shown in Data quality (SPEC §2.3, §8), unless it has the shape of personal data typed into
 * the wrong column: then a placeholder naming the shape. Snapshots and the ICB workbook hold no patient
 * data. Names are not checked here (the export's names are not all known while its rows are read): see
 * screenInputValues for that.
 */
export function withholdPersonalValue(value: string): string {
  const shape = withheldShape(value);
  return shape === undefined ? value : WITHHELD_VALUES[shape];
}

const PLACEHOLDERS: ReadonlySet<string> = new Set(Object.values(WITHHELD_VALUES));

/** Whether a stored value is the placeholder of a withheld one: never to be quoted back as if it were a value. */
export function isWithheldPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(value);
}
