import { ConfigCheck } from './config';
import { normaliseDomain } from './core/notify/attachment-allowed';
import { isDomainName } from './core/values/domain-name';
import { SETTING_DEFAULTS } from './defaults';
import { ConfigError } from './errors';
import { SETTING_RULES } from './settings/setting-rules';

/** How practice emails leave: SES v2 in AWS, any SMTP relay, or `.eml` files in a folder (local default). */
export type MailTransport = 'ses' | 'smtp' | 'outbox';

export interface NotifyConfig {
  transport: MailTransport;
  /** `smtp://` or `smtps://` URL of the relay (MAIL_TRANSPORT=smtp); may hold credentials, never logged. */
  smtpUrl?: string;
  /** Folder for `.eml` files (MAIL_TRANSPORT=outbox). */
  outboxDir?: string;
  /** Optional SES configuration set (event publishing, dedicated IPs). */
  sesConfigurationSet?: string;
  /** The SES region when it differs from the stack's (AWS_REGION). */
  sesRegion?: string;
  /** The From address; with SES it must be a verified identity. */
  senderAddress: string;
  /** Recipient domains that may receive the gap list as an attachment (lower case). */
  attachmentDomains: string[];
  /** How long the gap list link works: 1–7 days (7 is the most an S3 presigned URL allows). */
  linkExpiryDays: number;
}

const TRANSPORTS: readonly MailTransport[] = ['ses', 'smtp', 'outbox'];
const WHERE =
  'Set these as Lambda environment variables (cdk.json context when deployed), in your shell, or in the --config file for local runs.';

/**
 * Reads the email settings once, at the edge: MAIL_TRANSPORT (ses | smtp | outbox, default outbox),
 * SMTP_URL, OUTBOX_DIR, SES_CONFIGURATION_SET, SES_REGION, SENDER_ADDRESS (default pcm-reports@example.org, but
 * required with SES), ATTACHMENT_DOMAINS (comma-separated, default nhs.net; `none` for no
 * attachments) and LINK_EXPIRY_DAYS (1–7, default 7; the rule in settings/setting-rules.ts). Every problem is listed in one ConfigError.
 */
export function loadNotifyConfig(env: Readonly<Record<string, string | undefined>>): Readonly<NotifyConfig> {
  const check = new ConfigCheck(env, WHERE);
  const problems: string[] = [];

  const rawTransport = (env.MAIL_TRANSPORT?.trim() || 'outbox').toLowerCase();
  const transport = TRANSPORTS.find((t) => t === rawTransport);
  if (!transport) problems.push(`MAIL_TRANSPORT is "${env.MAIL_TRANSPORT?.trim()}": expected ses, smtp or outbox.`);

  let smtpUrl: string | undefined;
  if (transport === 'smtp') {
    smtpUrl = check.text('SMTP_URL');
    if (smtpUrl && !isSmtpUrl(smtpUrl)) {
      // Never echo the value: it may hold the relay's password.
      problems.push(
        'SMTP_URL is not an smtp:// or smtps:// URL: expected e.g. smtp://user:password@relay.example.org:587.',
      );
    }
  }
  const outboxDir = transport === 'outbox' ? check.text('OUTBOX_DIR') : undefined;

  const senderAddress =
    transport === 'ses' && !env.SENDER_ADDRESS?.trim()
      ? check.text('SENDER_ADDRESS') // SES only sends from a verified identity: no placeholder default.
      : check.ruled('SENDER_ADDRESS', SETTING_RULES.senderAddress, SETTING_DEFAULTS.senderAddress);

  const attachmentDomains = attachmentDomainsFrom(
    check.list('ATTACHMENT_DOMAINS', [...SETTING_DEFAULTS.attachmentDomains]),
  );
  const badDomains = attachmentDomains.filter((d) => !isDomainName(d));
  if (badDomains.length > 0) {
    problems.push(
      `ATTACHMENT_DOMAINS has ${badDomains.map((d) => `"${d}"`).join(', ')}: expected domain names separated by ` +
        'commas, e.g. nhs.net,example.nhs.uk (or "none" to never attach).',
    );
  }

  const config = {
    transport: transport ?? 'outbox',
    smtpUrl,
    outboxDir,
    sesConfigurationSet: check.optionalText('SES_CONFIGURATION_SET'),
    sesRegion: check.optionalText('SES_REGION'),
    senderAddress,
    attachmentDomains,
    linkExpiryDays: check.ruled('LINK_EXPIRY_DAYS', SETTING_RULES.linkExpiryDays, SETTING_DEFAULTS.linkExpiryDays),
  };
  let checked: Readonly<NotifyConfig>;
  try {
    checked = check.done(config);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError([...error.problems, ...problems], WHERE);
    throw error;
  }
  if (problems.length > 0) throw new ConfigError(problems, WHERE);
  return checked;
}

function attachmentDomainsFrom(entries: string[]): string[] {
  if (entries.length === 1 && entries[0] === 'none') return [];
  return entries.map(normaliseDomain);
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}
