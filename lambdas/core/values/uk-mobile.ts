/**
 * UK mobile numbers (SPEC §2.4): decides whether a messaging solution could text the patient.
 * Numbers are checked, never stored or logged.
 */

/** `+44 (0)7700…`: the `(0)` is a trunk prefix written for people and must go before the digits are read. */
const PLUS44_TRUNK_ZERO = /^(\s*\+44)[\s.-]*\(0\)/;
const SEPARATORS = /[\s.()-]/g;
/** `07` + 9 digits, `+447`/`447` + 9 digits, or `7` + 9 digits (a leading zero lost by a spreadsheet). */
const UK_MOBILE = /^(?:07|\+?447|7)\d{9}$/;

/** True when the cell holds a UK mobile number in one of the forms SPEC §2.4 accepts. */
export function isValidUkMobile(raw: string): boolean {
  if (raw.length < 10) return false;
  return UK_MOBILE.test(raw.replace(PLUS44_TRUNK_ZERO, '$1').replace(SEPARATORS, ''));
}
