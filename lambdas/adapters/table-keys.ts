/**
 * The partition-key prefix of the notification ledger's items (`NOTIFY#2026-10`): the only items the notify
 * function may write, which its IAM policy enforces with a dynamodb:LeadingKeys condition (lib/constructs).
 */
export const NOTIFICATION_KEY_PREFIX = 'NOTIFY#';
