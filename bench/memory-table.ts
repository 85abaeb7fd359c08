import { type PracticeSnapshot, supersedes } from '../lambdas/core/snapshot';
import type {
  DirectoryEntry,
  DirectoryStore,
  FileRecord,
  IngestLedgerEntry,
  LedgerStore,
  SnapshotStore,
} from '../lambdas/ports';

/**
 * The snapshot store, ingest ledger and practice directory in memory, with DynamoTable's rules
 * (the latest extract in a month wins; on the same date, the later ingest). For the benchmark: it
 * measures our code, not a DynamoDB emulator. Holds aggregates only, a few KB per practice.
 */
export class MemoryTable implements SnapshotStore, LedgerStore, DirectoryStore {
  private readonly snapshots = new Map<string, PracticeSnapshot>();
  private readonly periods = new Set<string>();
  private readonly ingests = new Map<string, IngestLedgerEntry>();
  private readonly fileRecords = new Map<string, FileRecord>();
  private readonly practices = new Map<string, DirectoryEntry>();

  async putSnapshot(snapshot: PracticeSnapshot): Promise<'written' | 'superseded'> {
    const key = `${snapshot.practiceCode}#${snapshot.period}`;
    const stored = this.snapshots.get(key);
    if (stored !== undefined && !supersedes(snapshot, stored)) return 'superseded';
    this.snapshots.set(key, structuredClone(snapshot));
    this.periods.add(snapshot.period);
    return 'written';
  }

  async getSnapshot(practiceCode: string, period: string): Promise<PracticeSnapshot | undefined> {
    const stored = this.snapshots.get(`${practiceCode}#${period}`);
    return stored === undefined ? undefined : structuredClone(stored);
  }

  async listSnapshots(period: string): Promise<PracticeSnapshot[]> {
    return [...this.snapshots.values()].filter((s) => s.period === period).map((s) => structuredClone(s));
  }

  async listPeriods(): Promise<string[]> {
    return [...this.periods].sort();
  }

  async listPractices(): Promise<DirectoryEntry[]> {
    return [...this.practices.values()].map((entry) => ({ ...entry }));
  }

  async upsertPractices(entries: DirectoryEntry[]): Promise<void> {
    for (const entry of entries) this.practices.set(entry.practiceCode, { ...entry });
  }

  async getIngest(bucket: string, key: string, etag: string): Promise<IngestLedgerEntry | undefined> {
    return this.ingests.get(`${bucket}/${key}#${etag}`);
  }

  async putIngest(entry: IngestLedgerEntry): Promise<void> {
    this.ingests.set(`${entry.bucket}/${entry.key}#${entry.etag}`, structuredClone(entry));
  }

  async putFileRecord(record: FileRecord): Promise<void> {
    this.fileRecords.set(`${record.period}#${record.kind}#${record.file}`, structuredClone(record));
  }

  async listFileRecords(period?: string): Promise<FileRecord[]> {
    const records = [...this.fileRecords.values()];
    return (period === undefined ? records : records.filter((r) => r.period === period)).map((r) => structuredClone(r));
  }
}
