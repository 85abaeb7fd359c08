import { describe, expect, it } from 'vitest';
import { personalShapeOf } from '../../../../lambdas/core/privacy/personal-shape';

describe('personalShapeOf', () => {
  it.each([
    '1961-03-12',
    '1961/3/12',
    '12/03/1961',
    '12-03-1961',
    '12.03.1961',
    '12-Mar-1961',
    '12 Mar 1961',
    '12 March 1961',
    '12 MARCH 1961',
    '12th of March 1961',
    '1 Sept 1961',
    'March 12, 1961',
    '12/03/61',
    '1/3/61',
    '1.3.61',
    '12-Mar-61',
    '12 03 1961',
    'DOB 12/03/1961 (check)',
    'born 5 May 48',
    '１２/０３/１９６１',
  ])('sees a date in "%s"', (text) => {
    expect(personalShapeOf(text)).toBe('date');
  });

  it.each([
    '9990700001',
    '999 070 0001',
    '999-070-0001',
    '07700 900000',
    '07700900123',
    '+44 7700 900123',
    '+44 (0)7700 900123',
    '(07700) 900 123',
    '07700 900 000',
    '07700, 900, 000',
    '07700 / 900 / 123',
    '0 7 7 0 0 9 0 0 1 2 3',
    '0113 496 0000',
    'ring 07700–900123 after 6',
    '123456',
    '０７７００９００１２３',
  ])('sees a phone or NHS number in "%s"', (text) => {
    expect(personalShapeOf(text)).toBe('phoneOrNhsNumber');
  });

  it.each([
    'jo.bloggs@example.com',
    'JO@EXAMPLE.NHS.UK',
    'jo @ example.org',
    'email me: jo+gp@example.co.uk please',
    'jo＠example.com',
  ])('sees an email address in "%s"', (text) => {
    expect(personalShapeOf(text)).toBe('email');
  });

  it.each(['LS1 4AP', 'ls14ap', 'SW1A 1AA', 'M1 1AE', 'B33 8TH', 'DN55 1PT', 'lives at CR2 6XH', 'LS1-4AP'])(
    'sees a postcode in "%s"',
    (text) => {
      expect(personalShapeOf(text)).toBe('postcode');
    },
  );

  it.each([
    'Txt msg',
    'Mobile telephone',
    'DM2',
    'LS1',
    'Carer',
    'Letter (large print)',
    'Q4 2025',
    'Form 12',
    'WhatsApp',
    'Carrier pigeon',
    '+44 calls only',
    '@SUM(1)',
    'Text @ 5pm',
    "=cmd|'/c calc'!A0",
    'Ext 12345',
    'Option 1/2',
    'May',
    'March 2025',
    '',
  ])('finds nothing personal in "%s"', (text) => {
    expect(personalShapeOf(text)).toBeUndefined();
  });
});

describe('personalShapeOf on hostile lengths', () => {
  it.each([
    { name: 'a digit then spaces', text: `1st${' '.repeat(200_000)}x` },
    { name: 'a month then spaces', text: `March${' '.repeat(200_000)}x` },
    { name: 'single digits between spaces', text: '1 x '.repeat(50_000) },
    { name: 'at signs', text: 'a@'.repeat(100_000) },
  ])('decides on $name (200,000 characters) without backtracking for seconds', ({ text }) => {
    const started = performance.now();
    personalShapeOf(text);
    // A hang check with a generous bound, not a speed assertion: a quadratic regex takes minutes here.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
