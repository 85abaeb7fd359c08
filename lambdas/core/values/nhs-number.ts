/** NHS number checks (NHS Data Dictionary: 10 digits, Modulus 11 check digit). */

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/**
 * The Modulus 11 check digit for the first nine digits of an NHS number,
 * or undefined when no valid check digit exists (remainder gives 10).
 */
export function nhsNumberCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (firstNine.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** Removes spaces and hyphens; returns the 10-digit NHS number if its check digit is valid. */
export function parseNhsNumber(raw: string): string | undefined {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return undefined;
  return nhsNumberCheckDigit(digits.slice(0, 9)) === digits.charCodeAt(9) - 48 ? digits : undefined;
}

/** `9991234567` → `999 123 4567`, the way clinicians read it. */
export function formatNhsNumber(nhsNumber: string): string {
  return `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
}
