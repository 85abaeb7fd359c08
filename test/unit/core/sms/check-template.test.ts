import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../../lambdas/core/sms/check-template';

const RATE = { costPerFragmentGbp: 0.025 };
const GOOD = 'Your annual asthma review is due. Please book online or call us on 0113 496 0000.';

describe('checkTemplate', () => {
  it('passes a short GSM-7 recall message with no warnings', () => {
    expect(checkTemplate('asthma-recall', GOOD, RATE)).toEqual({
      name: 'asthma-recall',
      encoding: 'GSM-7',
      characters: 81,
      units: 81,
      fragments: 1,
      costGbp: 0.025,
      ucs2Triggers: [],
      warnings: [],
      breaksRule: false,
    });
  });

  it('costs each fragment at the given rate', () => {
    const check = checkTemplate('long', 'a'.repeat(161), { costPerFragmentGbp: 0.03 });
    expect(check.fragments).toBe(2);
    expect(check.costGbp).toBeCloseTo(0.06, 10);
  });

  it('breaks the too-long rule over 160 characters, saying by how much to shorten it', () => {
    const check = checkTemplate('long', 'a'.repeat(172), RATE);
    expect(check.breaksRule).toBe(true);
    expect(check.warnings).toEqual([
      {
        rule: 'too-long',
        message: '172 characters in GSM-7 need 2 fragments; one fragment holds 160. Shorten it by at least 12.',
        reason: expect.stringContaining('cost doubles'),
        breaksRule: true,
      },
    ]);
  });

  it('counts extension characters twice in the too-long message', () => {
    const [warning] = checkTemplate('braces', `${'a'.repeat(159)}€`, RATE).warnings;
    expect(warning?.message).toBe(
      '160 characters (161 counted: extension characters count two) in GSM-7 need 2 fragments; one fragment holds 160. Shorten it by at least 1.',
    );
  });

  it('notes the character that forced UCS-2 and its replacement, without breaking a rule', () => {
    const check = checkTemplate('apostrophe', 'It’s time for your review. Call us on 0113 496 0000.', RATE);
    expect(check.encoding).toBe('UCS-2');
    expect(check.breaksRule).toBe(false);
    expect(check.warnings).toEqual([
      {
        rule: 'ucs2',
        message: "’ (U+2019) at character 3 switches the message to UCS-2; replace it with '",
        reason: expect.stringContaining('70 characters per fragment'),
        breaksRule: false,
      },
    ]);
  });

  it('gives one UCS-2 note per distinct character, listing every position', () => {
    const messages = checkTemplate('quotes', '’a’ 😀', RATE).warnings.map((w) => w.message);
    expect(messages).toEqual([
      "’ (U+2019) at characters 1, 3 switches the message to UCS-2; replace it with '",
      '😀 (U+1F600) at character 5 switches the message to UCS-2; it has no GSM equivalent: remove it.',
    ]);
  });

  it('shows an invisible character by its code point', () => {
    const [warning] = checkTemplate('nbsp', 'Hi\u00A0there', RATE).warnings;
    expect(warning?.message).toBe('U+00A0 at character 3 switches the message to UCS-2; replace it with a space');
  });

  it('says when replacing the non-GSM characters alone would make a long UCS-2 message fit in one fragment', () => {
    const [warning] = checkTemplate('curly', `We’re ${'a'.repeat(80)}`, RATE).warnings;
    expect(warning?.rule).toBe('too-long');
    expect(warning?.message).toBe(
      '86 characters in UCS-2 need 2 fragments; one fragment holds 70. Shorten it by at least 16, or replace the non-GSM characters (see ucs2): that alone makes it fit in one fragment.',
    );
  });

  it('matches rule phrases across curly quotes, line breaks and capitals', () => {
    const check = checkTemplate('closure', 'We’re CLOSED\non Monday.', RATE);
    expect(check.warnings.map((w) => w.rule)).toEqual(['news-or-marketing', 'ucs2']);
    expect(check.warnings[0]?.message).toBe('Mentions "closed on": this reads as news or marketing.');
  });

  it('lists every rule a template breaks, rules before notes', () => {
    const check = checkTemplate('bad', 'Your results are ready. Please fill in our survey – thanks!', {
      ...RATE,
      batch: true,
    });
    expect(check.warnings.map((w) => [w.rule, w.breaksRule])).toEqual([
      ['survey', true],
      ['sensitive-content', true],
      ['no-opt-out', true],
      ['ucs2', false],
    ]);
    expect(check.breaksRule).toBe(true);
  });

  it('accepts sensitive content when consent is given, and a batch message with a contact route', () => {
    const check = checkTemplate('results', 'Your results are ready. Call us on 0113 496 0000.', {
      ...RATE,
      batch: true,
      consentForSensitive: true,
    });
    expect(check.warnings).toEqual([]);
  });

  it('reports an empty template and nothing else, even as a batch message', () => {
    const check = checkTemplate('blank', '  ', { ...RATE, batch: true });
    expect(check.warnings.map((w) => w.rule)).toEqual(['empty']);
    expect(check.breaksRule).toBe(true);
  });

  it('notes merge fields, whose filled-in length is unknown', () => {
    const check = checkTemplate('merge', 'Dear [Patient Name], your review at <Practice Name> is due.', RATE);
    expect(check.warnings).toEqual([
      {
        rule: 'merge-fields',
        message:
          'Contains merge fields [Patient Name], <Practice Name>: check the length with typical values filled in.',
        reason: expect.stringContaining('merge fields'),
        breaksRule: false,
      },
    ]);
  });

  it.each([-0.01, Number.NaN, Number.POSITIVE_INFINITY])('refuses a cost per fragment of %s', (costPerFragmentGbp) => {
    expect(() => checkTemplate('x', 'Hi', { costPerFragmentGbp })).toThrow(RangeError);
  });

  it('adds VAT at vatRate: 2 fragments × £0.024 × 1.2 = £0.0576', () => {
    const check = checkTemplate('x', 'a'.repeat(161), { costPerFragmentGbp: 0.024, vatRate: 0.2 });
    expect(check.costGbp).toBeCloseTo(0.0576, 10);
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses a VAT rate of %s', (vatRate) => {
    expect(() => checkTemplate('x', 'Hi', { costPerFragmentGbp: 0.024, vatRate })).toThrow(RangeError);
  });
});
