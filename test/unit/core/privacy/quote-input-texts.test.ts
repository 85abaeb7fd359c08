import { describe, expect, it } from 'vitest';
import { quoteInputTexts } from '../../../../lambdas/core/privacy/quote-input-texts';

describe('quoteInputTexts', () => {
  it('quotes a header line merged with a data row without its NHS number, date of birth or mobile', () => {
    const header = ['NHS Number', 'Surname', '9990700001', 'Date of Birth', '05/10/1948', '07700 900000'];
    expect(quoteInputTexts(header)).toBe(
      '"NHS Number", "Surname", "Date of Birth". Withheld as possibly personal data: ' +
        '1 value that looks like a date and 2 values that look like phone or NHS numbers.',
    );
  });

  it.each([
    { texts: ['NHS Number', 'Surname'], text: '"NHS Number", "Surname".' },
    { texts: ['12-Mar-1961'], text: 'Withheld as possibly personal data: 1 value that looks like a date.' },
    { texts: [], text: 'none.' },
  ])('writes $texts as $text', ({ texts, text }) => {
    expect(quoteInputTexts(texts)).toBe(text);
  });
});
