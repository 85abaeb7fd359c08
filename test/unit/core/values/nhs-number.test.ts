import { describe, expect, it } from 'vitest';
import { formatNhsNumber, nhsNumberCheckDigit, parseNhsNumber } from '../../../../lambdas/core/values/nhs-number';

// Check digits worked out by hand: weights 10..2 over the first nine digits, 11 − (sum mod 11).
// 999000001: 9×10 + 9×9 + 9×8 + 1×2 = 245; 245 mod 11 = 3; 11 − 3 = 8.
// 999000005: 243 + 5×2 = 253 = 23×11; remainder 0; 11 − 0 = 11 → 0.
// 999888777: 243 + 56 + 48 + 40 + 28 + 21 + 14 = 450; 450 mod 11 = 10; 11 − 10 = 1.
// 999123456: 243 + 7 + 12 + 15 + 16 + 15 + 12 = 320; 320 mod 11 = 1; 11 − 1 = 10 → no valid number.
describe('nhsNumberCheckDigit', () => {
  it.each([
    { firstNine: '999000001', expected: 8 },
    { firstNine: '999000002', expected: 6 },
    { firstNine: '999000005', expected: 0 },
    { firstNine: '999888777', expected: 1 },
    { firstNine: '999123456', expected: undefined },
    { firstNine: '99900000', expected: undefined },
    { firstNine: '9990000011', expected: undefined },
    { firstNine: '99900000A', expected: undefined },
  ])('gives $expected for $firstNine', ({ firstNine, expected }) => {
    expect(nhsNumberCheckDigit(firstNine)).toBe(expected);
  });
});

describe('parseNhsNumber', () => {
  it.each([
    { raw: '9990000018', expected: '9990000018' },
    { raw: '999 000 0018', expected: '9990000018' },
    { raw: '999-000-0018', expected: '9990000018' },
    { raw: ' 9990000026 ', expected: '9990000026' },
    { raw: '9990000050', expected: '9990000050' },
    { raw: '9998887771', expected: '9998887771' },
  ])('accepts $raw as $expected', ({ raw, expected }) => {
    expect(parseNhsNumber(raw)).toBe(expected);
  });

  it.each([
    { raw: '9990000019', why: 'a wrong check digit' },
    { raw: '9991234560', why: 'first nine digits whose check digit would be 10' },
    { raw: '9991234567', why: 'first nine digits whose check digit would be 10 (the formatting example)' },
    { raw: '999000001', why: 'nine digits' },
    { raw: '99900000188', why: 'eleven digits' },
    { raw: '999000001A', why: 'a letter' },
    { raw: '999/000/0018', why: 'slashes' },
    { raw: '', why: 'nothing' },
  ])('rejects $raw ($why)', ({ raw }) => {
    expect(parseNhsNumber(raw)).toBeUndefined();
  });
});

describe('formatNhsNumber', () => {
  it('groups the digits 3-3-4 as clinicians read them', () => {
    expect(formatNhsNumber('9990000018')).toBe('999 000 0018');
  });
});
