import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lambdas/errors';
import { loadNotifyConfig } from '../../lambdas/notify-config';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadNotifyConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadNotifyConfig', () => {
  it('defaults to the outbox, the example sender, nhs.net attachments and 7-day links', () => {
    expect(loadNotifyConfig({ OUTBOX_DIR: 'out/2026-10/outbox' })).toEqual({
      transport: 'outbox',
      smtpUrl: undefined,
      outboxDir: 'out/2026-10/outbox',
      sesConfigurationSet: undefined,
      sesRegion: undefined,
      senderAddress: 'pcm-reports@example.org',
      attachmentDomains: ['nhs.net'],
      linkExpiryDays: 7,
    });
  });

  it('reads an SMTP relay', () => {
    const config = loadNotifyConfig({ MAIL_TRANSPORT: 'SMTP', SMTP_URL: 'smtp://user:secret@relay.example.org:587' });
    expect(config.transport).toBe('smtp');
    expect(config.smtpUrl).toBe('smtp://user:secret@relay.example.org:587');
  });

  it('reads SES with its sender and configuration set', () => {
    const config = loadNotifyConfig({
      MAIL_TRANSPORT: 'ses',
      SENDER_ADDRESS: 'reports@example.org',
      SES_CONFIGURATION_SET: 'pcm',
      SES_REGION: 'eu-west-1',
      ATTACHMENT_DOMAINS: 'nhs.net, @Example.NHS.uk',
      LINK_EXPIRY_DAYS: '3',
    });
    expect(config).toMatchObject({
      transport: 'ses',
      senderAddress: 'reports@example.org',
      sesConfigurationSet: 'pcm',
      sesRegion: 'eu-west-1',
      attachmentDomains: ['nhs.net', 'example.nhs.uk'],
      linkExpiryDays: 3,
    });
  });

  it('never attaches with ATTACHMENT_DOMAINS=none', () => {
    expect(loadNotifyConfig({ OUTBOX_DIR: 'o', ATTACHMENT_DOMAINS: 'none' }).attachmentDomains).toEqual([]);
  });

  it.each([
    { env: { MAIL_TRANSPORT: 'pigeon' }, problem: 'MAIL_TRANSPORT is "pigeon": expected ses, smtp or outbox.' },
    { env: { MAIL_TRANSPORT: 'smtp' }, problem: 'SMTP_URL is not set: expected a non-empty value.' },
    {
      env: { MAIL_TRANSPORT: 'smtp', SMTP_URL: 'http://relay.example.org' },
      problem: 'SMTP_URL is not an smtp:// or smtps:// URL: expected e.g. smtp://user:password@relay.example.org:587.',
    },
    { env: { MAIL_TRANSPORT: 'outbox' }, problem: 'OUTBOX_DIR is not set: expected a non-empty value.' },
    { env: { MAIL_TRANSPORT: 'ses' }, problem: 'SENDER_ADDRESS is not set: expected a non-empty value.' },
    {
      env: { OUTBOX_DIR: 'o', SENDER_ADDRESS: 'reports' },
      problem: 'SENDER_ADDRESS is "reports": expected an email address such as reports@example.nhs.uk.',
    },
    {
      env: { OUTBOX_DIR: 'o', LINK_EXPIRY_DAYS: '8' },
      problem:
        'LINK_EXPIRY_DAYS is "8": expected a whole number of days from 1 to 7 (S3 presigned links signed with SigV4 cannot last longer than 7 days).',
    },
    {
      env: { OUTBOX_DIR: 'o', LINK_EXPIRY_DAYS: '0' },
      problem:
        'LINK_EXPIRY_DAYS is "0": expected a whole number of days from 1 to 7 (S3 presigned links signed with SigV4 cannot last longer than 7 days).',
    },
    {
      env: { OUTBOX_DIR: 'o', ATTACHMENT_DOMAINS: 'nhs.net,not a domain,localhost' },
      problem:
        'ATTACHMENT_DOMAINS has "not a domain", "localhost": expected domain names separated by commas, e.g. ' +
        'nhs.net,example.nhs.uk (or "none" to never attach).',
    },
  ])('rejects $env', ({ env, problem }) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ MAIL_TRANSPORT: 'smtp', LINK_EXPIRY_DAYS: 'ten', ATTACHMENT_DOMAINS: 'x' })).toHaveLength(3);
  });

  it('never repeats an SMTP_URL, which may hold a password', () => {
    expect(() => loadNotifyConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'ftp://user:s3cret@relay' })).toThrow(
      ConfigError,
    );
    expect(problemsOf({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'ftp://user:s3cret@relay' }).join(' ')).not.toContain(
      's3cret',
    );
  });
});
