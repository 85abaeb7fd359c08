import { z } from 'zod';
import { parseValueMapping } from '../core/fields/parse-value-mapping';
import { SETTING_DEFAULTS } from '../defaults';
import { SETTING_RULES } from '../settings/setting-rules';

/**
 * The `--config FILE` of local mode: the same settings the Lambdas take from their environment, with
 * the shared rules of settings/setting-rules.ts. Strict: a misspelt key is named, never ignored.
 */
export const LOCAL_CONFIG_FILE = z.strictObject({
  icbName: SETTING_RULES.icbName.schema.optional(),
  sms: z
    .strictObject({
      costPerFragmentGbp: SETTING_RULES.smsCostPerFragmentGbp.schema.optional(),
      invitesPerYear: SETTING_RULES.smsInvitesPerYear.schema.optional(),
      fragmentsPerInvite: SETTING_RULES.smsFragmentsPerInvite.schema.optional(),
      vatRate: SETTING_RULES.smsVatRate.schema.optional(),
    })
    .optional(),
  /** Header → field, for exports whose columns the built-in aliases do not cover; checked as COLUMN_MAPPING is. */
  columnMapping: z.unknown().optional(),
  /** The ICB's own vocabulary (SPEC §2.3c); checked as VALUE_MAPPING is. */
  valueMapping: z
    .unknown()
    .optional()
    .superRefine((value, context) => {
      const parsed = parseValueMapping(value);
      if (!parsed.ok) for (const message of parsed.errors) context.addIssue({ code: 'custom', message });
    }),
  suppressSmallNumbers: z.boolean().optional(),
  senderAddress: SETTING_RULES.senderAddress.schema.optional(),
  /** Checked, after normalising (`@NHS.net` is nhs.net), as ATTACHMENT_DOMAINS is. */
  attachmentDomains: z.array(z.string()).optional(),
  linkExpiryDays: SETTING_RULES.linkExpiryDays.schema.optional(),
});

export type LocalConfigFile = z.infer<typeof LOCAL_CONFIG_FILE>;

/** What each key should hold, by its dotted path in the file ('' is the file itself): every key is listed. */
export const LOCAL_CONFIG_EXPECTED: Readonly<Record<string, string>> = {
  '': 'a JSON object such as {"icbName": "NHS Example ICB"}',
  icbName: SETTING_RULES.icbName.expected,
  sms: `an object such as ${JSON.stringify({
    costPerFragmentGbp: SETTING_DEFAULTS.smsCostPerFragmentGbp,
    invitesPerYear: SETTING_DEFAULTS.smsInvitesPerYear,
    fragmentsPerInvite: SETTING_DEFAULTS.smsFragmentsPerInvite,
    vatRate: SETTING_DEFAULTS.smsVatRate,
  })}`,
  'sms.costPerFragmentGbp': SETTING_RULES.smsCostPerFragmentGbp.expected,
  'sms.invitesPerYear': SETTING_RULES.smsInvitesPerYear.expected,
  'sms.fragmentsPerInvite': SETTING_RULES.smsFragmentsPerInvite.expected,
  'sms.vatRate': SETTING_RULES.smsVatRate.expected,
  columnMapping: 'an object such as {"fields": {"Pt Mob": "mobile"}} (docs/column-mapping.md)',
  valueMapping: 'an object such as {"preferredContactMethod": {"Txt msg": "sms"}} (docs/column-mapping.md)',
  suppressSmallNumbers: 'true or false',
  senderAddress: SETTING_RULES.senderAddress.expected,
  attachmentDomains: 'a list of domain names such as ["nhs.net"] ([] to never attach)',
  linkExpiryDays: SETTING_RULES.linkExpiryDays.expected,
};
