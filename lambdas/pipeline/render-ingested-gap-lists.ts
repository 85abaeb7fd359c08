import type { GapList } from '../core/report/gap-list';
import { errorFields } from '../logger';
import { renderGapListWorkbook } from '../render/gap-list-workbook';
import { loadPeriodReport } from './build-period-report';
import type { IngestDeps, PracticeOutcome } from './ingest-export';
import { refreshGapList } from './refresh-gap-list';

/**
 * Renders the gap list of each practice whose snapshot an ingest wrote, with its numbers and its place in
 * the ICB as stored now (SPEC §5: the ingest writes the gap list). For an ICB-wide export that is the whole
 * period, so the monthly report finds every list up to date and renders none again; for one practice's
 * export the report re-renders the list once the other practices are in (refreshGapList decides).
 * With a GapListWorker, two practices are rendered at a time: one on the worker, one in this thread.
 */
export async function renderIngestedGapLists(deps: IngestDeps, practices: readonly PracticeOutcome[]): Promise<void> {
  const written = practices.filter((p) => p.snapshot === 'written');
  for (const period of new Set(written.map((p) => p.period))) {
    const codes = new Set(written.filter((p) => p.period === period).map((p) => p.practiceCode));
    const { report, snapshots } = await loadPeriodReport(deps, period);
    // The stored snapshot, which may already be a later extract written by a concurrent ingest: its list then.
    const ingested = snapshots.filter((s) => codes.has(s.practiceCode));
    const worker = deps.gapListWorker;
    if (worker === undefined || ingested.length < 2) {
      for (const snapshot of ingested) await refreshGapList(deps, report, snapshot);
      continue;
    }
    const onWorker = (gapList: GapList) =>
      worker.render(gapList).catch((error: unknown) => {
        deps.logger.warn('gap list worker failed; rendering in this thread', errorFields(error));
        return renderGapListWorkbook(gapList);
      });
    await inLanes(ingested, 2, async (snapshot, lane) => {
      await refreshGapList(deps, report, snapshot, lane === 0 ? onWorker : undefined);
    });
  }
}

/**
 * Runs `work` over the items in order, `lanes` at a time. After a failure no new item is started; the
 * first error is thrown once the items already started have settled, so nothing runs on afterwards.
 */
async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T, lane: number) => Promise<void>) {
  let next = 0;
  let failed = false;
  const lane = async (index: number) => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: lanes }, (_, index) => lane(index)));
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
}
