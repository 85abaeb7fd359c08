import { describe, expect, it } from 'vitest';
import { isValidUkMobile } from '../../../../lambdas/core/values/uk-mobile';

describe('isValidUkMobile', () => {
  it.each([
    { raw: '07700900123', form: '07 + 9 digits' },
    { raw: '07700 900123', form: 'a space' },
    { raw: '07700 900 123', form: 'two spaces' },
    { raw: ' 07700900123 ', form: 'surrounding spaces' },
    { raw: '07700-900-123', form: 'hyphens' },
    { raw: '07700.900.123', form: 'dots' },
    { raw: '(07700) 900123', form: 'brackets' },
    { raw: '+447700900123', form: '+447 + 9 digits' },
    { raw: '+44 7700 900123', form: '+44 with spaces' },
    { raw: '+44-7700-900123', form: '+44 with hyphens' },
    { raw: '447700900123', form: '447 + 9 digits' },
    { raw: '44 7700 900123', form: '44 with spaces' },
    { raw: '7700900123', form: '7 + 9 digits (leading zero lost by a spreadsheet)' },
    { raw: '7700 900123', form: 'leading zero lost, with a space' },
    { raw: '+44 (0)7700 900123', form: '+44 (0) with spaces' },
    { raw: '+44(0)7700900123', form: '+44(0) without spaces' },
    { raw: '+44 (0) 7700 900 123', form: '+44 (0) and more spaces' },
    { raw: '+44-(0)-7700-900123', form: '+44 (0) with hyphens' },
    { raw: '(0)7700 900123', form: 'a bracketed trunk zero without +44 (brackets are removed)' },
  ])('accepts "$raw" ($form)', ({ raw }) => {
    expect(isValidUkMobile(raw)).toBe(true);
  });

  it.each([
    { raw: '', why: 'empty' },
    { raw: 'None', why: 'text' },
    { raw: '0770090012', why: '07 + 8 digits' },
    { raw: '077009001234', why: '07 + 10 digits' },
    { raw: '01632960123', why: 'a landline (01…)' },
    { raw: '02079460123', why: 'a London landline (02…)' },
    { raw: '+441632960123', why: 'a landline in international form' },
    { raw: '+4407700900123', why: '+44 followed by the trunk zero without brackets' },
    { raw: '44 (0)7700 900123', why: '(0) after 44 without the plus' },
    { raw: '+44 (0)1632 960123', why: 'a landline written +44 (0)' },
    { raw: '0044 7700 900123', why: 'the 00 international prefix' },
    { raw: '+1 202 555 0123', why: 'a US number' },
    { raw: '+33 6 12 34 56 78', why: 'a French mobile' },
    { raw: '07700/900123', why: 'a slash' },
    { raw: '07700 900123 ext 1', why: 'trailing text' },
    { raw: '6700900123', why: '10 digits not starting with 7' },
    { raw: '77009001234', why: '7 + 10 digits' },
    { raw: '+7700900123', why: 'a plus with no country code' },
    { raw: '07700 9OO123', why: 'letters O for zeros' },
  ])('rejects "$raw" ($why)', ({ raw }) => {
    expect(isValidUkMobile(raw)).toBe(false);
  });
});
