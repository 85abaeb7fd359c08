import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lambdas/errors';
import { LINK_EXPIRY_DAYS_DEPRECATION, loadNotifyConfig } from '../../lambdas/notify-config';

const PORTAL = { PORTAL_BASE_URL: 'https://reports.example.org' };

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
  it('defaults to the outbox, the example sender, nhs.net attachments and no named contact', () => {
    expect(loadNotifyConfig({ ...PORTAL, OUTBOX_DIR: 'out/2026-10/outbox' })).toEqual({
      transport: 'outbox',
      smtpUrl: undefined,
      outboxDir: 'out/2026-10/outbox',
      sesConfigurationSet: undefined,
      sesRegion: undefined,
      senderAddress: 'pcm-reports@example.org',
      attachmentDomains: ['nhs.net'],
      portalBaseUrl: 'https://reports.example.org',
      icbContactName: undefined,
      icbContactEmail: undefined,
      deprecations: [],
    });
  });

  it('reads an SMTP relay', () => {
    const config = loadNotifyConfig({
      ...PORTAL,
      MAIL_TRANSPORT: 'SMTP',
      SMTP_URL: 'smtp://user:secret@relay.example.org:587',
    });
    expect(config.transport).toBe('smtp');
    expect(config.smtpUrl).toBe('smtp://user:secret@relay.example.org:587');
  });

  it('reads SES with its sender and configuration set', () => {
    const config = loadNotifyConfig({
      ...PORTAL,
      MAIL_TRANSPORT: 'ses',
      SENDER_ADDRESS: 'reports@example.org',
      SES_CONFIGURATION_SET: 'pcm',
      SES_REGION: 'eu-west-1',
      ATTACHMENT_DOMAINS: 'nhs.net, @Example.NHS.uk',
      ICB_CONTACT_NAME: ' Sam Patel ',
      ICB_CONTACT_EMAIL: 'primarycare.data@example.org',
    });
    expect(config).toMatchObject({
      transport: 'ses',
      senderAddress: 'reports@example.org',
      sesConfigurationSet: 'pcm',
      sesRegion: 'eu-west-1',
      attachmentDomains: ['nhs.net', 'example.nhs.uk'],
      icbContactName: 'Sam Patel',
      icbContactEmail: 'primarycare.data@example.org',
    });
  });

  it('accepts LINK_EXPIRY_DAYS from an existing deployment with a deprecation, whatever its value', () => {
    for (const days of ['3', '30']) {
      const config = loadNotifyConfig({ ...PORTAL, OUTBOX_DIR: 'o', LINK_EXPIRY_DAYS: days });
      expect(config.deprecations).toEqual([LINK_EXPIRY_DAYS_DEPRECATION]);
      expect(config).not.toHaveProperty('linkExpiryDays');
    }
  });

  it.each([
    ['https://reports.example.org/', 'https://reports.example.org'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:9000/', 'http://localhost:9000'],
  ])('reads the portal address %s as %s', (raw, origin) => {
    expect(loadNotifyConfig({ OUTBOX_DIR: 'o', PORTAL_BASE_URL: raw }).portalBaseUrl).toBe(origin);
  });

  it('never attaches with ATTACHMENT_DOMAINS=none', () => {
    expect(loadNotifyConfig({ ...PORTAL, OUTBOX_DIR: 'o', ATTACHMENT_DOMAINS: 'none' }).attachmentDomains).toEqual([]);
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
      env: { OUTBOX_DIR: 'o', PORTAL_BASE_URL: '' },
      problem: 'PORTAL_BASE_URL is not set: expected a non-empty value.',
    },
    ...['http://reports.example.org', 'https://reports.example.org/practice', 'file:///tmp/x', 'not a url'].map(
      (url) => ({
        env: { OUTBOX_DIR: 'o', PORTAL_BASE_URL: url },
        problem:
          `PORTAL_BASE_URL is "${url}": expected the report portal's https:// address with no path, e.g. ` +
          'https://reports.example.nhs.uk (http:// only on 127.0.0.1, for local mode).',
      }),
    ),
    {
      env: { OUTBOX_DIR: 'o', ICB_CONTACT_EMAIL: 'sam' },
      problem:
        'ICB_CONTACT_EMAIL is "sam": expected the email address practices reply to, such as primarycare.data@example.nhs.uk.',
    },
    {
      env: { OUTBOX_DIR: 'o', ATTACHMENT_DOMAINS: 'nhs.net,not a domain,localhost' },
      problem:
        'ATTACHMENT_DOMAINS has "not a domain", "localhost": expected domain names separated by commas, e.g. ' +
        'nhs.net,example.nhs.uk (or "none" to never attach).',
    },
  ])('rejects $env', ({ env, problem }) => {
    expect(problemsOf({ ...PORTAL, ...env })).toEqual([problem]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ MAIL_TRANSPORT: 'smtp', ICB_CONTACT_EMAIL: 'ten', ATTACHMENT_DOMAINS: 'x' })).toHaveLength(4);
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
