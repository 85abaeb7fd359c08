import { describe, expect, it } from 'vitest';
import type { SmsRuleId } from '../../../../lambdas/core/sms/sms-rules';
import { SMS_RULES } from '../../../../lambdas/core/sms/sms-rules';
import { smsSegments } from '../../../../lambdas/core/sms/sms-segments';

/** Runs one rule on a plain text (lower-cased by hand, as checkTemplate does). */
function fires(id: SmsRuleId, text: string, options: { batch?: boolean; consent?: boolean } = {}): boolean {
  const rule = SMS_RULES.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  const message = rule.test({
    text,
    searchText: text.toLowerCase(),
    segments: smsSegments(text),
    batch: options.batch ?? false,
    consentForSensitive: options.consent ?? false,
  });
  return message !== undefined;
}

const CALL_US = ' Call us on 0113 496 0000.';

describe('SMS_RULES', () => {
  it('gives every rule a one-line reason', () => {
    for (const rule of SMS_RULES) {
      expect(rule.reason).toMatch(/^[A-Z].+\.$/);
      expect(rule.reason).not.toContain('\n');
    }
  });

  it.each([
    { id: 'empty', text: '', expected: true },
    { id: 'empty', text: '  \n ', expected: true },
    { id: 'empty', text: 'Hi', expected: false },
    { id: 'too-long', text: 'a'.repeat(161), expected: true },
    { id: 'too-long', text: 'a'.repeat(160), expected: false },
    { id: 'too-long', text: `’${'a'.repeat(70)}`, expected: true },
    { id: 'too-long', text: `’${'a'.repeat(69)}`, expected: false },
    { id: 'survey', text: 'Please complete our short survey about your visit.', expected: true },
    { id: 'survey', text: 'How did we do? Reply 1 to 5.', expected: true },
    { id: 'survey', text: "We'd value your feedback on the new booking line.", expected: true },
    { id: 'survey', text: 'Friends and Family Test: how likely are you to recommend us?', expected: true },
    { id: 'survey', text: 'Your medication review is due. Please book with the pharmacist.', expected: false },
    { id: 'survey', text: 'Please complete the online form to book your review.', expected: false },
    { id: 'news-or-marketing', text: 'The surgery will be closed on Monday for the bank holiday.', expected: true },
    { id: 'news-or-marketing', text: 'Dr Patel has joined the practice as a salaried GP.', expected: true },
    { id: 'news-or-marketing', text: 'Nurse Jones is leaving the practice after 20 years.', expected: true },
    { id: 'news-or-marketing', text: 'Come to our open day on Saturday.', expected: true },
    { id: 'news-or-marketing', text: 'Join us for a coffee morning in aid of charity.', expected: true },
    { id: 'news-or-marketing', text: 'Our diabetes information event is on 3 June.', expected: true },
    { id: 'news-or-marketing', text: 'Read our latest newsletter online.', expected: true },
    { id: 'news-or-marketing', text: 'We are open 8am to 6.30pm. Call us to book your review.', expected: false },
    { id: 'news-or-marketing', text: 'In the event of an emergency call 999.', expected: false },
    { id: 'news-or-marketing', text: 'You are welcome to bring someone with you.', expected: false },
    { id: 'news-or-marketing', text: 'Your appointment is confirmed for 10:30 on Tuesday.', expected: false },
    { id: 'staff-or-third-party', text: 'Dear colleagues, staff meeting at 1pm in room 2.', expected: true },
    { id: 'staff-or-third-party', text: 'Please check the rota for your shift on Friday.', expected: true },
    { id: 'staff-or-third-party', text: 'Invoice 1234 for May is now overdue.', expected: true },
    { id: 'staff-or-third-party', text: 'Dear care home manager, please send the MAR charts.', expected: true },
    { id: 'staff-or-third-party', text: 'Our staff will call you to arrange a time.', expected: false },
    { id: 'staff-or-third-party', text: 'Your baby is due the rotavirus vaccine.', expected: false },
    { id: 'sensitive-content', text: 'Your results are ready, please call the surgery.', expected: true },
    { id: 'sensitive-content', text: 'Your blood test result is back.', expected: true },
    { id: 'sensitive-content', text: 'Following your diagnosis, please book a review.', expected: true },
    { id: 'sensitive-content', text: 'Your swab came back positive.', expected: true },
    { id: 'sensitive-content', text: 'Your chlamydia test is ready to collect.', expected: true },
    { id: 'sensitive-content', text: 'Please book your cancer care review.', expected: true },
    { id: 'sensitive-content', text: 'As a result, we are changing our phone times.', expected: false },
    { id: 'sensitive-content', text: 'Please return your bowel cancer screening kit.', expected: false },
    { id: 'sensitive-content', text: 'Your asthma review is due. Please book.', expected: false },
  ] satisfies { id: SmsRuleId; text: string; expected: boolean }[])(
    '$id: "$text" fires: $expected',
    ({ id, text, expected }) => {
      expect(fires(id, text)).toBe(expected);
    },
  );

  it('does not flag sensitive content when the patient consented to it', () => {
    expect(fires('sensitive-content', 'Your results are ready, please call.', { consent: true })).toBe(false);
  });

  it.each([
    { text: 'Your flu vaccine is due at the surgery.', expected: true },
    { text: 'Your flu vaccine is due. Please do not reply to this message.', expected: true },
    { text: 'Your flu vaccine is due. Reply STOP to opt out.', expected: false },
    { text: `Your flu vaccine is due.${CALL_US}`, expected: false },
    { text: 'Your flu vaccine is due. Call 01134960000 to book.', expected: false },
    { text: 'Your flu vaccine is due. Book at www.example.org', expected: false },
    { text: 'Your flu vaccine is due. Book at https://example.org/flu', expected: false },
    { text: 'Your flu vaccine is due. Book in the NHS App.', expected: false },
    { text: 'If you no longer wish to receive these messages, tell reception.', expected: false },
    { text: 'Please contact the surgery to book your flu vaccine.', expected: false },
  ])('no-opt-out in a batch message: "$text" fires: $expected', ({ text, expected }) => {
    expect(fires('no-opt-out', text, { batch: true })).toBe(expected);
  });

  it('does not ask for an opt-out in a message to one patient', () => {
    expect(fires('no-opt-out', 'Your flu vaccine is due at the surgery.', { batch: false })).toBe(false);
  });
});
