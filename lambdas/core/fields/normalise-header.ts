/**
 * The form headers are compared in (SPEC §2.1): lower-case, without whitespace, a UTF-8 byte-order
 * mark, or the characters `_ . - ( ) [ ] /` (the characters only, not what they enclose), so that
 * `Patient NHS No.`, `PATIENT_NHS_NO` and `patient-nhs-no` are one header.
 */

const IGNORED_CHARACTERS = /[\s\uFEFF_.()[\]/-]/g;

/** The comparison form of a header cell. */
export function normaliseHeader(header: string): string {
  return header.replace(IGNORED_CHARACTERS, '').toLowerCase();
}
