import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors';

/** The optional `--config FILE` of local mode: the same settings the Lambdas take from their environment. */
export interface LocalConfigFile {
  icbName?: string;
  sms?: { costPerFragmentGbp?: number; invitesPerYear?: number; fragmentsPerInvite?: number };
  /** Header → field, for exports whose columns the built-in aliases do not cover (README, "Column mapping"). */
  columnMapping?: { fields?: Record<string, string> };
  suppressSmallNumbers?: boolean;
  senderAddress?: string;
  attachmentDomains?: string[];
  linkExpiryDays?: number;
}

const KNOWN_KEYS = new Set([
  'icbName',
  'sms',
  'columnMapping',
  'suppressSmallNumbers',
  'senderAddress',
  'attachmentDomains',
  'linkExpiryDays',
]);

/** Reads the config file into the environment variables the handlers read (validated by them). */
export async function loadLocalConfig(path: string | undefined): Promise<Record<string, string>> {
  if (!path) return {};
  let parsed: LocalConfigFile;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as LocalConfigFile;
  } catch (error) {
    throw new UsageError(
      `Could not read the config file ${path}: ${error instanceof Error ? error.message : String(error)}. ` +
        'It must be JSON, e.g. {"icbName": "NHS Example ICB"}.',
    );
  }
  const unknown = Object.keys(parsed).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown key(s) in ${path}: ${unknown.join(', ')}. Known keys: ${[...KNOWN_KEYS].join(', ')}.`,
    );
  }
  const env: Record<string, string> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) env[key] = typeof value === 'string' ? value : JSON.stringify(value);
  };
  set('ICB_NAME', parsed.icbName);
  set('SMS_COST_PER_FRAGMENT_GBP', parsed.sms?.costPerFragmentGbp);
  set('SMS_INVITES_PER_YEAR', parsed.sms?.invitesPerYear);
  set('SMS_FRAGMENTS_PER_INVITE', parsed.sms?.fragmentsPerInvite);
  set('COLUMN_MAPPING', parsed.columnMapping);
  set('SUPPRESS_SMALL_NUMBERS', parsed.suppressSmallNumbers);
  set('SENDER_ADDRESS', parsed.senderAddress);
  set('ATTACHMENT_DOMAINS', parsed.attachmentDomains?.join(','));
  set('LINK_EXPIRY_DAYS', parsed.linkExpiryDays);
  return env;
}
