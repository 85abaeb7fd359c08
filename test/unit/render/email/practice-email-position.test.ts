import { describe, expect, it } from 'vitest';
import { composePracticeEmail, type PracticeEmailInput } from '../../../../lambdas/render/email/compose-practice-email';
import { ALPHA } from './metrics-row';

const LINK = 'https://reports.example-icb.nhs.uk/practice/A81001/2026-10';
const THANKS = 'Thank you: your practice is in decile';

function emailFor(decile: number | undefined, reportingPractices: number) {
  const input: PracticeEmailInput = {
    practice: { practiceCode: 'A81001', practiceName: 'The Old Forge Practice', email: 'forge@example.org' },
    metrics: { ...ALPHA, decile },
    icbName: 'NHS Fixture ICB',
    medianNoPreferencePct: 30,
    reportingPractices,
    period: '2026-10',
    portalLink: LINK,
    contact: { name: 'Sam Patel', email: 'primarycare.data@example.org' },
    attach: false,
  };
  return composePracticeEmail(input);
}

/** The position of `needle` in `haystack`, failing (not -1) when absent, so an order check cannot pass by accident. */
function at(haystack: string, needle: string): number {
  const index = haystack.indexOf(needle);
  expect(index, `"${needle}" is missing`).toBeGreaterThanOrEqual(0);
  return index;
}

describe('the practice email by position in the ICB (24 practices report, unless said)', () => {
  const decile1 = emailFor(1, 24);
  const decile9 = emailFor(9, 24);

  it.each([
    ['decile 1', decile1],
    ['decile 9', decile9],
  ])('%s: one sentence, then the link, before any number', (_, email) => {
    const text = email.text;
    // Greeting, one sentence, the link: lines 1, 3 and 4.
    const lines = text.split('\n');
    expect(lines[0]).toBe('Dear colleagues at The Old Forge Practice,');
    expect(lines[2]).toMatch(/^Your practice's October 2026 report .* with the gap list of patients to ask:$/);
    expect(lines[3]).toBe(LINK);
    expect(at(text, LINK)).toBeLessThan(at(text, 'Registered patients: 11'));
    expect(at(email.html, `href="${LINK}"`)).toBeLessThan(at(email.html, '>11</td>'));
  });

  it('decile 1: told so and thanked, in both parts, with the short to-do list', () => {
    const thanks =
      'Thank you: your practice is in decile 1 of 10 in NHS Fixture ICB, among the fifth of practices with the ' +
      "fewest patients without a recorded preference. The work your team has put in shows, so this month's to-do " +
      'list is short.';
    expect(decile1.text).toContain(`\n${thanks}\n`);
    expect(decile1.html).toContain(`${thanks.replace("month's", 'month&#39;s')}</p>`);
    expect(decile1.text).toContain(
      '- Your position in the ICB: decile 1 of 10 (1 = fewest gaps), among 24 reporting practices\n',
    );
    // Alpha's numbers give 4 steps in full; a leading practice gets who to ask, keep asking, records to fix.
    expect(decile1.text).toMatch(/\n3\. Correct the contact details[^\n]*\n\n/);
    expect(decile1.text).not.toContain('\n4. ');
  });

  it('decile 2 is thanked too; decile 3 is not', () => {
    expect(emailFor(2, 24).text).toContain('Thank you: your practice is in decile 2 of 10');
    expect(emailFor(3, 24).text).not.toContain(THANKS);
  });

  it('decile 9: no thanks, the full to-do list', () => {
    for (const part of [decile9.text, decile9.html]) expect(part).not.toContain(THANKS);
    expect(decile9.text).toContain(
      '- Your position in the ICB: decile 9 of 10 (1 = fewest gaps), among 24 reporting practices\n',
    );
    expect(decile9.text).toMatch(/\n4\. Correct the contact details/);
  });

  it('fewer than 10 practices reporting: says why there is no decile instead of naming one', () => {
    const few = emailFor(undefined, 7);
    const why = 'not shown this month: only 7 practices reported, and a decile needs at least 10 to compare fairly';
    expect(few.text).toContain(`- Your position in the ICB: ${why}\n`);
    expect(few.html).toContain(`>${why}</td>`);
    for (const part of [few.text, few.html]) {
      expect(part).not.toMatch(/decile \d/);
      expect(part).not.toContain(THANKS);
    }
  });
});
