import type { GapList } from '../core/report/gap-list';
import type { PracticeSnapshot } from '../core/snapshot';
import { decodeFixRecords } from '../core/tally/fix-record-codec';
import { decodeGapRows } from '../core/tally/gap-row-codec';
import type { PracticeTally } from '../core/tally/practice-tally';
import type { IngestDeps } from './ingest-deps';
import { reportKeys } from './report-keys';
import { stageFixRows } from './staged-fix-rows';
import { type GapRows, sortGapRows, stageGapRows } from './staged-gap-rows';

export interface SnapshotSource {
  bucket: string;
  key: string;
  etag: string;
  member?: string;
}

/** A counted practice's snapshot (aggregates only), before it is stored. */
export function practiceSnapshot(
  tally: PracticeTally,
  input: { period: string; extractDate: string; clinicalSystem: string; source: SnapshotSource; ingestedAt: string },
): PracticeSnapshot {
  return {
    period: input.period,
    practiceCode: tally.practiceCode,
    extractDate: input.extractDate,
    clinicalSystem: input.clinicalSystem,
    source: input.source,
    ingestedAt: input.ingestedAt,
    counts: tally.counts,
    registers: tally.registers,
    rejectedByReason: tally.rejectedByReason,
    unrecognisedValues: tally.unrecognisedValues,
    unknownRegisterCodes: tally.unknownRegisterCodes,
    gapListKey: reportKeys.gapList(tally.practiceCode, input.period),
  };
}

/**
 * Stages the practice's gap list records, then stores its snapshot if it is the latest extract for the
 * period (an older extract arriving late changes nothing). When it is stored, returns the rows too, decoded
 * and in priority order, so that the caller can render the gap list without reading them back.
 */
export async function saveSnapshot(
  deps: IngestDeps,
  snapshot: PracticeSnapshot,
  tally: PracticeTally,
): Promise<{ result: 'written'; rows: GapRows & Pick<GapList, 'fixRecords'> } | { result: 'superseded' }> {
  const records = tally.gapRowRecords();
  const fixRecords = tally.fixRecordRecords();
  // Write, then commit: the rows go first, under keys of their own, and the snapshot (conditional put) last.
  await Promise.all([stageGapRows(deps, snapshot, records), stageFixRows(deps, snapshot, fixRecords)]);
  const result = await deps.snapshots.putSnapshot(snapshot);
  // A superseded practice gets no gap list from this export, so its rows need no decoding.
  return result === 'superseded'
    ? { result }
    : {
        result,
        rows: { ...sortGapRows(decodeGapRows(records)), fixRecords: decodeFixRecords(fixRecords) },
      };
}
