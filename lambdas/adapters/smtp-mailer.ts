import nodemailer, { type Transporter } from 'nodemailer';
import { MailSendError } from '../core/notify/mail-send-error';
import type { Mailer } from '../ports';
import { buildMimeMessage, type ReferencedEmail } from './mime-message';

/** Connection problems: the relay may well accept the message on the next try. */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED']);

/**
 * Sends through any SMTP relay given as a URL (`smtp://user:pass@relay:587`, `smtps://…:465`), the
 * raw MIME built once by mime-message. Nodemailer upgrades to STARTTLS when the relay offers it.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(url: string) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: ReferencedEmail): Promise<{ messageId: string }> {
    const mime = await buildMimeMessage(message);
    try {
      await this.transport.sendMail({ envelope: { from: message.from, to: [message.to] }, raw: mime.raw });
    } catch (error) {
      throw smtpSendError(error);
    }
    return { messageId: mime.messageId };
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Our own message (the relay's reply can quote the recipient address): what happened, and
 * whether to try again. RFC 5321: 4yz replies are transient, 5yz permanent.
 */
export function smtpSendError(error: unknown): MailSendError {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const codeText = typeof code === 'string' ? code : undefined;
  const reply = typeof responseCode === 'number' ? responseCode : undefined;
  if (reply !== undefined) {
    const transient = reply >= 400 && reply < 500;
    return new MailSendError(
      `The SMTP relay ${transient ? 'deferred' : 'refused'} the message with reply ${reply}${codeText ? ` (${codeText})` : ''}. ` +
        (transient
          ? 'It will be tried again.'
          : "Check the practice's address in the directory and that the relay accepts mail from the sender address."),
      transient,
      { cause: error },
    );
  }
  if (codeText === 'EAUTH' || codeText === 'ENOAUTH') {
    return new MailSendError(
      `The SMTP relay did not accept the login (${codeText}). Check the user and password in SMTP_URL.`,
      false,
      { cause: error },
    );
  }
  const transient = codeText !== undefined && TRANSIENT_CODES.has(codeText);
  return new MailSendError(
    `Could not send through the SMTP relay (${codeText ?? (error instanceof Error ? error.name : 'unknown error')}). ` +
      (transient ? 'It will be tried again.' : 'Check SMTP_URL (host, port, smtp:// or smtps://) and the relay.'),
    transient,
    { cause: error },
  );
}
