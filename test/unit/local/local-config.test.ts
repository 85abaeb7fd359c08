import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../../lambdas/errors';
import { loadLocalConfig } from '../../../lambdas/local/local-config';
import { LOCAL_CONFIG_EXPECTED, LOCAL_CONFIG_FILE } from '../../../lambdas/local/local-config-schema';

async function configFile(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'pcm-config-')), 'settings.json');
  await writeFile(path, text);
  return path;
}

async function problemsOf(text: string): Promise<string[]> {
  try {
    await loadLocalConfig(await configFile(text));
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadLocalConfig', () => {
  it('returns no settings without a file', async () => {
    expect(await loadLocalConfig(undefined)).toEqual({});
  });

  it('turns each key into the environment variable the Lambdas read', async () => {
    const path = await configFile(
      JSON.stringify({
        icbName: 'NHS Example North ICB',
        sms: { costPerFragmentGbp: 0.0275, invitesPerYear: 3, fragmentsPerInvite: 2, vatRate: 0 },
        columnMapping: { fields: { 'Pt Mob': 'mobile' } },
        valueMapping: { preferredContactMethod: { 'Txt msg': 'sms' } },
        suppressSmallNumbers: true,
        senderAddress: 'reports@example.org',
        attachmentDomains: ['nhs.net', 'example.nhs.uk'],
        linkExpiryDays: 3,
      }),
    );
    expect(await loadLocalConfig(path)).toEqual({
      ICB_NAME: 'NHS Example North ICB',
      SMS_COST_PER_FRAGMENT_GBP: '0.0275',
      SMS_INVITES_PER_YEAR: '3',
      SMS_FRAGMENTS_PER_INVITE: '2',
      SMS_VAT_RATE: '0',
      COLUMN_MAPPING: '{"fields":{"Pt Mob":"mobile"}}',
      VALUE_MAPPING: '{"preferredContactMethod":{"Txt msg":"sms"}}',
      SUPPRESS_SMALL_NUMBERS: 'true',
      SENDER_ADDRESS: 'reports@example.org',
      ATTACHMENT_DOMAINS: 'nhs.net,example.nhs.uk',
      LINK_EXPIRY_DAYS: '3',
    });
  });

  it('reads attachmentDomains [] as never attach, as the CDK context does', async () => {
    expect(await loadLocalConfig(await configFile('{"attachmentDomains": []}'))).toEqual({
      ATTACHMENT_DOMAINS: 'none',
    });
  });

  it('names every wrong key, what it holds and what was expected, before any work', async () => {
    expect(
      await problemsOf(
        JSON.stringify({
          icbNmae: 'typo',
          sms: { invitesPerYear: 1.5, fragmentsPerInvite: '2', costPerFragment: 0.03 },
          suppressSmallNumbers: 'yes',
          linkExpiryDays: 8,
        }),
      ),
    ).toEqual([
      'sms.invitesPerYear is 1.5: expected a whole number of invitations from 0 to 52.',
      'sms.fragmentsPerInvite is "2": expected a whole number of fragments from 1 to 10.',
      'Unknown key(s) in sms: costPerFragment. Known keys: costPerFragmentGbp, invitesPerYear, fragmentsPerInvite, vatRate.',
      'suppressSmallNumbers is "yes": expected true or false.',
      'linkExpiryDays is 8: expected a whole number of days from 1 to 7 (S3 presigned links signed with SigV4 cannot last longer than 7 days).',
      'Unknown key(s) at the top level: icbNmae. Known keys: icbName, sms, columnMapping, valueMapping, suppressSmallNumbers, senderAddress, attachmentDomains, linkExpiryDays.',
    ]);
  });

  it('names the field, value and allowed categories of a wrong valueMapping', async () => {
    expect(
      await problemsOf(JSON.stringify({ valueMapping: { preferredContactMethod: { 'Txt msg': 'text' } } })),
    ).toEqual([
      'valueMapping.preferredContactMethod maps "Txt msg" to "text", which is not a category of ' +
        'preferredContactMethod. Use one of: sms, email, letter, telephone, nhsApp, other, declined, none.',
    ]);
  });

  it('says where to correct them', async () => {
    const path = await configFile('{"linkExpiryDays": 0}');
    await expect(loadLocalConfig(path)).rejects.toThrow(`Correct these in the config file ${path}`);
  });

  it('rejects a file that is not a JSON object', async () => {
    expect(await problemsOf('null')).toEqual([
      'The file is null: expected a JSON object such as {"icbName": "NHS Example ICB"}.',
    ]);
  });

  it('rejects a file that is not JSON', async () => {
    await expect(loadLocalConfig(await configFile('{icbName: x}'))).rejects.toThrow(UsageError);
  });
});

describe('LOCAL_CONFIG_EXPECTED', () => {
  it('says what every key of the schema should hold (so "Known keys" lists them all)', () => {
    const sms = LOCAL_CONFIG_FILE.shape.sms.unwrap().shape;
    const keys = [...Object.keys(LOCAL_CONFIG_FILE.shape), ...Object.keys(sms).map((key) => `sms.${key}`)];
    expect(Object.keys(LOCAL_CONFIG_EXPECTED).sort()).toEqual(['', ...keys].sort());
  });
});
