import { describe, expect, it } from 'vitest';
import { type PreferenceCategory, preferenceCategory } from '../../../../lambdas/core/values/preference-category';

describe('preferenceCategory', () => {
  it.each<{ raw: string; expected: PreferenceCategory }>([
    // sms
    { raw: 'SMS', expected: 'sms' },
    { raw: 'Text', expected: 'sms' },
    { raw: 'Text message', expected: 'sms' },
    { raw: 'SMS text message', expected: 'sms' },
    { raw: 'Text message (SMS)', expected: 'sms' },
    { raw: 'Mobile', expected: 'sms' },
    { raw: '9', expected: 'sms' },
    { raw: '09', expected: 'sms' },
    // email
    { raw: 'Email', expected: 'email' },
    { raw: 'E-mail', expected: 'email' },
    { raw: '4', expected: 'email' },
    { raw: '004', expected: 'email' },
    // letter
    { raw: 'Letter', expected: 'letter' },
    { raw: 'Post', expected: 'letter' },
    { raw: 'Written', expected: 'letter' },
    { raw: '1', expected: 'letter' },
    { raw: '01', expected: 'letter' },
    // telephone
    { raw: 'Telephone', expected: 'telephone' },
    { raw: 'Phone', expected: 'telephone' },
    { raw: 'Telephone call', expected: 'telephone' },
    { raw: 'Landline', expected: 'telephone' },
    { raw: '3', expected: 'telephone' },
    { raw: '6', expected: 'telephone' },
    { raw: 'Telephone via proxy', expected: 'telephone' },
    { raw: 'Telephone contact via proxy', expected: 'telephone' },
    // nhsApp
    { raw: 'NHS App', expected: 'nhsApp' },
    { raw: 'NHS App notification', expected: 'nhsApp' },
    { raw: 'App', expected: 'nhsApp' },
    // other
    { raw: 'Visit', expected: 'other' },
    { raw: '2', expected: 'other' },
    { raw: 'Minicom', expected: 'other' },
    { raw: 'Textphone', expected: 'other' },
    { raw: 'Minicom (Textphone)', expected: 'other' },
    { raw: '5', expected: 'other' },
    { raw: 'Sign language', expected: 'other' },
    { raw: '7', expected: 'other' },
    { raw: 'No telephone contact', expected: 'other' },
    { raw: '8', expected: 'other' },
    // declined
    { raw: 'No communication', expected: 'declined' },
    { raw: 'Declined', expected: 'declined' },
    { raw: 'Do not contact', expected: 'declined' },
    { raw: 'Does not want contact', expected: 'declined' },
    // none
    { raw: '', expected: 'none' },
    { raw: '   ', expected: 'none' },
    { raw: 'Unknown', expected: 'none' },
    { raw: 'Not known', expected: 'none' },
    { raw: 'Not recorded', expected: 'none' },
    { raw: 'None', expected: 'none' },
    { raw: '-', expected: 'none' },
    { raw: 'N/A', expected: 'none' },
    { raw: 'NA', expected: 'none' },
    { raw: 'n/a', expected: 'none' },
    { raw: 'na', expected: 'none' },
  ])('puts "$raw" in $expected', ({ raw, expected }) => {
    expect(preferenceCategory(raw)).toBe(expected);
  });

  it.each<{ raw: string; expected: PreferenceCategory }>([
    { raw: 'sms', expected: 'sms' },
    { raw: 'TEXT MESSAGE', expected: 'sms' },
    { raw: '  Text   message  ', expected: 'sms' },
    { raw: 'Text\tmessage', expected: 'sms' },
    { raw: 'e-MAIL', expected: 'email' },
    { raw: ' Letter ', expected: 'letter' },
    { raw: 'nhs  app', expected: 'nhsApp' },
    { raw: 'NOT KNOWN', expected: 'none' },
    { raw: 'Does  not want\u00a0contact', expected: 'declined' },
    { raw: ' 09 ', expected: 'sms' },
  ])('ignores case and spacing: "$raw" is $expected', ({ raw, expected }) => {
    expect(preferenceCategory(raw)).toBe(expected);
  });

  it.each(['Carrier pigeon', 'Fax', '0', '00', '10', '99', '9.0', 'SMSs', 'Text-message', 'N.A.', 'Unknownn'])(
    'marks "%s" unrecognised, not none',
    (raw) => {
      expect(preferenceCategory(raw)).toBe('unrecognised');
    },
  );

  it('gives the same answer when a value is seen again (cached)', () => {
    expect(preferenceCategory('  Post ')).toBe('letter');
    expect(preferenceCategory('  Post ')).toBe('letter');
    expect(preferenceCategory('Carrier pigeon')).toBe('unrecognised');
  });
});
