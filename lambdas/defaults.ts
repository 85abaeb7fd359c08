/**
 * The defaults of the settings that the Lambdas, local mode and the CDK app (lib/config) all know:
 * one place each, so a deployed stack and a local run assume the same. No imports: lib/ reads this too.
 */
export const SETTING_DEFAULTS = Object.freeze({
  icbName: 'NHS Example Integrated Care Board',
  /** A placeholder: SES needs a verified sender, so a deployment sets its own. */
  senderAddress: 'pcm-reports@example.org',
  attachmentDomains: Object.freeze(['nhs.net']) as readonly string[],
  /** The longest an S3 presigned (SigV4) link can last. */
  linkExpiryDays: 7,
  /** NHS Notify's list price per SMS fragment from 1 April 2026, before VAT. */
  smsCostPerFragmentGbp: 0.024,
  /** VAT on SMS: GP practices have had no free SMS allowance since April 2024, so every fragment is charged. */
  smsVatRate: 0.2,
  smsInvitesPerYear: 2,
  smsFragmentsPerInvite: 1,
  /** Days before gap lists (patient data) expire; the portal's download audit is kept as long. */
  gapListRetentionDays: 90,
});
