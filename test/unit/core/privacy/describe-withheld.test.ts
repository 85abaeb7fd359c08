import { describe, expect, it } from 'vitest';
import { describeWithheld } from '../../../../lambdas/core/privacy/describe-withheld';
import { noneWithheld, type WithheldCounts } from '../../../../lambdas/core/privacy/screen-input-values';

function counts(some: Partial<WithheldCounts>): WithheldCounts {
  return { ...noneWithheld(), ...some };
}

describe('describeWithheld', () => {
  it.each([
    { withheld: counts({ date: 2 }), sentence: 'Withheld as possibly personal data: 2 values that look like dates.' },
    { withheld: counts({ date: 1 }), sentence: 'Withheld as possibly personal data: 1 value that looks like a date.' },
    {
      withheld: counts({ name: 1, date: 2 }),
      sentence:
        "Withheld as possibly personal data: 2 values that look like dates and 1 value equal to a patient's name.",
    },
    {
      withheld: counts({ postcode: 1, email: 1, phoneOrNhsNumber: 3, name: 2, date: 2 }),
      sentence:
        'Withheld as possibly personal data: 2 values that look like dates, ' +
        "2 values equal to a patient's name, 3 values that look like phone or NHS numbers, " +
        '1 value that looks like an email address and 1 value that looks like a postcode.',
    },
    {
      withheld: counts({ phoneOrNhsNumber: 1, email: 2, postcode: 3 }),
      sentence:
        'Withheld as possibly personal data: 1 value that looks like a phone or NHS number, ' +
        '2 values that look like email addresses and 3 values that look like postcodes.',
    },
  ])('says "$sentence"', ({ withheld, sentence }) => {
    expect(describeWithheld(withheld)).toBe(sentence);
  });

  it('says nothing when nothing was withheld', () => {
    expect(describeWithheld(noneWithheld())).toBeUndefined();
  });
});
