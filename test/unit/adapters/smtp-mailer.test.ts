import { describe, expect, it } from 'vitest';
import { smtpSendError } from '../../../lambdas/adapters/smtp-mailer';

function smtpError(fields: { code?: string; responseCode?: number }): Error {
  return Object.assign(new Error('550 5.1.1 <alpha.surgery@example.org>: Recipient address rejected'), fields);
}

describe('smtpSendError', () => {
  it.each([
    { fields: { code: 'EENVELOPE', responseCode: 450 }, transient: true, says: 'deferred the message with reply 450' },
    { fields: { code: 'EMESSAGE', responseCode: 421 }, transient: true, says: 'deferred the message with reply 421' },
    { fields: { code: 'EENVELOPE', responseCode: 550 }, transient: false, says: 'refused the message with reply 550' },
    { fields: { code: 'EMESSAGE', responseCode: 554 }, transient: false, says: 'refused the message with reply 554' },
    { fields: { code: 'ECONNECTION' }, transient: true, says: 'Could not send through the SMTP relay (ECONNECTION)' },
    { fields: { code: 'ETIMEDOUT' }, transient: true, says: '(ETIMEDOUT)' },
    { fields: { code: 'ESOCKET' }, transient: true, says: '(ESOCKET)' },
    { fields: { code: 'EAUTH', responseCode: undefined }, transient: false, says: 'did not accept the login (EAUTH)' },
    { fields: { code: 'ETLS' }, transient: false, says: 'Check SMTP_URL' },
  ])('treats $fields as transient: $transient', ({ fields, transient, says }) => {
    const error = smtpSendError(smtpError(fields));
    expect(error.transient).toBe(transient);
    expect(error.message).toContain(says);
  });

  it('never repeats the relay reply, which can quote the recipient address', () => {
    expect(smtpSendError(smtpError({ code: 'EENVELOPE', responseCode: 550 })).message).not.toContain('@');
  });

  it('keeps the relay error as the cause', () => {
    const original = smtpError({ code: 'ECONNECTION' });
    expect(smtpSendError(original).cause).toBe(original);
  });
});
