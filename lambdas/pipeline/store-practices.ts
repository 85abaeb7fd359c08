import type { GapList } from '../core/report/gap-list';
import { gapListHeading } from '../core/report/gap-list-heading';
import type { PeriodReport } from '../core/report/period-report';
import type { PracticeSnapshot } from '../core/snapshot';
import type { PracticeTally } from '../core/tally/practice-tally';
import { errorFields } from '../logger';
import { renderGapListWorkbook } from '../render/gap-list-workbook';
import { GAP_LIST_LANES, inLanes } from './in-lanes';
import type { IngestDeps } from './ingest-deps';
import { loadPeriodReport } from './load-period-report';
import { gapListOf } from './previous-gap-list';
import { writeGapList } from './refresh-gap-list';
import { saveSnapshot } from './save-snapshot';

export interface CountedPractice {
  tally: PracticeTally;
  snapshot: PracticeSnapshot;
  /** The practice's stored snapshot for the month before, as read before storing (for "new this month"). */
  lastMonth: PracticeSnapshot | undefined;
}

/**
 * Stores each practice an export counted: its staged gap list rows, its snapshot, then its gap list (SPEC §5),
 * placed in the ICB as it will stand once the whole export is stored. For an ICB-wide export that is the final
 * picture, so the monthly report finds every list up to date and renders none again; for one practice's export
 * the report re-renders the list once the others are in (refreshGapList decides). A practice whose snapshot is
 * superseded by a later extract gets no list from this export.
 *
 * Two practices are handled at a time, so that one's workbook is compressed and written while the other's is
 * built (the thread is then busy ~87% of the time; three lanes measured no faster overall and peaked higher,
 * docs/performance.md); with a GapListWorker, one of the two is rendered on the worker. Each practice's
 * patient-level state is released as soon as it is stored. Returns each practice's outcome, in order.
 */
export async function storePractices(
  deps: IngestDeps,
  practices: readonly CountedPractice[],
): Promise<('written' | 'superseded')[]> {
  const reports = new Map<string, PeriodReport>();
  for (const period of new Set(practices.map((p) => p.snapshot.period))) {
    const pending = practices.filter((p) => p.snapshot.period === period).map((p) => p.snapshot);
    reports.set(period, (await loadPeriodReport(deps, period, { pending, gapListsOnly: true })).report);
  }
  const worker = deps.gapListWorker;
  const onWorker =
    worker &&
    ((gapList: GapList) =>
      worker.render(gapList).catch((error: unknown) => {
        deps.logger.warn('gap list worker failed; rendering in this thread', errorFields(error));
        return renderGapListWorkbook(gapList);
      }));
  const results: ('written' | 'superseded')[] = [];
  await inLanes(practices, GAP_LIST_LANES, async ({ tally, snapshot, lastMonth }, index, lane) => {
    const saved = await saveSnapshot(deps, snapshot, tally);
    // The patient-level state of a stored practice is not needed again: free it before the next one.
    tally.release();
    results[index] = saved.result;
    if (saved.result === 'superseded') return;
    const heading = gapListHeading(reports.get(snapshot.period) as PeriodReport, snapshot);
    const rows = { ...saved.rows, previousList: await gapListOf(deps, lastMonth) };
    await writeGapList(deps, heading, rows, snapshot.source, lane === 0 ? onWorker : undefined);
  });
  return results;
}
