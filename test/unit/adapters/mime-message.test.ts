import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMimeMessage } from '../../../lambdas/adapters/mime-message';
import { addresses, EMAIL, header } from './mail-fixtures';

describe('buildMimeMessage', () => {
  it('builds a message that a mail client reads back: addresses, subject, text, HTML and the attachment', async () => {
    const { raw } = await buildMimeMessage(EMAIL, new Date('2026-11-03T09:00:00Z'));
    const mail = await simpleParser(raw);
    expect(addresses(mail.from)).toEqual(['pcm-reports@example.org']);
    expect(addresses(mail.to)).toEqual(['alpha.surgery@example.org']);
    expect(mail.subject).toBe('Alpha Surgery: patient communication preferences, October 2026');
    expect(mail.text).toBe('Registered patients: 11\nEstimated cost: £0.10\n');
    expect(mail.html).toContain('<p>Registered patients: 11</p>');
    expect(mail.date?.toISOString()).toBe('2026-11-03T09:00:00.000Z');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, [...a.content]])).toEqual([
      [
        'gap-list-A81001-2026-10.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00],
      ],
    ]);
  });

  it('returns the Message-ID it wrote, and carries the reference in a header', async () => {
    const { raw, messageId } = await buildMimeMessage(EMAIL);
    const mail = await simpleParser(raw);
    expect(messageId).toMatch(/^<[^<>@\s]+@example\.org>$/);
    expect(mail.messageId).toBe(messageId);
    expect(header(mail, 'X-PCM-Reference')).toBe('A81001-2026-10');
  });

  it('puts the text and HTML side by side as alternatives, and names no mailer software', async () => {
    const text = (await buildMimeMessage({ ...EMAIL, attachments: undefined })).raw.toString('utf8');
    expect(text).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(text).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
    expect(text).toMatch(/^Content-Type: text\/html; charset=utf-8/m);
    expect(text).not.toMatch(/^X-Mailer:/im);
  });

  it('keeps a subject with a line break on one header line', async () => {
    const { raw } = await buildMimeMessage({ ...EMAIL, subject: 'Alpha\r\nBcc: someone@example.com' });
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(header(mail, 'bcc')).toBeUndefined();
  });
});
