/**
 * Practices whose gap lists are handled at once (ingest and monthly report): one workbook is compressed and
 * written while the next is built or checked; three lanes measured no faster and peaked higher
 * (docs/performance.md).
 */
export const GAP_LIST_LANES = 2;

/**
 * Runs `work` over the items in order, `lanes` at a time. After a failure no new item is started; the
 * first error is thrown once the items already started have settled, so nothing runs on afterwards.
 */
export async function inLanes<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T, index: number, lane: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (laneIndex: number) => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await work(items[index] as T, index, laneIndex);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: lanes }, (_, index) => lane(index)));
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
}
