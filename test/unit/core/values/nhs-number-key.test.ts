import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNhsNumber } from '../../../../lambdas/core/values/nhs-number';
import { nhsNumberFromKey, nhsNumberKey } from '../../../../lambdas/core/values/nhs-number-key';

describe('nhsNumberKey', () => {
  // 999 000 0018: 9×10 + 9×9 + 9×8 + 1×2 = 245, 245 mod 11 = 3, check digit 11 − 3 = 8.
  // 999 123 4578: 9×10 + 9×9 + 9×8 + 1×7 + 2×6 + 3×5 + 4×4 + 5×3 + 7×2 = 322, 322 mod 11 = 3, check 8.
  // 000 000 0000: sum 0, 11 − 0 = 11, which is written 0.
  it.each([
    { raw: '9990000018', key: 999_000_001 },
    { raw: '999 000 0018', key: 999_000_001 },
    { raw: '999-000-0018', key: 999_000_001 },
    { raw: ' 9990000018\t', key: 999_000_001 },
    { raw: '9991234578', key: 999_123_457 },
    { raw: '0000000000', key: 0 },
    { raw: '999\u00a0000\u00a00018', key: 999_000_001 },
  ])('reads "$raw" as $key', ({ raw, key }) => {
    expect(nhsNumberKey(raw)).toBe(key);
  });

  // 000 000 006: 6×2 = 12, 12 mod 11 = 1, check digit 10: no valid NHS number starts with these nine digits.
  it.each([
    { raw: '9990000017', why: 'the check digit is wrong' },
    { raw: '0000000060', why: 'the first nine digits give a check digit of 10' },
    { raw: '999000001', why: 'nine digits' },
    { raw: '99900000180', why: 'eleven digits' },
    { raw: '', why: 'empty' },
    { raw: '999000001X', why: 'a letter' },
    { raw: '999/000/0018', why: 'slashes are not removed' },
    { raw: '９９９０００００１８', why: 'full-width digits are not digits' },
  ])('gives -1 for "$raw" ($why)', ({ raw }) => {
    expect(nhsNumberKey(raw)).toBe(-1);
  });

  it('agrees with parseNhsNumber on any mix of digits, separators and other characters', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789999 -\t/x\u00a0'.split('')), maxLength: 16 });
    fc.assert(
      fc.property(text, (raw) => {
        const parsed = parseNhsNumber(raw);
        expect(nhsNumberKey(raw)).toBe(parsed === undefined ? -1 : Number(parsed.slice(0, 9)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('nhsNumberFromKey', () => {
  it.each([
    { key: 999_000_001, nhsNumber: '9990000018' },
    { key: 999_123_457, nhsNumber: '9991234578' },
    { key: 0, nhsNumber: '0000000000' },
  ])('writes $key as $nhsNumber', ({ key, nhsNumber }) => {
    expect(nhsNumberFromKey(key)).toBe(nhsNumber);
  });
});
