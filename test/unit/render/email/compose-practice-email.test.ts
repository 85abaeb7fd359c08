import { describe, expect, it } from 'vitest';
import { composePracticeEmail, type PracticeEmailInput } from '../../../../lambdas/render/email/compose-practice-email';
import { ALPHA, metricsRow } from './metrics-row';

const LINK = 'https://reports.example-icb.nhs.uk/practice/A81001/2026-10';

const input: PracticeEmailInput = {
  practice: {
    practiceCode: 'A81001',
    practiceName: 'Alpha Surgery',
    pcn: 'North PCN',
    clinicalSystem: 'SystmOne',
    email: 'alpha.surgery@example.org',
  },
  metrics: ALPHA,
  icbName: 'NHS Fixture ICB',
  medianNoPreferencePct: 38.18181818,
  reportingPractices: 24,
  period: '2026-10',
  portalLink: LINK,
  contact: { name: 'Sam Patel, Primary Care Data Team', email: 'primarycare.data@example.org' },
  attach: false,
};

describe('composePracticeEmail', () => {
  const email = composePracticeEmail(input);

  it('names the practice and the month in the subject', () => {
    expect(email.subject).toBe('Alpha Surgery: patient communication preferences, October 2026');
  });

  it.each([
    'Registered patients: 11',
    'No recorded preference: 4 (36.4%)',
    'Change since September 2026: down 13.6 percentage points (the gap is closing)',
    'Your position in the ICB: decile 5 of 10 (1 = fewest gaps), among 24 reporting practices',
    'ICB median, no recorded preference: 38.2%',
    'Would be sent SMS by default (no preference, a mobile, SMS consent not withdrawn): 2',
    'On a QOF register with no recorded preference: 2 of 4 (50.0%)',
    'Accessible information need with no recorded preference: 1',
    'Estimated yearly SMS cost of QOF invitations sent by default: £0.10',
  ])('gives the headline number "%s" in the plain text', (line) => {
    expect(email.text).toContain(`- ${line}\n`);
  });

  it('shows the same numbers in the HTML table, each under a row header', () => {
    expect(email.html).toContain('<th scope="row"');
    for (const value of [
      '>11</td>',
      '>4 (36.4%)</td>',
      '>decile 5 of 10 (1 = fewest gaps), among 24 reporting practices</td>',
      '>2 of 4 (50.0%)</td>',
    ]) {
      expect(email.html).toContain(value);
    }
  });

  it('starts the next steps with the QOF patients who have an accessible information need', () => {
    expect(email.text).toContain(
      '1. Start at the top of the "No preference" sheet: patients on a QOF register who also have an accessible information need come first.',
    );
  });

  it('links to the practice page of the portal, which does not expire', () => {
    expect(email.text).toContain(`\n${LINK}\n`);
    expect(email.html).toContain(`href="${LINK}"`);
    expect(email.text).toContain('does not expire');
    expect(`${email.text}${email.html}`).not.toContain('X-Amz-Signature');
  });

  it("greets the practice's colleagues by the practice name", () => {
    const forge = composePracticeEmail({
      ...input,
      practice: { ...input.practice, practiceName: 'The Old Forge Practice' },
    });
    for (const part of [forge.text, forge.html]) expect(part).toContain('Dear colleagues at The Old Forge Practice,');
    expect(forge.text.startsWith('Dear colleagues at The Old Forge Practice,\n\n')).toBe(true);
  });

  it('says which export the numbers come from, in the table caption rather than before the link', () => {
    const caption = 'Alpha Surgery (A81001), October 2026, from your SystmOne export of 31 October 2026';
    expect(email.text).toContain(`\n${caption}:\n- Registered patients: 11\n`);
    expect(email.html).toContain(`>${caption}</caption>`);
  });

  it('names the ICB contact, says a reply reaches them, and signs off with their name', () => {
    const line =
      'Questions about your numbers or the gap list, or no report portal account yet? Reply to this email: it goes ' +
      'to Sam Patel, Primary Care Data Team at NHS Fixture ICB (primarycare.data@example.org).';
    expect(email.text).toContain(
      `QUESTIONS\n${line}\n\nKind regards,\nSam Patel, Primary Care Data Team\nNHS Fixture ICB\n`,
    );
    expect(email.html).toContain(`>${line}</p>`);
    const unnamed = composePracticeEmail({ ...input, contact: {} });
    expect(unnamed.text).toContain(
      'or no report portal account yet? Contact the primary care team at NHS Fixture ICB.',
    );
    expect(unnamed.text).toContain('Kind regards,\nNHS Fixture ICB\n');
  });

  it('says the gap list is OFFICIAL-SENSITIVE and how to record a preference', () => {
    for (const part of [email.text, email.html]) {
      expect(part).toContain('The gap list is OFFICIAL-SENSITIVE.');
      expect(part).toContain('Communication preferences');
      expect(part).toContain('SystmOne');
      expect(part).toContain('EMIS Web');
    }
  });

  it('mentions the attachment only when the gap list is attached', () => {
    expect(email.text).not.toContain('also attached');
    expect(composePracticeEmail({ ...input, attach: true }).text).toContain('The gap list is also attached');
  });

  it('writes accessible HTML: language, headings, a captioned table with header scopes, inline styles, no images', () => {
    const { html } = email;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html.match(/<h2[ >]/g)).toHaveLength(4);
    expect(html).toContain('<caption');
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img|<style|class=|<script/i);
  });

  it('escapes a practice name that holds markup, in every place it appears in the HTML', () => {
    const hostile = composePracticeEmail({
      ...input,
      practice: { ...input.practice, practiceName: '<script>alert("x")</script> & Sons' },
    });
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(hostile.subject).toBe('<script>alert("x")</script> & Sons: patient communication preferences, October 2026');
  });

  it('escapes an ICB name with quotes and angle brackets', () => {
    const html = composePracticeEmail({ ...input, icbName: 'NHS "Fixture" <ICB>' }).html;
    expect(html).toContain('NHS &quot;Fixture&quot; &lt;ICB&gt;');
    expect(html).not.toContain('<ICB>');
  });

  it('contains no NHS number or other ten-digit number', () => {
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(/\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/);
    }
  });

  it('leaves out the change when the practice did not report last month', () => {
    const first = composePracticeEmail({ ...input, metrics: { ...ALPHA, change_pct_points: undefined } });
    expect(first.text).not.toContain('Change since');
    expect(first.html).not.toContain('Change since');
  });

  it('writes large counts with thousands separators', () => {
    const big = composePracticeEmail({
      ...input,
      metrics: metricsRow({
        practice_code: 'A81001',
        registered: 12_408,
        no_preference: 1_204,
        no_preference_pct: 9.7033,
      }),
    });
    expect(big.text).toContain('- Registered patients: 12,408\n');
    expect(big.text).toContain('- No recorded preference: 1,204 (9.7%)\n');
  });

  it('puts each line break or run of spaces in a practice name as one space', () => {
    const email2 = composePracticeEmail({
      ...input,
      practice: { ...input.practice, practiceName: 'Alpha\r\n  Surgery' },
    });
    expect(email2.subject).toBe('Alpha Surgery: patient communication preferences, October 2026');
    expect(email2.text).toContain('Dear colleagues at Alpha Surgery,');
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'file:///home/me/gap-list.xlsx', 'not a url'])(
    'refuses the link %s',
    (portalLink) => {
      expect(() => composePracticeEmail({ ...input, portalLink })).toThrow(/expected an https:\/\//);
    },
  );

  it("accepts the local portal's http://127.0.0.1 link", () => {
    const local = composePracticeEmail({ ...input, portalLink: 'http://127.0.0.1:8787/practice/A81001/2026-10' });
    expect(local.text).toContain('\nhttp://127.0.0.1:8787/practice/A81001/2026-10\n');
  });
});
