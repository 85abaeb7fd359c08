import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { MailSendError } from '../core/notify/mail-send-error';
import type { Mailer } from '../ports';
import { buildMimeMessage, type ReferencedEmail } from './mime-message';

/** SES errors that a later attempt can get past (throttling, service trouble). */
const TRANSIENT_NAMES = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ThrottlingException',
  'TimeoutError',
  'RequestTimeout',
]);

/** What to do about SES errors that retrying will not fix. */
const PERMANENT_HINTS: Readonly<Record<string, string>> = {
  MessageRejected: 'SES rejected the message: check the recipient address in the practice directory.',
  MailFromDomainNotVerifiedException: 'The sender domain is not verified in SES: verify it, or change SENDER_ADDRESS.',
  AccountSuspendedException: 'The SES account is suspended from sending: see the SES console (reputation dashboard).',
  SendingPausedException: 'Sending is paused for this SES account or configuration set: resume it in the SES console.',
  NotFoundException:
    'SES could not find the sender identity or configuration set: check SENDER_ADDRESS and SES_CONFIGURATION_SET.',
  BadRequestException:
    'SES refused the request: check SENDER_ADDRESS is a verified identity (and, in the SES sandbox, the recipient too).',
};

/**
 * Sends with SES v2 `SendEmail` and `Content.Raw`: the same MIME bytes as the other transports,
 * which is what lets the gap list travel as an attachment. Returns the SES message id.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly options: { configurationSet?: string } = {},
  ) {}

  async send(message: ReferencedEmail): Promise<{ messageId: string }> {
    const mime = await buildMimeMessage(message);
    try {
      const result = await this.ses.send(
        new SendEmailCommand({
          FromEmailAddress: message.from,
          Destination: { ToAddresses: [message.to] },
          Content: { Raw: { Data: mime.raw } },
          ConfigurationSetName: this.options.configurationSet,
        }),
      );
      return { messageId: result.MessageId ?? mime.messageId };
    } catch (error) {
      throw sesSendError(error);
    }
  }
}

/** Our own message and whether to try again; the SDK error is kept as the cause. */
export function sesSendError(error: unknown): MailSendError {
  const { name, $retryable, $metadata } = (error ?? {}) as {
    name?: unknown;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  const errorName = typeof name === 'string' ? name : 'UnknownError';
  const status = $metadata?.httpStatusCode;
  // No HTTP status at all means the request never got an answer (a network error): worth another try.
  const transient =
    TRANSIENT_NAMES.has(errorName) ||
    Boolean($retryable) ||
    (status !== undefined && status >= 500) ||
    ($metadata === undefined && !(errorName in PERMANENT_HINTS));
  const hint =
    PERMANENT_HINTS[errorName] ?? (transient ? 'It will be tried again.' : 'See the SES documentation for this error.');
  return new MailSendError(
    `SES did not send the message (${errorName}${status ? `, HTTP ${status}` : ''}). ${hint}`,
    transient,
    {
      cause: error,
    },
  );
}
