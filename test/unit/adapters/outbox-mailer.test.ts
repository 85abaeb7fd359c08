import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../../lambdas/adapters/outbox-mailer';
import { MailSendError } from '../../../lambdas/core/notify/mail-send-error';
import { addresses, EMAIL } from './mail-fixtures';

describe('OutboxMailer', () => {
  it('writes each email as <reference>.eml, creating the folder', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'pcm-outbox-')), '2026-10', 'outbox');
    const { messageId } = await new OutboxMailer(dir).send(EMAIL);
    expect(await readdir(dir)).toEqual(['A81001-2026-10.eml']);
    const mail = await simpleParser(await readFile(join(dir, 'A81001-2026-10.eml')));
    expect(mail.messageId).toBe(messageId);
    expect(addresses(mail.to)).toEqual(['alpha.surgery@example.org']);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['gap-list-A81001-2026-10.xlsx']);
  });

  it('names the file safely when the reference holds path characters', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcm-outbox-'));
    await new OutboxMailer(dir).send({ ...EMAIL, reference: '../../etc/A81001 2026' });
    expect(await readdir(dir)).toEqual(['etc_A81001_2026.eml']);
  });

  it('reports a folder it cannot write to as a permanent MailSendError that names the folder', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'pcm-outbox-'));
    const blocked = join(parent, 'not-a-folder');
    await writeFile(blocked, 'a file where the folder should be');
    const sending = new OutboxMailer(blocked).send(EMAIL);
    await expect(sending).rejects.toThrow(MailSendError);
    await expect(sending).rejects.toMatchObject({ transient: false, message: expect.stringContaining(blocked) });
  });
});
