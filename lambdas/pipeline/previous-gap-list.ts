import { previousPeriod } from '../core/period';
import type { PreviousGapList } from '../core/report/gap-list';
import type { PracticeSnapshot } from '../core/snapshot';
import { ObjectNotFoundError, type ObjectStore, type SnapshotStore } from '../ports';
import { readStagedGapRows } from './staged-gap-rows';

export interface PreviousGapListDeps {
  objects: ObjectStore;
  snapshots: Pick<SnapshotStore, 'getSnapshot'>;
  config: { reportsBucket: string };
}

/**
 * The NHS numbers on the practice's No preference list for the calendar month before the snapshot's, read
 * from that month's staged rows, so this month's list can mark who is new. Undefined when there is nothing to
 * compare with: no export last month (a first month, or a month missed) or its staged rows have expired.
 */
export async function previousGapList(
  deps: PreviousGapListDeps,
  snapshot: Pick<PracticeSnapshot, 'practiceCode' | 'period'>,
): Promise<PreviousGapList | undefined> {
  const previous = await deps.snapshots.getSnapshot(snapshot.practiceCode, previousPeriod(snapshot.period));
  return gapListOf(deps, previous);
}

/** The NHS numbers on the No preference list of `previous`, a snapshot already read (see previousGapList). */
export async function gapListOf(
  deps: Omit<PreviousGapListDeps, 'snapshots'>,
  previous: PracticeSnapshot | undefined,
): Promise<PreviousGapList | undefined> {
  if (previous === undefined) return undefined;
  try {
    const rows = await readStagedGapRows(deps, previous);
    return {
      period: previous.period,
      source: previous.source,
      nhsNumbers: new Set(rows.noPreference.map((p) => p.nhsNumber)),
    };
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return undefined;
    throw error;
  }
}
