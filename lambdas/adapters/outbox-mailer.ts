import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { MailSendError } from '../core/notify/mail-send-error';
import type { Mailer } from '../ports';
import { buildMimeMessage, type ReferencedEmail } from './mime-message';
import { writePrivateFile } from './private-file';

const UNSAFE_FILE_CHARACTERS = /[^A-Za-z0-9._-]+/g;
const LEADING_DOTS = /^[._]+/;

/**
 * Local mode's transport (SPEC §6): each email becomes `<reference>.eml` (e.g. `A81001-2026-10.eml`)
 * in a folder, ready to open in any mail client. Written to a temporary name and renamed, so a
 * half-written file never looks like a sent email.
 */
export class OutboxMailer implements Mailer {
  /** Files in a folder: four practices at a time overlap their ledger round trips (docs/performance.md). */
  readonly parallelSends = 4;

  constructor(private readonly dir: string) {}

  async send(message: ReferencedEmail): Promise<{ messageId: string }> {
    const mime = await buildMimeMessage(message);
    const name = (message.reference ?? mime.messageId).replace(UNSAFE_FILE_CHARACTERS, '_').replace(LEADING_DOTS, '');
    const target = join(this.dir, `${name || 'message'}.eml`);
    try {
      // Private: an email may carry a practice's gap list as an attachment.
      await writePrivateFile(`${target}.tmp`, mime.raw);
      await rename(`${target}.tmp`, target);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new MailSendError(
        `Could not write the email to the outbox folder ${this.dir}${typeof code === 'string' ? ` (${code})` : ''}. ` +
          'Check that the folder can be created and written to, and that the disk is not full.',
        false,
        { cause: error },
      );
    }
    return { messageId: mime.messageId };
  }
}
