import type { GapList } from '../../core/report/gap-list';

/**
 * Renders gap list workbooks on another thread: what the ingest may hand one practice's list to while
 * it reads, sorts and stores the next (store-practices.ts). The benchmark's thread implementation is
 * bench/gap-list-worker.ts; Lambda runs without one.
 */
export interface GapListWorker {
  /** The workbook for one gap list, as `renderGapListWorkbook` would return it. */
  render(gapList: GapList): Promise<Buffer>;
  /** Stops the thread; renders still pending are rejected. */
  close(): Promise<void>;
}
