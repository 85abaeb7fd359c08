import type { GapList } from '../core/report/gap-list';
import { compareGapListPatients } from '../core/report/gap-list-order';
import type { PracticeSnapshot } from '../core/snapshot';
import { decodeGapRows } from '../core/tally/gap-row-codec';
import { ObjectNotFoundError, type ObjectStore } from '../ports';
import { readSmallObject } from './read-small-object';
import { reportKeys } from './report-keys';

/** The patients behind a gap list, in priority order. */
export type GapRows = Pick<GapList, 'noPreference' | 'fixContactDetails'>;

interface StagingDeps {
  objects: ObjectStore;
  config: { reportsBucket: string };
}

/**
 * Stages a practice's gap list records (gap-row-codec's binary form, ~45 bytes a patient) for the monthly
 * report, under a key naming the export they came from. Written as they are: no encoding cost at ingest.
 */
export async function stageGapRows(deps: StagingDeps, snapshot: PracticeSnapshot, records: Buffer): Promise<void> {
  const key = reportKeys.gapRows(snapshot.practiceCode, snapshot.period, snapshot.source);
  await deps.objects.put(deps.config.reportsBucket, key, records, 'application/octet-stream');
}

/**
 * The staged rows of a snapshot's export, in priority order. Falls back to the JSON that releases before the
 * binary form staged, so a report over months ingested by an older release (or a local `out/.state` from one)
 * still renders.
 */
export async function readStagedGapRows(deps: StagingDeps, snapshot: PracticeSnapshot): Promise<GapRows> {
  const bucket = deps.config.reportsBucket;
  const { practiceCode, period, source } = snapshot;
  let decoded: GapRows;
  try {
    decoded = decodeGapRows(
      await readSmallObject(deps.objects, bucket, reportKeys.gapRows(practiceCode, period, source)),
    );
  } catch (error) {
    if (!(error instanceof ObjectNotFoundError)) throw error;
    const json = await readSmallObject(deps.objects, bucket, reportKeys.gapRowsJson(practiceCode, period, source));
    decoded = JSON.parse(json.toString('utf8')) as GapRows;
  }
  return sortGapRows(decoded);
}

/** Puts both lists in priority order (SPEC §4.2); sorts in place and returns the same lists. */
export function sortGapRows(rows: GapRows): GapRows {
  rows.noPreference.sort(compareGapListPatients);
  rows.fixContactDetails.sort(compareGapListPatients);
  return rows;
}
