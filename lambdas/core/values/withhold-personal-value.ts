/** Six or more digits, however separated (a phone or NHS number), or something shaped like an email address. */
const LOOKS_PERSONAL = /\d(?:[\s\-().+/]*\d){5}|[^\s@]+@[^\s@]+\.[^\s@]+/;

export const WITHHELD_VALUE = '(withheld: looks like a phone number, NHS number or email address)';

/**
 * An unrecognised preference value as it may be stored and shown in Data quality (SPEC §2.3), unless it
 * looks like personal data typed into the wrong column: snapshots and the ICB workbook hold no patient data.
 */
export function withholdPersonalValue(value: string): string {
  return LOOKS_PERSONAL.test(value) ? WITHHELD_VALUE : value;
}
