import type { GapList } from '../core/report/gap-list';
import { compareGapListPatients } from '../core/report/gap-list-order';
import { practiceRow } from '../core/report/practice-row';
import type { PracticeSnapshot } from '../core/snapshot';
import type { PracticeTally } from '../core/tally/practice-tally';
import type { DirectoryEntry } from '../ports';
import { renderGapListWorkbook } from '../render/gap-list-workbook';
import type { IngestDeps } from './ingest-export';
import { reportKeys, XLSX_TYPE } from './report-keys';

export interface SnapshotSource {
  bucket: string;
  key: string;
  etag: string;
  member?: string;
}

/** The patients behind a gap list, as staged for the monthly report's rebuild. */
export type GapRows = Pick<GapList, 'noPreference' | 'fixContactDetails'>;

/**
 * Stores the practice's snapshot if it is the latest extract for the period, then its gap list.
 * An older extract arriving late changes nothing.
 */
export async function saveSnapshot(
  deps: IngestDeps,
  input: {
    tally: PracticeTally;
    period: string;
    extractDate: string;
    clinicalSystem: string;
    source: SnapshotSource;
    directoryEntry: DirectoryEntry | undefined;
  },
  /** Renders the workbook: in this thread by default, or on a GapListWorker. */
  render: (gapList: GapList) => Promise<Buffer> = renderGapListWorkbook,
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
  const result = await deps.snapshots.putSnapshot(snapshot);
  if (result === 'superseded') return result;

  const entry = input.directoryEntry;
  const workbook = await render({
    period,
    practiceCode: tally.practiceCode,
    practiceName: entry?.practiceName,
    clinicalSystem: entry?.clinicalSystem ?? input.clinicalSystem,
    extractDate,
    metrics: practiceRow(
      {
        period,
        practiceCode: tally.practiceCode,
        practiceName: entry?.practiceName,
        pcn: entry?.pcn,
        clinicalSystem: entry?.clinicalSystem ?? input.clinicalSystem,
        extractDate,
      },
      tally.counts,
      deps.config.assumptions,
    ),
    ...rows,
  });
  await deps.objects.put(bucket, reportKeys.gapList(tally.practiceCode, period), workbook, XLSX_TYPE);
  return result;
}
