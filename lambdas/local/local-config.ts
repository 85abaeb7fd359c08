import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ConfigError, UsageError } from '../errors';
import { LOCAL_CONFIG_EXPECTED, LOCAL_CONFIG_FILE, type LocalConfigFile } from './local-config-schema';

export type { LocalConfigFile } from './local-config-schema';

/**
 * Reads and checks the config file (every problem in one ConfigError, before any work), then returns
 * its settings as the environment variables the handlers read (where the Lambda's rules check them too).
 */
export async function loadLocalConfig(path: string | undefined): Promise<Record<string, string>> {
  if (!path) return {};
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `Could not read the config file ${path}: ${error instanceof Error ? error.message : String(error)}. ` +
        'It must be JSON, e.g. {"icbName": "NHS Example ICB"}.',
    );
  }
  const checked = LOCAL_CONFIG_FILE.safeParse(json);
  if (!checked.success) {
    throw new ConfigError(
      checked.error.issues.map((issue) => describeIssue(issue, json)),
      `Correct these in the config file ${path} (README, "Column mapping", lists its keys).`,
    );
  }
  return environmentFrom(checked.data);
}

function environmentFrom(file: LocalConfigFile): Record<string, string> {
  const env: Record<string, string> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) env[key] = typeof value === 'string' ? value : JSON.stringify(value);
  };
  set('ICB_NAME', file.icbName);
  set('SMS_COST_PER_FRAGMENT_GBP', file.sms?.costPerFragmentGbp);
  set('SMS_INVITES_PER_YEAR', file.sms?.invitesPerYear);
  set('SMS_FRAGMENTS_PER_INVITE', file.sms?.fragmentsPerInvite);
  set('SMS_VAT_RATE', file.sms?.vatRate);
  set('COLUMN_MAPPING', file.columnMapping);
  set('VALUE_MAPPING', file.valueMapping);
  set('SUPPRESS_SMALL_NUMBERS', file.suppressSmallNumbers);
  set('SENDER_ADDRESS', file.senderAddress);
  // [] means never attach, as in the CDK context (an empty variable would mean the default).
  set('ATTACHMENT_DOMAINS', file.attachmentDomains && (file.attachmentDomains.join(',') || 'none'));
  set('LINK_EXPIRY_DAYS', file.linkExpiryDays);
  return env;
}

/** `sms.invitesPerYear is 1.5: expected a whole number of invitations from 0 to 52.` */
function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path = issue.path.join('.');
  const name = path === '' ? 'The file' : path;
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(LOCAL_CONFIG_EXPECTED).filter(
      (key) => key !== '' && key.split('.').slice(0, -1).join('.') === path,
    );
    return (
      `Unknown key(s) ${path === '' ? 'at the top level' : `in ${path}`}: ${issue.keys.join(', ')}. ` +
      `Known keys: ${known.map((key) => key.split('.').pop()).join(', ')}.`
    );
  }
  // A check's own message (valueMapping's name the field, value and categories) says more than `expected`.
  if (issue.code === 'custom') return issue.message;
  const expected = LOCAL_CONFIG_EXPECTED[path] ?? issue.message;
  return `${name} is ${quote(valueAt(json, issue.path))}: expected ${expected}.`;
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    json,
  );
}

function quote(value: unknown): string {
  const text = value === undefined ? 'missing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
