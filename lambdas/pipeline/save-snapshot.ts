import type { GapList } from '../core/report/gap-list';
import { compareGapListPatients } from '../core/report/gap-list-order';
import type { PracticeSnapshot } from '../core/snapshot';
import type { PracticeTally } from '../core/tally/practice-tally';
import type { IngestDeps } from './ingest-export';
import { reportKeys } from './report-keys';

export interface SnapshotSource {
  bucket: string;
  key: string;
  etag: string;
  member?: string;
}

/** The patients behind a gap list, as staged for the monthly report's rebuild. */
export type GapRows = Pick<GapList, 'noPreference' | 'fixContactDetails'>;

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
 * Stages the practice's gap list rows, then stores its snapshot if it is the latest extract for the
 * period (an older extract arriving late changes nothing). Returns the rows too, in priority order, so
 * that the caller can render the gap list without reading them back.
 */
export async function saveSnapshot(
  deps: IngestDeps,
  snapshot: PracticeSnapshot,
  tally: PracticeTally,
): Promise<{ result: 'written' | 'superseded'; rows: GapRows }> {
  const { noPreference, fixContactDetails } = tally.gapListRows();
  const rows: GapRows = {
    noPreference: noPreference.sort(compareGapListPatients),
    fixContactDetails: fixContactDetails.sort(compareGapListPatients),
  };
  // Write, then commit: the rows go first, under a key of their own, and the snapshot (conditional put) last.
  await deps.objects.put(
    deps.config.reportsBucket,
    reportKeys.gapRows(snapshot.practiceCode, snapshot.period, snapshot.source),
    JSON.stringify(rows),
    'application/json',
  );
  return { result: await deps.snapshots.putSnapshot(snapshot), rows };
}
