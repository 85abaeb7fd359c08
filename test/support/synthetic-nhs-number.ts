import { nhsNumberCheckDigit } from '../../lambdas/core/values/nhs-number';

/**
 * The `index`-th valid NHS number of the `999` test range at or after body `start` (SPEC §6):
 * bodies whose check digit would be 10 are skipped. Deterministic, so tests can name patients by index.
 */
export function syntheticNhsNumbers(count: number, start = 0): string[] {
  const numbers: string[] = [];
  for (let body = start; numbers.length < count; body++) {
    if (body > 999_999) throw new RangeError('syntheticNhsNumbers: ran past the end of the 999 test range.');
    const firstNine = `999${String(body).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(firstNine);
    if (check !== undefined) numbers.push(`${firstNine}${check}`);
  }
  return numbers;
}
