import { Duration } from 'aws-cdk-lib';
import type { LifecycleRule } from 'aws-cdk-lib/aws-s3';

/**
 * Days an overwritten or deleted object version is kept: a short window to recover from a mistake, after which
 * patient data really is gone (versioning would otherwise keep every deleted export forever).
 */
export const NONCURRENT_VERSION_DAYS = 7;

/** Days an earlier version of an ICB report or tidy CSV is kept after a re-run overwrites it. */
export const REPORT_HISTORY_DAYS = 365;

/** Key prefixes in the buckets, shared by lifecycle rules, event filters and IAM grants. */
export const KEY_PREFIXES = {
  exports: 'exports/',
  quarantine: 'quarantine/',
  gapLists: 'gap-lists/',
  stagedGapRows: 'staging/gap-rows/',
  reports: 'reports/',
} as const;

/** Raw exports and quarantined copies expire after `exportRetentionDays`. */
export function exportsBucketLifecycle(exportRetentionDays: number): LifecycleRule[] {
  return [
    expireUnder('ExpireRawExports', KEY_PREFIXES.exports, exportRetentionDays),
    expireUnder('ExpireQuarantinedExports', KEY_PREFIXES.quarantine, exportRetentionDays),
    ...housekeeping(),
  ];
}

/** Gap lists and the staged gap-list rows (both patient-level) expire after `gapListRetentionDays`; reports stay. */
export function reportsBucketLifecycle(gapListRetentionDays: number): LifecycleRule[] {
  return [
    expireUnder('ExpireGapLists', KEY_PREFIXES.gapLists, gapListRetentionDays),
    expireUnder('ExpireStagedGapRows', KEY_PREFIXES.stagedGapRows, gapListRetentionDays),
    {
      id: 'KeepReportsExpireOldVersions',
      prefix: KEY_PREFIXES.reports,
      noncurrentVersionExpiration: Duration.days(REPORT_HISTORY_DAYS),
    },
    ...housekeeping(),
  ];
}

function expireUnder(id: string, prefix: string, days: number): LifecycleRule {
  return {
    id,
    prefix,
    expiration: Duration.days(days),
    noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
  };
}

function housekeeping(): LifecycleRule[] {
  return [
    { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
    { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
  ];
}
