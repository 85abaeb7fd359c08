import { describe, expect, it } from 'vitest';
import { withholdPersonalValue } from '../../../../lambdas/core/values/withhold-personal-value';

describe('withholdPersonalValue', () => {
  it.each([
    { value: 'Carrier pigeon', shown: 'Carrier pigeon' },
    { value: 'Letter (large print)', shown: 'Letter (large print)' },
    { value: '=1+1', shown: '=1+1' },
    { value: '12-Mar-1961', shown: '(withheld: looks like a date)' },
    { value: '07700 900 000', shown: '(withheld: looks like a phone or NHS number)' },
    { value: '9990700001', shown: '(withheld: looks like a phone or NHS number)' },
    { value: 'jo@example.com', shown: '(withheld: looks like an email address)' },
    { value: 'LS1 4AP', shown: '(withheld: looks like a postcode)' },
  ])('stores "$value" as "$shown"', ({ value, shown }) => {
    expect(withholdPersonalValue(value)).toBe(shown);
  });
});
