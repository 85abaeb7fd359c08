import { describe, expect, it } from 'vitest';
import { parseValueMapping } from '../../../../lambdas/core/fields/parse-value-mapping';

function errorsOf(json: unknown): string[] {
  const result = parseValueMapping(json);
  if (result.ok) throw new Error('expected the mapping to be refused');
  return result.errors;
}

describe('parseValueMapping', () => {
  it('reads the example of SPEC §2.3c, with keys normalised as the built-in values are', () => {
    const result = parseValueMapping({
      preferredContactMethod: { 'Txt msg': 'sms', ' Mobile   telephone ': 'sms', Carer: 'other', '010': 'letter' },
      smsConsent: { 'Opted out of texts': 'withdrawn', 'Texts OK': 'not_withdrawn' },
      aisNeed: { Nil: 'no_need', Deaf: 'need' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.mapping.preferredContactMethod]).toEqual([
      ['txt msg', 'sms'],
      ['mobile telephone', 'sms'],
      ['carer', 'other'],
      // Leading zeros dropped, as for the built-in codes (`09` = `9`).
      ['10', 'letter'],
    ]);
    expect([...result.mapping.smsConsent]).toEqual([
      ['opted out of texts', 'withdrawn'],
      ['texts ok', 'not_withdrawn'],
    ]);
    expect([...result.mapping.aisNeed]).toEqual([
      ['nil', 'no_need'],
      ['deaf', 'need'],
    ]);
  });

  it('gives an empty mapping when there is none', () => {
    const result = parseValueMapping(undefined);
    expect(result.ok && result.mapping.preferredContactMethod.size + result.mapping.aisNeed.size).toBe(0);
    expect(parseValueMapping({}).ok).toBe(true);
  });

  it('names an unknown field and the fields that take a mapping', () => {
    expect(errorsOf({ preferedContactMethod: { Txt: 'sms' } })).toEqual([
      'valueMapping has an unknown field "preferedContactMethod"; the fields that take a mapping are ' +
        'preferredContactMethod, smsConsent, aisNeed.',
    ]);
  });

  it('names the field, the value and the allowed categories for an unknown category', () => {
    expect(errorsOf({ preferredContactMethod: { 'Txt msg': 'text' } })).toEqual([
      'valueMapping.preferredContactMethod maps "Txt msg" to "text", which is not a category of ' +
        'preferredContactMethod. Use one of: sms, email, letter, telephone, nhsApp, other, declined, none.',
    ]);
    expect(errorsOf({ smsConsent: { 'Texts OK': 'consent' } })).toEqual([
      'valueMapping.smsConsent maps "Texts OK" to "consent", which is not a category of smsConsent. ' +
        'Use one of: withdrawn, not_withdrawn.',
    ]);
    expect(errorsOf({ aisNeed: { Deaf: true } })).toEqual([
      'valueMapping.aisNeed maps "Deaf" to a boolean, which is not a category of aisNeed. Use one of: need, no_need.',
    ]);
  });

  it('refuses unrecognised as a target: it is what a mapping is for', () => {
    expect(errorsOf({ preferredContactMethod: { Odd: 'unrecognised' } })[0]).toContain('Use one of: sms,');
  });

  it('refuses an empty value', () => {
    expect(errorsOf({ aisNeed: { '  ': 'no_need' } })).toEqual([
      'valueMapping.aisNeed maps an empty value; give the value as it is written in the export.',
    ]);
  });

  it('refuses two values that are the same once normalised', () => {
    expect(errorsOf({ preferredContactMethod: { 'Txt msg': 'sms', 'TXT  MSG': 'email' } })).toEqual([
      'valueMapping.preferredContactMethod maps both "Txt msg" and "TXT  MSG", which are the same value once case ' +
        'and spaces are ignored. Keep one of them.',
    ]);
  });

  it('collects every problem before failing', () => {
    expect(errorsOf({ colour: {}, smsConsent: [], aisNeed: { '': 'need', X: 'maybe' } })).toHaveLength(4);
  });

  it('refuses a valueMapping that is not an object', () => {
    expect(errorsOf(['sms'])).toEqual([
      'valueMapping must be an object of field → { value: category }, not a list. ' +
        'Example: { "valueMapping": { "preferredContactMethod": { "Txt msg": "sms" } } }',
    ]);
  });
});
