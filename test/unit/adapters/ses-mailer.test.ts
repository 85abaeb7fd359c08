import type { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { SesMailer, sesSendError } from '../../../lambdas/adapters/ses-mailer';
import { MailSendError } from '../../../lambdas/core/notify/mail-send-error';
import { addresses, EMAIL } from './mail-fixtures';

/** An SES client that keeps each command and answers with `reply`. */
function fakeSes(reply: () => Promise<unknown>) {
  const commands: SendEmailCommand[] = [];
  const client = {
    send: (command: SendEmailCommand) => {
      commands.push(command);
      return reply();
    },
  } as unknown as SESv2Client;
  return { client, commands };
}

function awsError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} from the service, about alpha.surgery@example.org`), { name, ...extra });
}

describe('SesMailer', () => {
  it('sends the raw MIME message with SES v2 and returns the SES message id', async () => {
    const ses = fakeSes(async () => ({ MessageId: '0102019a-ses-id' }));
    const result = await new SesMailer(ses.client, { configurationSet: 'pcm-reports' }).send(EMAIL);
    expect(result).toEqual({ messageId: '0102019a-ses-id' });
    expect(ses.commands).toHaveLength(1);
    const input = ses.commands[0]?.input;
    expect(input?.FromEmailAddress).toBe('pcm-reports@example.org');
    expect(input?.Destination).toEqual({ ToAddresses: ['alpha.surgery@example.org'] });
    expect(input?.ConfigurationSetName).toBe('pcm-reports');
    const mail = await simpleParser(Buffer.from(input?.Content?.Raw?.Data ?? new Uint8Array()));
    expect(addresses(mail.to)).toEqual(['alpha.surgery@example.org']);
    expect(mail.subject).toBe(EMAIL.subject);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['gap-list-A81001-2026-10.xlsx']);
  });

  it('wraps an SES error in our own message, without the address the service quoted', async () => {
    const ses = fakeSes(async () => {
      throw awsError('MessageRejected', { $metadata: { httpStatusCode: 400 } });
    });
    const sending = new SesMailer(ses.client).send(EMAIL);
    await expect(sending).rejects.toThrow(MailSendError);
    await expect(sending).rejects.toMatchObject({ transient: false });
    await expect(sending).rejects.not.toThrow(/example\.org/);
  });
});

describe('sesSendError', () => {
  it.each([
    { name: 'TooManyRequestsException', extra: { $metadata: { httpStatusCode: 429 } }, transient: true },
    { name: 'LimitExceededException', extra: { $metadata: { httpStatusCode: 400 } }, transient: true },
    { name: 'InternalFailure', extra: { $metadata: { httpStatusCode: 500 } }, transient: true },
    { name: 'SomethingNew', extra: { $metadata: { httpStatusCode: 503 } }, transient: true },
    { name: 'SomethingRetryable', extra: { $retryable: {}, $metadata: { httpStatusCode: 400 } }, transient: true },
    { name: 'ECONNRESET', extra: {}, transient: true },
    { name: 'MessageRejected', extra: { $metadata: { httpStatusCode: 400 } }, transient: false },
    { name: 'MailFromDomainNotVerifiedException', extra: { $metadata: { httpStatusCode: 400 } }, transient: false },
    { name: 'AccountSuspendedException', extra: { $metadata: { httpStatusCode: 400 } }, transient: false },
    { name: 'BadRequestException', extra: { $metadata: { httpStatusCode: 400 } }, transient: false },
  ])('treats $name as transient: $transient', ({ name, extra, transient }) => {
    const error = sesSendError(awsError(name, extra));
    expect(error.transient).toBe(transient);
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('@');
  });

  it('says what to do about an unverified sender', () => {
    expect(
      sesSendError(awsError('MailFromDomainNotVerifiedException', { $metadata: { httpStatusCode: 400 } })).message,
    ).toBe(
      'SES did not send the message (MailFromDomainNotVerifiedException, HTTP 400). The sender domain is not verified in SES: verify it, or change SENDER_ADDRESS.',
    );
  });
});
