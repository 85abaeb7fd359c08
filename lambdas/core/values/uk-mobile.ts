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
  const fast = plainMobile(raw);
  if (fast !== UNSURE) return fast === VALID;
  return UK_MOBILE.test(raw.replace(PLUS44_TRUNK_ZERO, '$1').replace(SEPARATORS, ''));
}

const VALID = 1;
const INVALID = 0;
const UNSURE = -1;

/**
 * The same rule without a regex or a new string, for the forms exports use (this runs once per
 * patient): digits, ASCII whitespace, hyphens, dots and brackets, an optional `+` before the first digit,
 * and the `(0)` after a leading `+44`. Any other character makes it UNSURE, for the regexes above.
 */
function plainMobile(raw: string): number {
  // Kept characters (at most 13: `+447` + 9 digits); the first three digits decide the prefix.
  let kept = 0;
  let plus = false;
  let d0 = -1;
  let d1 = -1;
  let d2 = -1;
  // Where we are in `^\s*\+44[\s.-]*`, after which a `(0)` is dropped: 0 leading whitespace, 1 after `+`,
  // 2 after `+4`, 3 after `+44` and separators; -1 once the prefix can no longer match.
  let prefix = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13);
    if (prefix === 3 && c === 40 && raw.charCodeAt(i + 1) === 48 && raw.charCodeAt(i + 2) === 41) {
      i += 2;
      prefix = -1;
      continue;
    }
    if (prefix === 0) prefix = space ? 0 : c === 43 ? 1 : -1;
    else if (prefix === 1 || prefix === 2) prefix = c === 52 ? prefix + 1 : -1;
    else if (prefix === 3 && !(space || c === 45 || c === 46)) prefix = -1;

    if (c >= 48 && c <= 57) {
      const digit = c - 48;
      const at = plus ? kept - 1 : kept;
      if (at === 0) d0 = digit;
      else if (at === 1) d1 = digit;
      else if (at === 2) d2 = digit;
      kept++;
      if (kept > 13) return INVALID;
    } else if (space || c === 45 || c === 46 || c === 40 || c === 41) {
      // A separator: removed.
    } else if (c === 43 && kept === 0) {
      plus = true;
      kept = 1;
    } else {
      return UNSURE;
    }
  }
  const digits = plus ? kept - 1 : kept;
  if (plus) return digits === 12 && d0 === 4 && d1 === 4 && d2 === 7 ? VALID : INVALID;
  if (digits === 10) return d0 === 7 ? VALID : INVALID;
  if (digits === 11) return d0 === 0 && d1 === 7 ? VALID : INVALID;
  if (digits === 12) return d0 === 4 && d1 === 4 && d2 === 7 ? VALID : INVALID;
  return INVALID;
}
