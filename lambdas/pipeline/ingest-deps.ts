import type { PipelineConfig } from '../config';
import type { Logger } from '../logger';
import type { DirectoryStore, LedgerStore, ObjectStore, ScratchSpace, SnapshotStore } from '../ports';
import type { GapListWorker } from '../render/gap-list/gap-list-worker';

/** What ingesting an export needs from outside: the stores, scratch space, the config, a logger and the clock. */
export interface IngestDeps {
  objects: ObjectStore;
  snapshots: SnapshotStore;
  ledger: LedgerStore;
  directory: DirectoryStore;
  /** For the gap list rows of a large export and for spooling a zip archive. */
  scratch: ScratchSpace;
  config: Pick<
    PipelineConfig,
    'reportsBucket' | 'icbName' | 'assumptions' | 'suppressSmallNumbers' | 'userMapping' | 'valueMapping'
  >;
  logger: Logger;
  now: () => Date;
  /**
   * Renders gap list workbooks on a second thread while this one renders another practice's, for
   * multi-practice exports on machines with two or more cores. Without it everything runs in this thread.
   */
  gapListWorker?: GapListWorker;
}
