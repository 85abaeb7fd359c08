import { describe, expect, it } from 'vitest';
import { parseValueMapping } from '../../../../lambdas/core/fields/parse-value-mapping';
import {
  unrecognisedValueAdvice,
  unrecognisedValuesIntro,
  valueMappingExample,
} from '../../../../lambdas/render/icb/value-mapping-advice';

describe('valueMappingExample', () => {
  it('maps each listed value to "?" for the user to choose, in the configuration shape', () => {
    expect(valueMappingExample(['Txt msg', 'Mobile telephone'])).toBe(
      '{"valueMapping":{"preferredContactMethod":{"Txt msg":"?","Mobile telephone":"?"}}}',
    );
  });

  it('is accepted by the configuration check once each "?" is replaced by a category', () => {
    const example = valueMappingExample(['Txt msg', 'Carer "C"']) ?? '';
    const chosen = JSON.parse(example.replaceAll('"?"', '"sms"')) as { valueMapping: unknown };
    expect(parseValueMapping(chosen.valueMapping).ok).toBe(true);
  });

  it('pasted as it is, is refused with a message naming the value and the categories', () => {
    const pasted = JSON.parse(valueMappingExample(['Txt msg']) ?? '') as { valueMapping: unknown };
    expect(parseValueMapping(pasted.valueMapping)).toEqual({
      ok: false,
      errors: [
        'valueMapping.preferredContactMethod maps "Txt msg" to "?", which is not a category of preferredContactMethod. ' +
          'Use one of: sms, email, letter, telephone, nhsApp, other, declined, none.',
      ],
    });
  });

  it('never quotes a withheld placeholder or a value shaped like personal data', () => {
    expect(
      valueMappingExample([
        '(withheld: looks like a date)',
        "(withheld: equal to a patient's name)",
        '07700 900123',
        'jo@example.org',
        'LS1 4AP',
        'Txt msg',
      ]),
    ).toBe('{"valueMapping":{"preferredContactMethod":{"Txt msg":"?"}}}');
    expect(valueMappingExample(['(withheld: looks like a postcode)'])).toBeUndefined();
  });

  it('lists values equal once case and spacing are ignored once, as the check would refuse both', () => {
    expect(valueMappingExample(['Txt msg', 'TXT  MSG', 'txt msg '])).toBe(
      '{"valueMapping":{"preferredContactMethod":{"Txt msg":"?"}}}',
    );
  });

  it('stops at 20 values', () => {
    const values = Array.from({ length: 25 }, (_, i) => `Code ${String.fromCharCode(65 + i)}`);
    const example = JSON.parse(valueMappingExample(values) ?? '') as {
      valueMapping: { preferredContactMethod: Record<string, string> };
    };
    expect(Object.keys(example.valueMapping.preferredContactMethod)).toHaveLength(20);
  });
});

describe('unrecognisedValuesIntro and unrecognisedValueAdvice', () => {
  it('names the option and where it is set only when a value can be quoted', () => {
    expect(unrecognisedValuesIntro(['Txt msg'])).toContain('map it with the valueMapping option (in the --config file');
    expect(unrecognisedValuesIntro(['(withheld: looks like a date)'])).not.toContain('valueMapping');
  });

  it('tells the user to have a withheld value corrected, not mapped', () => {
    expect(unrecognisedValueAdvice('(withheld: looks like a date)')).toBe(
      'Possibly personal data typed into the wrong column: ask the practice to correct these records.',
    );
    expect(unrecognisedValueAdvice('Txt msg')).toMatch(/^If it is a contact method, map it with valueMapping/);
  });
});
