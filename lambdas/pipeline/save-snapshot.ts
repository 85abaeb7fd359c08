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

/**
 * Stages the practice's gap list rows, then stores its snapshot if it is the latest extract for the
 * period (an older extract arriving late changes nothing). The gap list workbook is rendered from the
 * staged rows once the export's practices are all stored (renderIngestedGapLists).
 */
export async function saveSnapshot(
  deps: IngestDeps,
  input: {
    tally: PracticeTally;
    period: string;
    extractDate: string;
    clinicalSystem: string;
    source: SnapshotSource;
  },
): Promise<'written' | 'superseded'> {
  const { tally, period, extractDate, source } = input;
  const snapshot: PracticeSnapshot = {
    period,
    practiceCode: tally.practiceCode,
    extractDate,
    clinicalSystem: input.clinicalSystem,
    source,
    ingestedAt: deps.now().toISOString(),
    counts: tally.counts,
    registers: tally.registers,
    rejectedByReason: tally.rejectedByReason,
    unrecognisedValues: tally.unrecognisedValues,
    unknownRegisterCodes: tally.unknownRegisterCodes,
    gapListKey: reportKeys.gapList(tally.practiceCode, period),
  };
  // Write, then commit: the rows go first, under a key of their own, and the snapshot (conditional put) last.
  const { noPreference, fixContactDetails } = tally.gapListRows();
  const rows: GapRows = {
    noPreference: noPreference.sort(compareGapListPatients),
    fixContactDetails: fixContactDetails.sort(compareGapListPatients),
  };
  const bucket = deps.config.reportsBucket;
  await deps.objects.put(
    bucket,
    reportKeys.gapRows(tally.practiceCode, period, source),
    JSON.stringify(rows),
    'application/json',
  );
  return deps.snapshots.putSnapshot(snapshot);
}
