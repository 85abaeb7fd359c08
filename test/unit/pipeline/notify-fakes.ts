import type { DirectoryEntry } from '../../../lambdas/core/directory/directory-entry';
import { emptyCounts, type PracticeCounts } from '../../../lambdas/core/metrics/practice-counts';
import type { PracticeSnapshot } from '../../../lambdas/core/snapshot';
import { createLogger } from '../../../lambdas/logger';
import type { NotifyDeps } from '../../../lambdas/pipeline/notify-practices';
import {
  type DirectoryStore,
  type FileRecord,
  type IngestLedgerEntry,
  type LedgerStore,
  type Mailer,
  type NotificationLedger,
  type NotificationRecord,
  ObjectNotFoundError,
  type ObjectStore,
  type OutgoingEmail,
  type SnapshotStore,
  type StoredObject,
} from '../../../lambdas/ports';

/** In-memory snapshots, directory and ingest ledger: what loadPeriodReport reads. */
export class MemoryStores implements SnapshotStore, DirectoryStore, LedgerStore {
  readonly snapshots: PracticeSnapshot[] = [];
  readonly practices = new Map<string, DirectoryEntry>();

  async putSnapshot(snapshot: PracticeSnapshot): Promise<'written' | 'superseded'> {
    this.snapshots.push(snapshot);
    return 'written';
  }
  async getSnapshot(practiceCode: string, period: string) {
    return this.snapshots.find((s) => s.practiceCode === practiceCode && s.period === period);
  }
  async listSnapshots(period: string) {
    return this.snapshots.filter((s) => s.period === period);
  }
  async listPeriods() {
    return [...new Set(this.snapshots.map((s) => s.period))].sort();
  }
  async listPractices() {
    return [...this.practices.values()];
  }
  async upsertPractices(entries: DirectoryEntry[]) {
    for (const entry of entries) this.practices.set(entry.practiceCode, entry);
  }
  async getIngest(): Promise<IngestLedgerEntry | undefined> {
    return undefined;
  }
  async putIngest(): Promise<void> {}
  async putFileRecord(): Promise<void> {}
  async listFileRecords(): Promise<FileRecord[]> {
    return [];
  }
}

/** The notification ledger with DynamoTable's rule: a claim succeeds only when absent or failed. */
export class MemoryNotifications implements NotificationLedger {
  readonly records = new Map<string, NotificationRecord>();
  readonly calls: string[] = [];
  /** Makes the next putNotification of a 'sent' record throw (DynamoDB unavailable). */
  failNextSentPut = false;

  async getNotification(period: string, practiceCode: string) {
    return this.records.get(`${period}/${practiceCode}`);
  }
  async claimNotification(record: NotificationRecord) {
    this.calls.push(`claim ${record.practiceCode}`);
    const key = `${record.period}/${record.practiceCode}`;
    const current = this.records.get(key);
    if (current && current.status !== 'failed') return false;
    this.records.set(key, record);
    return true;
  }
  async putNotification(record: NotificationRecord) {
    this.calls.push(`put ${record.practiceCode} ${record.status}`);
    if (record.status === 'sent' && this.failNextSentPut) {
      this.failNextSentPut = false;
      throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
    }
    this.records.set(`${record.period}/${record.practiceCode}`, record);
  }
}

/** Objects by bucket and key, with bytes. */
export class MemoryObjects implements Pick<ObjectStore, 'get' | 'list'> {
  readonly objects = new Map<string, Uint8Array>();

  async get(bucket: string, key: string): Promise<StoredObject> {
    const body = this.objects.get(`${bucket}/${key}`);
    if (!body) throw new ObjectNotFoundError(bucket, key);
    return {
      body: (async function* () {
        yield body;
      })(),
      etag: 'etag',
      lastModified: new Date(0),
    };
  }
  async list(bucket: string, prefix: string) {
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(`${bucket}/${prefix}`))
      .map((k) => k.slice(bucket.length + 1));
  }
}

/** A mailer that keeps what it sent; `failures` are thrown, one per call, before it starts succeeding. */
export class FakeMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  attempts = 0;
  failures: Error[] = [];

  async send(message: OutgoingEmail) {
    this.attempts++;
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(message);
    return { messageId: `<m${this.sent.length}@example.org>` };
  }
}

export function snapshot(practiceCode: string, period: string, counts: Partial<PracticeCounts>): PracticeSnapshot {
  return {
    period,
    practiceCode,
    extractDate: `${period}-28`,
    clinicalSystem: 'SystmOne',
    source: { bucket: 'exports', key: `exports/${practiceCode}.csv`, etag: 'e' },
    ingestedAt: `${period}-28T10:00:00.000Z`,
    counts: { ...emptyCounts(), ...counts },
    registers: {},
    rejectedByReason: {},
    unrecognisedValues: {},
    unknownRegisterCodes: {},
  };
}

/** The bucket the fakes' gap lists live in. */
export const FAKE_REPORTS_BUCKET = 'reports';

/**
 * NotifyDeps over the fakes with the test ICB's settings (portal at reports.example-icb.nhs.uk, no attachment
 * domains, a silent logger); `config` and the rest override them.
 */
export function fakeNotifyDeps(
  parts: {
    stores: MemoryStores;
    notifications: MemoryNotifications;
    objects: MemoryObjects;
    mailer: Mailer;
    now: Date;
    config?: Partial<NotifyDeps['config']>;
  } & Partial<Pick<NotifyDeps, 'logger' | 'sleep'>>,
): NotifyDeps {
  const { stores, now, config, ...rest } = parts;
  return {
    snapshots: stores,
    ledger: stores,
    directory: stores,
    logger: createLogger({ service: 'test', level: 'error', sink: () => {} }),
    ...rest,
    config: {
      reportsBucket: FAKE_REPORTS_BUCKET,
      icbName: 'NHS Test ICB',
      assumptions: { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025, vatRate: 0 },
      senderAddress: 'pcm-reports@example.org',
      attachmentDomains: [],
      portalBaseUrl: 'https://reports.example-icb.nhs.uk',
      ...config,
    },
    now: () => now,
  };
}
