import { describe, expect, it } from 'vitest';
import { DeployConfigError, loadDeployConfig } from '../../../../lib/config/deploy-config';

/** A context reader over a plain object, like `app.node.tryGetContext`. */
const contextOf =
  (values: Record<string, unknown>) =>
  (key: string): unknown =>
    values[key];

function problemsFor(context: Record<string, unknown>, env: Record<string, string> = {}): DeployConfigError {
  try {
    loadDeployConfig(contextOf(context), env);
  } catch (error) {
    if (error instanceof DeployConfigError) return error;
    throw error;
  }
  throw new Error('expected a DeployConfigError, but the configuration was accepted');
}

describe('loadDeployConfig', () => {
  it('uses the documented defaults when no context or environment variable is set', () => {
    expect(loadDeployConfig(contextOf({}), {})).toEqual({
      icbName: 'NHS Example Integrated Care Board',
      reportSchedule: 'cron(0 6 2 * ? *)',
      senderAddress: 'pcm-reports@example.org',
      exportRetentionDays: 30,
      gapListRetentionDays: 90,
      attachmentDomains: ['nhs.net'],
      smsCostPerFragmentGbp: 0.024,
      smsInvitesPerYear: 2,
      smsFragmentsPerInvite: 1,
      smsVatRate: 0.2,
      columnMapping: undefined,
      valueMapping: undefined,
      suppressSmallNumbers: false,
      alarmEmail: undefined,
      linkExpiryDays: 7,
      icbContactName: undefined,
      icbContactEmail: undefined,
    });
  });

  it('reads cdk.json-typed context values (numbers and arrays)', () => {
    const config = loadDeployConfig(
      contextOf({
        icbName: 'NHS Example North ICB',
        reportSchedule: 'cron(30 7 3 * ? *)',
        senderAddress: 'reports@example.org',
        exportRetentionDays: 14,
        gapListRetentionDays: 60,
        attachmentDomains: ['nhs.net', 'Example.NHS.uk'],
        smsCostPerFragmentGbp: 0.03,
        smsInvitesPerYear: 3,
        smsFragmentsPerInvite: 2,
        smsVatRate: 0,
        columnMapping: { fields: { 'Pt Mob': 'mobile' } },
        valueMapping: { preferredContactMethod: { 'Txt msg': 'sms' } },
        suppressSmallNumbers: true,
        alarmEmail: 'platform@example.org',
        linkExpiryDays: 5,
        icbContactName: ' Sam Patel, Primary Care Data Team ',
        icbContactEmail: 'primarycare.data@example.org',
      }),
      {},
    );
    expect(config).toEqual({
      icbName: 'NHS Example North ICB',
      reportSchedule: 'cron(30 7 3 * ? *)',
      senderAddress: 'reports@example.org',
      exportRetentionDays: 14,
      gapListRetentionDays: 60,
      attachmentDomains: ['nhs.net', 'example.nhs.uk'],
      smsCostPerFragmentGbp: 0.03,
      smsInvitesPerYear: 3,
      smsFragmentsPerInvite: 2,
      smsVatRate: 0,
      columnMapping: { fields: { 'Pt Mob': 'mobile' } },
      valueMapping: { preferredContactMethod: { 'Txt msg': 'sms' } },
      suppressSmallNumbers: true,
      alarmEmail: 'platform@example.org',
      linkExpiryDays: 5,
      icbContactName: 'Sam Patel, Primary Care Data Team',
      icbContactEmail: 'primarycare.data@example.org',
    });
  });

  it('reads -c string values: numbers as text and domains comma-separated', () => {
    const config = loadDeployConfig(
      contextOf({
        exportRetentionDays: '45',
        smsCostPerFragmentGbp: '0.04',
        attachmentDomains: 'nhs.net, example.org',
      }),
      {},
    );
    expect(config.exportRetentionDays).toBe(45);
    expect(config.smsCostPerFragmentGbp).toBe(0.04);
    expect(config.attachmentDomains).toEqual(['nhs.net', 'example.org']);
  });

  it('falls back to PCM_* environment variables when the context key is absent', () => {
    const config = loadDeployConfig(contextOf({}), {
      PCM_ICB_NAME: 'NHS Example South ICB',
      PCM_EXPORT_RETENTION_DAYS: '21',
      PCM_ALARM_EMAIL: 'ops@example.org',
    });
    expect(config.icbName).toBe('NHS Example South ICB');
    expect(config.exportRetentionDays).toBe(21);
    expect(config.alarmEmail).toBe('ops@example.org');
  });

  it('reads suppressSmallNumbers as a cdk.json boolean, or as true/false text from -c or PCM_*', () => {
    expect(loadDeployConfig(contextOf({ suppressSmallNumbers: true }), {}).suppressSmallNumbers).toBe(true);
    expect(loadDeployConfig(contextOf({ suppressSmallNumbers: 'TRUE' }), {}).suppressSmallNumbers).toBe(true);
    const fromEnv = loadDeployConfig(contextOf({}), { PCM_SUPPRESS_SMALL_NUMBERS: 'false' });
    expect(fromEnv.suppressSmallNumbers).toBe(false);
    expect(problemsFor({ suppressSmallNumbers: 'yes' }).problems).toEqual([
      { key: 'suppressSmallNumbers', problem: 'is "yes"', expected: 'true or false', source: 'context' },
    ]);
  });

  it('prefers the context value over the environment variable', () => {
    const config = loadDeployConfig(contextOf({ exportRetentionDays: 10 }), { PCM_EXPORT_RETENTION_DAYS: '20' });
    expect(config.exportRetentionDays).toBe(10);
  });

  it('accepts an empty attachment domain list, which sends every gap list as a link', () => {
    expect(loadDeployConfig(contextOf({ attachmentDomains: [] }), {}).attachmentDomains).toEqual([]);
    expect(loadDeployConfig(contextOf({ attachmentDomains: '' }), {}).attachmentDomains).toEqual([]);
    expect(loadDeployConfig(contextOf({ attachmentDomains: 'none' }), {}).attachmentDomains).toEqual([]);
  });

  it.each([
    { key: 'exportRetentionDays', value: -1, expected: 'a whole number of days from 1 to 3650' },
    { key: 'exportRetentionDays', value: '30.5', expected: 'a whole number of days from 1 to 3650' },
    { key: 'exportRetentionDays', value: 'thirty', expected: 'a whole number of days from 1 to 3650' },
    { key: 'gapListRetentionDays', value: 0, expected: 'a whole number of days from 1 to 3650' },
    { key: 'linkExpiryDays', value: 8, expected: 'cannot last longer than 7 days' },
    { key: 'senderAddress', value: 'reports.example.org', expected: 'an address such as' },
    { key: 'senderAddress', value: 'reports@example', expected: 'an address such as' },
    { key: 'senderAddress', value: 'PCM <reports@example.org>', expected: 'an address such as' },
    { key: 'alarmEmail', value: 'ops@@example.org', expected: 'an address such as' },
    { key: 'icbContactEmail', value: 'sam', expected: 'the email address practices reply to' },
    { key: 'icbContactName', value: 'Sam\u0007', expected: 'a person or team of 1 to 100 printable characters' },
    { key: 'icbName', value: '   ', expected: 'a name of 1 to 100 printable characters' },
    { key: 'reportSchedule', value: 'rate(30 days)', expected: 'six fields' },
    { key: 'reportSchedule', value: 'cron(0 6 2 * *)', expected: 'six fields' },
    { key: 'reportSchedule', value: 'cron(0 6 2 * 1 *)', expected: '"?" in exactly one of day-of-month' },
    { key: 'attachmentDomains', value: ['nhs.net', '*.nhs.uk'], expected: 'a list of domain names' },
    { key: 'attachmentDomains', value: 42, expected: 'a list of domain names' },
    { key: 'smsCostPerFragmentGbp', value: -0.01, expected: 'a number of GBP from 0 to 1' },
    { key: 'smsInvitesPerYear', value: 1.5, expected: 'a whole number of invitations from 0 to 52' },
    { key: 'smsFragmentsPerInvite', value: 0, expected: 'a whole number of fragments from 1 to 10' },
    { key: 'smsVatRate', value: 20, expected: 'a VAT rate from 0 to 1, e.g. 0.2 for 20%' },
    { key: 'columnMapping', value: { fields: { 'Pt Mob': 'phone' } }, expected: 'Use one of: nhsNumber' },
    { key: 'columnMapping', value: '{"fields":', expected: 'is not JSON' },
    {
      key: 'valueMapping',
      value: { preferredContactMethod: { 'Txt msg': 'text' } },
      expected:
        'maps "Txt msg" to "text", which is not a category of preferredContactMethod. ' +
        'Use one of: sms, email, letter, telephone, nhsApp, other, declined, none.',
    },
    { key: 'valueMapping', value: { smsConsnet: {} }, expected: 'unknown field "smsConsnet"' },
  ])('rejects $key = $value with a message naming the key and what is expected', ({ key, value, expected }) => {
    const error = problemsFor({ [key]: value });
    expect(error.problems.map((p) => p.key)).toEqual([key]);
    expect(error.message).toContain(`- ${key} `);
    expect(error.message).toContain(expected);
    expect(error.message).toContain(`-c ${key}=<value>`);
    expect(error.message).toContain('cdk.json "context"');
  });

  it('reads a mapping given as JSON text (-c or PCM_VALUE_MAPPING), as the object the Lambda will receive', () => {
    const fromEnv = loadDeployConfig(contextOf({}), { PCM_VALUE_MAPPING: '{"aisNeed": {"Nil": "no_need"}}' });
    expect(fromEnv.valueMapping).toEqual({ aisNeed: { Nil: 'no_need' } });
    const fromCli = loadDeployConfig(contextOf({ columnMapping: '{"fields": {"Pt Mob": "mobile"}}' }), {});
    expect(fromCli.columnMapping).toEqual({ fields: { 'Pt Mob': 'mobile' } });
  });

  it('says the value came from the environment variable when it did', () => {
    const error = problemsFor({}, { PCM_EXPORT_RETENTION_DAYS: '-1' });
    expect(error.problems).toEqual([
      {
        key: 'exportRetentionDays',
        problem: 'is "-1"',
        expected: 'a whole number of days from 1 to 3650',
        source: 'environment variable PCM_EXPORT_RETENTION_DAYS',
      },
    ]);
    expect(error.message).toContain('(from environment variable PCM_EXPORT_RETENTION_DAYS)');
  });

  it('lists every wrong key in one error', () => {
    const error = problemsFor({ senderAddress: 'nobody', exportRetentionDays: -1, linkExpiryDays: 30 });
    expect(error.problems.map((p) => p.key).sort()).toEqual(['exportRetentionDays', 'linkExpiryDays', 'senderAddress']);
    expect(error.message).toMatch(/^The pcm-reporter deployment configuration has 3 problems:/);
  });

  it('rejects gap lists that would expire before the emailed link does', () => {
    const error = problemsFor({ gapListRetentionDays: 3, linkExpiryDays: 7 });
    expect(error.problems).toEqual([
      {
        key: 'gapListRetentionDays',
        problem: 'is 3, shorter than linkExpiryDays (7)',
        expected: 'at least linkExpiryDays, so a link in an email never points at an expired gap list',
        source: 'context',
      },
    ]);
  });

  it('never echoes an email address it rejects', () => {
    const error = problemsFor({ alarmEmail: 'someone at example.org' });
    expect(error.message).not.toContain('someone');
  });
});

describe('senderAddress follows the core email rule (the same as the Lambdas and the directory)', () => {
  it.each([
    { value: 'reports@example.org', expected: true },
    { value: 'a.b+c@mail.example.nhs.uk', expected: true },
    { value: '@example.org', expected: false },
    { value: 'reports@example', expected: false },
    { value: 'reports@example..org', expected: false },
    { value: 'reports@.example.org', expected: false },
    { value: 're ports@example.org', expected: false },
    { value: 'a@b@example.org', expected: false },
  ])('accepts $value: $expected', ({ value, expected }) => {
    const load = () => loadDeployConfig(contextOf({ senderAddress: value }), {});
    if (expected) expect(load().senderAddress).toBe(value);
    else expect(load).toThrow(DeployConfigError);
  });
});
