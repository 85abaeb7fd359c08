import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingEmail } from '../ports';

/**
 * An email with an optional reference: a stable, non-personal id such as `A81001-2026-10` that the
 * outbox uses as the file name and every transport carries in an `X-PCM-Reference` header, so a
 * message can be traced to its practice and period without reading it.
 */
export type ReferencedEmail = OutgoingEmail & { reference?: string };

export interface MimeMessage {
  /** The whole RFC 5322 message: headers, a plain-text and an HTML part, and any attachments. */
  raw: Buffer;
  /** The Message-ID header, with its angle brackets. */
  messageId: string;
}

/**
 * Builds the raw MIME message once, with nodemailer's MailComposer, so that SES, SMTP and the
 * outbox send byte-for-byte the same thing (multipart/alternative text + HTML, UTF-8, quoted-printable).
 */
export async function buildMimeMessage(message: ReferencedEmail, date?: Date): Promise<MimeMessage> {
  const node = new MailComposer({
    from: message.from,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
    date,
    textEncoding: 'quoted-printable',
    xMailer: false,
    headers: message.reference ? { 'X-PCM-Reference': message.reference } : undefined,
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
      contentType: a.contentType,
    })),
    // The message is built from our own values only: never let a value make nodemailer read a file or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  const messageId = node.messageId();
  return { raw: await node.build(), messageId };
}
