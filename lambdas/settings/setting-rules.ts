import { z } from 'zod';
import { isValidEmail } from '../core/values/email-address';
import { SETTING_DEFAULTS } from '../defaults';

/** A setting's rule: the zod schema its (typed) value must pass, and what to tell a person who broke it. */
export interface SettingRule<T> {
  schema: z.ZodType<T>;
  expected: string;
}

const CONTROL_CHARS = /\p{Cc}/u;

/** A name shown to people (the ICB, its contact): 1 to 100 printable characters once trimmed. */
const printableName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => !CONTROL_CHARS.test(name));

const emailAddress = z.string().trim().refine(isValidEmail);

/**
 * The rules of the settings that the CDK context (lib/config), the Lambda environment (lambdas/config.ts,
 * notify-config.ts) and the local --config file (local/local-config.ts) share: one rule each, so a value
 * one of them accepts the others accept too.
 */
export const SETTING_RULES = {
  icbName: {
    schema: printableName,
    expected: 'a name of 1 to 100 printable characters',
  },
  senderAddress: {
    schema: emailAddress,
    expected: 'an email address such as reports@example.nhs.uk',
  },
  icbContactName: {
    schema: printableName,
    expected: 'a person or team of 1 to 100 printable characters, e.g. "Sam Patel, Primary Care Data Team"',
  },
  icbContactEmail: {
    schema: emailAddress,
    expected: 'the email address practices reply to, such as primarycare.data@example.nhs.uk',
  },
  linkExpiryDays: {
    schema: z.number().int().min(1).max(7),
    // Deprecated (emails link to the portal now); still checked where given, as existing settings held it.
    expected:
      'a whole number of days from 1 to 7 (S3 presigned links signed with SigV4 cannot last longer than 7 days)',
  },
  smsCostPerFragmentGbp: {
    schema: z.number().min(0).max(1),
    expected: `a number of GBP from 0 to 1, e.g. ${SETTING_DEFAULTS.smsCostPerFragmentGbp}`,
  },
  smsVatRate: {
    schema: z.number().min(0).max(1),
    expected: `a VAT rate from 0 to 1, e.g. ${SETTING_DEFAULTS.smsVatRate} for 20%`,
  },
  smsInvitesPerYear: {
    schema: z.number().int().min(0).max(52),
    expected: 'a whole number of invitations from 0 to 52',
  },
  gapListRetentionDays: {
    schema: z.number().int().min(1).max(3650),
    expected: 'a whole number of days from 1 to 3650',
  },
  smsFragmentsPerInvite: {
    schema: z.number().int().min(1).max(10),
    expected: 'a whole number of fragments from 1 to 10',
  },
} as const satisfies Record<string, SettingRule<unknown>>;

export type SharedSetting = keyof typeof SETTING_RULES;
