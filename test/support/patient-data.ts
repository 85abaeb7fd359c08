/**
 * Finds patient data in text that must never hold any (logs, error messages, quarantine reports):
 * the given values from an export (names, NHS numbers, phones, emails, dates of birth) in the
 * spellings people write them, plus anything shaped like a test-range NHS number or drama-range mobile.
 */
export function findPatientData(text: string, values: readonly string[] = []): string[] {
  const found = new Set<string>();
  const haystack = text.toLowerCase();
  for (const value of values) {
    for (const variant of variants(value)) {
      if (variant.length >= 3 && haystack.includes(variant.toLowerCase())) found.add(value);
    }
  }
  for (const pattern of SHAPES) {
    for (const match of text.matchAll(pattern)) found.add(match[0]);
  }
  return [...found];
}

/** Test-range NHS numbers (plain, spaced or hyphenated) and drama-range mobiles, however written. */
const SHAPES: readonly RegExp[] = [
  /(?<![0-9])999[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])/g,
  /(?<![0-9])(?:\+44 ?(?:\(0\))? ?|0)7700 ?900 ?[0-9]{3}(?![0-9])/g,
];

function variants(value: string): string[] {
  const out = [value];
  const digits = value.replace(/[^0-9]/g, '');
  if (/^[0-9]{10}$/.test(digits) && value.replace(/[\s-]/g, '') === digits) {
    out.push(digits, `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`);
  }
  return out;
}
