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
  /** An example rate, not a contract price: set your own. */
  smsCostPerFragmentGbp: 0.025,
  smsInvitesPerYear: 2,
  smsFragmentsPerInvite: 1,
  /** Days before gap lists (patient data) expire; the portal's download audit is kept as long. */
  gapListRetentionDays: 90,
});
