import type { FixRecords } from '../core/report/gap-list';
import type { PracticeSnapshot } from '../core/snapshot';
import { decodeFixRecords } from '../core/tally/fix-record-codec';
import { ObjectNotFoundError, type ObjectStore } from '../ports';
import { readSmallObject } from './read-small-object';
import { reportKeys } from './report-keys';

interface StagingDeps {
  objects: ObjectStore;
  config: { reportsBucket: string };
}

/** Stages a practice's Fix records (fix-record-codec's binary form) for the monthly report, beside its gap rows. */
export async function stageFixRows(deps: StagingDeps, snapshot: PracticeSnapshot, records: Buffer): Promise<void> {
  const key = reportKeys.fixRows(snapshot.practiceCode, snapshot.period, snapshot.source);
  await deps.objects.put(deps.config.reportsBucket, key, records, 'application/octet-stream');
}

/**
 * The staged Fix records of a snapshot's export, in the order the rows came. None when nothing was staged:
 * a snapshot ingested before Fix records existed still renders, with an empty sheet.
 */
export async function readStagedFixRows(deps: StagingDeps, snapshot: PracticeSnapshot): Promise<FixRecords> {
  const { practiceCode, period, source } = snapshot;
  try {
    const bytes = await readSmallObject(
      deps.objects,
      deps.config.reportsBucket,
      reportKeys.fixRows(practiceCode, period, source),
    );
    return decodeFixRecords(bytes);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return { rows: [], more: 0 };
    throw error;
  }
}
