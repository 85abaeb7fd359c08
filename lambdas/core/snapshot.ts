import type { PracticeCounts } from './metrics/practice-counts';

/** Reasons a row is rejected (bad rows never stop a file; SPEC §2.4). */
export type RowRejection = 'invalid_nhs_number' | 'short_row';

/** Per-register counts for one practice: patients on the register and those with no preference. */
export interface RegisterCounts {
  patients: number;
  noPreference: number;
}

/**
 * A practice's aggregates for one period, from its latest extract in that month.
 * Stored in DynamoDB; holds no patient-level data.
 */
export interface PracticeSnapshot {
  period: string;
  practiceCode: string;
  /** ISO date `YYYY-MM-DD`. */
  extractDate: string;
  /** `SystmOne`, `EMIS Web` or `Unknown`, guessed from the export's shape. */
  clinicalSystem: string;
  /** The export this snapshot came from. */
  source: { bucket: string; key: string; etag: string; member?: string };
  /** ISO timestamp of the ingest; breaks ties between extracts of the same date. */
  ingestedAt: string;
  counts: PracticeCounts;
  /** Keyed by QOF register code (or the unknown code as written). */
  registers: Record<string, RegisterCounts>;
  rejectedByReason: Partial<Record<RowRejection, number>>;
  /** Unmapped preference values (as written, trimmed) and how often each appeared. */
  unrecognisedValues: Record<string, number>;
  /** Register codes that are not QOF codes, as written, with counts. */
  unknownRegisterCodes: Record<string, number>;
  /** Where the gap list workbook for this snapshot is stored. */
  gapListKey?: string;
}

/**
 * Whether `candidate` replaces `stored` as the practice's snapshot for the period: the latest extract in the
 * month wins; on the same extract date, the later ingest (the rule DynamoTable.putSnapshot applies in DynamoDB).
 */
export function supersedes(candidate: PracticeSnapshot, stored: PracticeSnapshot): boolean {
  if (candidate.extractDate !== stored.extractDate) return candidate.extractDate > stored.extractDate;
  return candidate.ingestedAt >= stored.ingestedAt;
}

/** The period's snapshots as they will be once `pending` are stored: each replaces its practice's if it supersedes it. */
export function withPendingSnapshots(
  stored: readonly PracticeSnapshot[],
  pending: readonly PracticeSnapshot[],
): PracticeSnapshot[] {
  const byPractice = new Map(stored.map((snapshot) => [snapshot.practiceCode, snapshot]));
  for (const snapshot of pending) {
    const current = byPractice.get(snapshot.practiceCode);
    if (current === undefined || supersedes(snapshot, current)) byPractice.set(snapshot.practiceCode, snapshot);
  }
  return [...byPractice.values()];
}
