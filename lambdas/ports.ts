import type { Readable } from 'node:stream';
import type { FileRecord } from './core/report/file-record';
import type { PracticeSnapshot } from './core/snapshot';
import type { SpillFile } from './core/tally/spill-file';

/** An object as the pipeline reads it: a stream, never the whole body. */
export interface StoredObject {
  body: AsyncIterable<Uint8Array>;
  etag: string;
  versionId?: string;
  lastModified: Date;
  size?: number;
}

/** User metadata stored with an object (S3 `x-amz-meta-*`): lower-case ASCII keys, ASCII values. */
export type ObjectMetadata = Readonly<Record<string, string>>;

export interface ObjectHead {
  etag: string;
  metadata: ObjectMetadata;
}

/**
 * `ObjectStore.get` found no object at the key. Every store throws this one error (S3's own is `NoSuchKey`),
 * so callers can tell "not there" from a failure without knowing which store they have.
 */
export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';
  constructor(
    readonly bucket: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`There is no object ${key} in ${bucket}.`, options);
  }
}

export interface ObjectStore {
  /** Opens the object for reading; rejects with ObjectNotFoundError when there is no such object. */
  get(bucket: string, key: string): Promise<StoredObject>;
  /**
   * The object's etag and user metadata without reading it; undefined when there is no such object (or S3
   * will not say whether there is: see S3ObjectStore.head).
   */
  head(bucket: string, key: string): Promise<ObjectHead | undefined>;
  /** Stores the object; `metadata` (ASCII keys and values) is kept with it and returned by `head`. */
  put(
    bucket: string,
    key: string,
    body: Uint8Array | string | Readable,
    contentType: string,
    metadata?: ObjectMetadata,
  ): Promise<void>;
  copy(fromBucket: string, fromKey: string, toBucket: string, toKey: string): Promise<void>;
  delete(bucket: string, key: string): Promise<void>;
  list(bucket: string, prefix: string): Promise<string[]>;
  /** A time-limited download link (S3 presigned URL; a file path locally). */
  link(bucket: string, key: string, expiresInSeconds: number): Promise<string>;
}

/** A file spooled to scratch space, for readers that need random access (a zip archive). */
export interface SpooledFile {
  path: string;
  /** Deletes the file; safe to call more than once. */
  remove(): Promise<void>;
}

/**
 * Scratch space on the machine running an ingest (Lambda: /tmp), for what does not fit in memory. Nothing
 * written here outlives the ingest: it may hold patient data.
 */
export interface ScratchSpace {
  /** Spill storage for one export's gap list rows; `close()` releases it. */
  openSpillFile(): SpillFile & { close(): void };
  /** Writes the bytes to a new file; if reading them fails, the file is removed and the error passed on. */
  spool(bytes: AsyncIterable<Uint8Array>): Promise<SpooledFile>;
}

export type { DirectoryEntry } from './core/directory/directory-entry';

import type { DirectoryEntry } from './core/directory/directory-entry';

/** What happened to one export object (idempotency on bucket, key and etag). */
export interface IngestLedgerEntry {
  bucket: string;
  key: string;
  etag: string;
  status: 'ingested' | 'rejected';
  at: string;
  periods: string[];
  practiceCodes: string[];
  /**
   * mappingFingerprint of the column and value mappings the export was read with; absent without mappings.
   * An entry made under other mappings does not count as handled: the export is read again.
   */
  mappings?: string;
}

/** An ingest record for one period (defined in core, where the period report reads it). */
export type { FileRecord } from './core/report/file-record';

export interface SnapshotStore {
  /**
   * Writes the snapshot unless the stored one for the same practice and period is from a later
   * extract (later extract date wins; same date: the later ingest wins).
   */
  putSnapshot(snapshot: PracticeSnapshot): Promise<'written' | 'superseded'>;
  getSnapshot(practiceCode: string, period: string): Promise<PracticeSnapshot | undefined>;
  /** Every practice's snapshot for one period. */
  listSnapshots(period: string): Promise<PracticeSnapshot[]>;
  /** Every period that has at least one snapshot, ascending. */
  listPeriods(): Promise<string[]>;
}

export interface DirectoryStore {
  listPractices(): Promise<DirectoryEntry[]>;
  upsertPractices(entries: DirectoryEntry[]): Promise<void>;
}

export interface LedgerStore {
  getIngest(bucket: string, key: string, etag: string): Promise<IngestLedgerEntry | undefined>;
  putIngest(entry: IngestLedgerEntry): Promise<void>;
  putFileRecord(record: FileRecord): Promise<void>;
  /** The records of one period, or of every period when none is given. */
  listFileRecords(period?: string): Promise<FileRecord[]>;
}

/** One email to one practice for one period: the exactly-once ledger. */
export interface NotificationRecord {
  period: string;
  practiceCode: string;
  status: 'sending' | 'sent' | 'failed';
  at: string;
  messageId?: string;
  /** Why the last attempt failed (no patient data). */
  error?: string;
}

export interface NotificationLedger {
  getNotification(period: string, practiceCode: string): Promise<NotificationRecord | undefined>;
  /** Atomically claims the practice and period for sending; false if already sent or being sent. */
  claimNotification(record: NotificationRecord): Promise<boolean>;
  putNotification(record: NotificationRecord): Promise<void>;
}

export interface OutgoingEmail {
  to: string;
  from: string;
  /** Where replies go (the ICB's named contact); absent: to the sender. */
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
}

export interface Mailer {
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
  /**
   * How many practices' emails may be prepared and sent at once; default 1, which keeps a provider (SES,
   * SMTP) well inside its sending rate. A local outbox has none.
   */
  readonly parallelSends?: number;
}
