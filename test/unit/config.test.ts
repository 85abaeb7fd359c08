import { describe, expect, it } from 'vitest';
import { loadPipelineConfig } from '../../lambdas/config';
import { ConfigError } from '../../lambdas/errors';

const NAMES = { TABLE_NAME: 'pcm-table', EXPORTS_BUCKET: 'pcm-exports', REPORTS_BUCKET: 'pcm-reports' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadPipelineConfig({ ...NAMES, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadPipelineConfig', () => {
  it('uses the shared defaults: the example ICB name and SMS assumptions of £0.024 × 2 invites × 1 fragment + 20% VAT', () => {
    expect(loadPipelineConfig(NAMES)).toMatchObject({
      icbName: 'NHS Example Integrated Care Board',
      assumptions: { costPerFragmentGbp: 0.024, invitesPerYear: 2, fragmentsPerInvite: 1, vatRate: 0.2 },
    });
  });

  it('reads the SMS assumptions from their variables', () => {
    const config = loadPipelineConfig({
      ...NAMES,
      SMS_COST_PER_FRAGMENT_GBP: '0.0275',
      SMS_INVITES_PER_YEAR: '3',
      SMS_FRAGMENTS_PER_INVITE: '2',
      SMS_VAT_RATE: '0',
    });
    expect(config.assumptions).toEqual({
      costPerFragmentGbp: 0.0275,
      invitesPerYear: 3,
      fragmentsPerInvite: 2,
      vatRate: 0,
    });
  });

  it('checks the shared settings by the same rules as the CDK context, and lists every problem', () => {
    expect(
      problemsOf({
        ICB_NAME: 'x'.repeat(101),
        SMS_COST_PER_FRAGMENT_GBP: '-0.01',
        SMS_INVITES_PER_YEAR: '1.5',
        SMS_FRAGMENTS_PER_INVITE: 'two',
        SMS_VAT_RATE: '20',
      }),
    ).toEqual([
      `ICB_NAME is "${'x'.repeat(101)}": expected a name of 1 to 100 printable characters.`,
      'SMS_COST_PER_FRAGMENT_GBP is "-0.01": expected a number of GBP from 0 to 1, e.g. 0.024.',
      'SMS_INVITES_PER_YEAR is "1.5": expected a whole number of invitations from 0 to 52.',
      'SMS_FRAGMENTS_PER_INVITE is "two": expected a whole number of fragments from 1 to 10.',
      'SMS_VAT_RATE is "20": expected a VAT rate from 0 to 1, e.g. 0.2 for 20%.',
    ]);
  });

  it('reads VALUE_MAPPING into normalised lookups, and names the field, value and categories of a wrong one', () => {
    const config = loadPipelineConfig({ ...NAMES, VALUE_MAPPING: '{"preferredContactMethod":{"Txt msg":"sms"}}' });
    expect([...(config.valueMapping?.preferredContactMethod ?? [])]).toEqual([['txt msg', 'sms']]);
    expect(problemsOf({ VALUE_MAPPING: '{"aisNeed":{"Deaf":"yes"}}' })).toEqual([
      'VALUE_MAPPING is not valid: valueMapping.aisNeed maps "Deaf" to "yes", which is not a category of aisNeed. ' +
        'Use one of: need, no_need.',
    ]);
  });

  it('names each missing name', () => {
    expect(problemsOf({ TABLE_NAME: '' })).toEqual(['TABLE_NAME is not set: expected a non-empty value.']);
  });
});
