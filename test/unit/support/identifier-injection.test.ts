import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../lambdas/core/privacy/name-key';
import { isValidEmail } from '../../../lambdas/core/values/email-address';
import { parseNhsNumber } from '../../../lambdas/core/values/nhs-number';
import { parseUkDate } from '../../../lambdas/core/values/uk-date';
import {
  dateArbitrary,
  emailArbitrary,
  mobileArbitrary,
  nameArbitrary,
  nhsNumberArbitrary,
  postcodeArbitrary,
} from '../../support/identifier-injection';

/** The generator must make what it says, or the guard's property test proves nothing. */
describe('identifier injection arbitraries', () => {
  const sample = <T>(arbitrary: fc.Arbitrary<T>): T[] => fc.sample(arbitrary, { numRuns: 500, seed: 13 });

  it('makes valid 999-range NHS numbers', () => {
    for (const { text } of sample(nhsNumberArbitrary)) {
      expect(parseNhsNumber(text)).toMatch(/^999\d{7}$/);
    }
  });

  it('makes drama-range mobiles 07700 900000 to 900999', () => {
    for (const { text } of sample(mobileArbitrary)) {
      expect(text.replace(/\D/g, '')).toMatch(/^(?:0|44|440|0044)?7700900\d{3}$/);
    }
  });

  it('makes valid addresses at example domains', () => {
    for (const { text } of sample(emailArbitrary)) {
      expect(isValidEmail(text)).toBe(true);
      expect(text.toLowerCase()).toMatch(/@example\.(?:com|org|co\.uk|nhs\.uk)$/);
    }
  });

  it('makes real calendar dates, readable as SPEC §2.2 dates when the year has four digits', () => {
    const fourDigitYears = sample(dateArbitrary).filter(({ text }) => /\d{4}/.test(text));
    expect(fourDigitYears.length).toBeGreaterThan(100);
    for (const { text } of fourDigitYears) expect(parseUkDate(text)).toMatch(/^(?:19|20)\d\d-\d\d-\d\d$/);
  });

  it('makes full UK postcode shapes', () => {
    for (const { text } of sample(postcodeArbitrary)) {
      expect(text).toMatch(/^[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}$/i);
    }
  });

  it('retypes a name only in ways that keep it the same name', () => {
    for (const { text, name } of sample(nameArbitrary)) expect(nameKey(text)).toBe(nameKey(name ?? ''));
  });
});
