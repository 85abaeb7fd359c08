import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import type { PracticeSnapshot } from '../../lambdas/core/snapshot';
import type {
  DirectoryEntry,
  DirectoryStore,
  FileRecord,
  IngestLedgerEntry,
  LedgerStore,
  SnapshotStore,
} from '../../lambdas/ports';
import type { FaultOperation, FaultPlan } from './fault-plan';

type Table = SnapshotStore & LedgerStore & DirectoryStore;

/** The error DynamoDB returns once the SDK's own retries for a throttled request are used up. */
export function throttled(): Error {
  return new ProvisionedThroughputExceededException({
    message: 'Injected: the level of configured provisioned throughput for the table was exceeded.',
    $metadata: { httpStatusCode: 400, attempts: 3 },
  });
}

/**
 * The snapshot store, ledger and directory with planned faults in front of them (throttling by
 * default, see `throttled`), and a hook that runs just before a snapshot write: a test uses it to
 * let a "concurrent" ingest write first, so the conditional put meets a real conflict.
 */
export class FaultyTable implements Table {
  beforePutSnapshot?: (snapshot: PracticeSnapshot) => Promise<void>;

  constructor(
    private readonly inner: Table,
    private readonly plan: FaultPlan,
  ) {}

  async putSnapshot(snapshot: PracticeSnapshot): Promise<'written' | 'superseded'> {
    this.throwIfPlanned('snapshots.putSnapshot', `${snapshot.practiceCode}/${snapshot.period}`);
    const hook = this.beforePutSnapshot;
    if (hook) {
      this.beforePutSnapshot = undefined;
      await hook(snapshot);
    }
    return this.inner.putSnapshot(snapshot);
  }

  async getSnapshot(practiceCode: string, period: string): Promise<PracticeSnapshot | undefined> {
    this.throwIfPlanned('snapshots.getSnapshot', `${practiceCode}/${period}`);
    return this.inner.getSnapshot(practiceCode, period);
  }

  async listSnapshots(period: string): Promise<PracticeSnapshot[]> {
    this.throwIfPlanned('snapshots.listSnapshots', period);
    return this.inner.listSnapshots(period);
  }

  async listPeriods(): Promise<string[]> {
    this.throwIfPlanned('snapshots.listPeriods', '*');
    return this.inner.listPeriods();
  }

  async getIngest(bucket: string, key: string, etag: string): Promise<IngestLedgerEntry | undefined> {
    this.throwIfPlanned('ledger.getIngest', `${bucket}/${key}`);
    return this.inner.getIngest(bucket, key, etag);
  }

  async putIngest(entry: IngestLedgerEntry): Promise<void> {
    this.throwIfPlanned('ledger.putIngest', `${entry.bucket}/${entry.key}`);
    await this.inner.putIngest(entry);
  }

  async putFileRecord(record: FileRecord): Promise<void> {
    this.throwIfPlanned('ledger.putFileRecord', `${record.period}/${record.file}`);
    await this.inner.putFileRecord(record);
  }

  async listFileRecords(period?: string): Promise<FileRecord[]> {
    this.throwIfPlanned('ledger.listFileRecords', period ?? '*');
    return this.inner.listFileRecords(period);
  }

  async listPractices(): Promise<DirectoryEntry[]> {
    this.throwIfPlanned('directory.listPractices', '*');
    return this.inner.listPractices();
  }

  upsertPractices(entries: DirectoryEntry[]): Promise<void> {
    return this.inner.upsertPractices(entries);
  }

  private throwIfPlanned(operation: FaultOperation, detail: string): void {
    const fault = this.plan.check(operation, detail, throttled);
    if (fault) throw fault.error;
  }
}
