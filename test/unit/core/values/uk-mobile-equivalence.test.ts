import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUkMobile } from '../../../../lambdas/core/values/uk-mobile';

/** SPEC §2.4 as regexes: the rule isValidUkMobile's fast path must agree with (written out independently here). */
function byRegex(raw: string): boolean {
  if (raw.length < 10) return false;
  const digits = raw.replace(/^(\s*\+44)[\s.-]*\(0\)/, '$1').replace(/[\s.()-]/g, '');
  return /^(?:07|\+?447|7)\d{9}$/.test(digits);
}

describe('isValidUkMobile without regexes on the common forms', () => {
  it.each([
    { raw: '+44 (0) 7700 900123', valid: true },
    { raw: '+44.-(0)7700900123', valid: true },
    { raw: '+44(0)(0)7700900123', valid: false },
    { raw: ' +447700 900123', valid: true },
    { raw: '-+447700900123', valid: true },
    { raw: '+ 447700900123', valid: true },
    { raw: '(+44) 7700 900123', valid: true },
    { raw: '(+44)(0)7700 900123', valid: false },
    { raw: '07700 900123 ext', valid: false },
    { raw: '07700\u00a0900123', valid: true },
  ])('says $valid for "$raw", as the regexes do', ({ raw, valid }) => {
    expect(byRegex(raw)).toBe(valid);
    expect(isValidUkMobile(raw)).toBe(valid);
  });

  it('agrees with the regexes on any mix of digits, separators, brackets and plus signs', () => {
    const unit = fc.constantFrom(...'0123456774447 +-.()\t\u00a0x'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 8, maxLength: 20 }), (raw) => {
        expect(isValidUkMobile(raw)).toBe(byRegex(raw));
      }),
      { numRuns: 20000 },
    );
  });
});
