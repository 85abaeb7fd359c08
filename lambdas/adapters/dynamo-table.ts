import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { PracticeSnapshot } from '../core/snapshot';
import type {
  DirectoryEntry,
  DirectoryStore,
  FileRecord,
  IngestLedgerEntry,
  LedgerStore,
  NotificationLedger,
  NotificationRecord,
  SnapshotStore,
} from '../ports';
import { NOTIFICATION_KEY_PREFIX } from './table-keys';

/** The GSI that reads one period across practices (and the directory as one list). */
export const BY_PERIOD_INDEX = 'byPeriod';

/**
 * The single DynamoDB table behind the directory, snapshots and ledgers.
 * Keys: pk/sk, GSI byPeriod gsi1pk/gsi1sk. Items hold aggregates and file names, never patient data.
 */
export class DynamoTable implements SnapshotStore, DirectoryStore, LedgerStore, NotificationLedger {
  /** Periods whose marker this process has written: it is never removed, so once is enough (not once a practice). */
  private readonly periodsMarked = new Set<string>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putSnapshot(snapshot: PracticeSnapshot): Promise<'written' | 'superseded'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `PRACTICE#${snapshot.practiceCode}`,
            sk: `SNAPSHOT#${snapshot.period}`,
            gsi1pk: `PERIOD#${snapshot.period}`,
            gsi1sk: `PRACTICE#${snapshot.practiceCode}`,
            extractDate: snapshot.extractDate,
            ingestedAt: snapshot.ingestedAt,
            snapshot,
          },
          // The latest extract in the month wins; on the same date, the later ingest.
          ConditionExpression:
            'attribute_not_exists(pk) OR extractDate < :d OR (extractDate = :d AND ingestedAt <= :i)',
          ExpressionAttributeValues: { ':d': snapshot.extractDate, ':i': snapshot.ingestedAt },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'superseded';
      throw error;
    }
    if (!this.periodsMarked.has(snapshot.period)) {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: 'PERIODS', sk: snapshot.period } }));
      this.periodsMarked.add(snapshot.period);
    }
    return 'written';
  }

  async getSnapshot(practiceCode: string, period: string): Promise<PracticeSnapshot | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `PRACTICE#${practiceCode}`, sk: `SNAPSHOT#${period}` },
        ConsistentRead: true,
      }),
    );
    return Item?.snapshot as PracticeSnapshot | undefined;
  }

  async listSnapshots(period: string): Promise<PracticeSnapshot[]> {
    const items = await this.query({
      IndexName: BY_PERIOD_INDEX,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': `PERIOD#${period}` },
    });
    return items.map((item) => item.snapshot as PracticeSnapshot);
  }

  async listPeriods(): Promise<string[]> {
    const items = await this.query({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': 'PERIODS' },
    });
    return items.map((item) => String(item.sk)).sort();
  }

  async listPractices(): Promise<DirectoryEntry[]> {
    const items = await this.query({
      IndexName: BY_PERIOD_INDEX,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': 'DIRECTORY' },
    });
    return items.map((item) => item.entry as DirectoryEntry);
  }

  async upsertPractices(entries: DirectoryEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 25) {
      const batch = entries.slice(i, i + 25).map((entry) => ({
        PutRequest: {
          Item: {
            pk: `PRACTICE#${entry.practiceCode}`,
            sk: 'DIRECTORY',
            gsi1pk: 'DIRECTORY',
            gsi1sk: entry.practiceCode,
            entry,
          },
        },
      }));
      let request: Record<string, typeof batch> | undefined = { [this.tableName]: batch };
      for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 6)));
        const result = await this.db.send(new BatchWriteCommand({ RequestItems: request }));
        request = result.UnprocessedItems as Record<string, typeof batch> | undefined;
      }
    }
  }

  async getIngest(bucket: string, key: string, etag: string): Promise<IngestLedgerEntry | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `EXPORT#${bucket}/${key}`, sk: `ETAG#${etag}` },
        ConsistentRead: true,
      }),
    );
    return Item?.entry as IngestLedgerEntry | undefined;
  }

  async putIngest(entry: IngestLedgerEntry): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `EXPORT#${entry.bucket}/${entry.key}`, sk: `ETAG#${entry.etag}`, entry },
      }),
    );
  }

  async putFileRecord(record: FileRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: 'FILES', sk: `${record.period}#${record.kind}#${record.file}`, record },
      }),
    );
  }

  async listFileRecords(period?: string): Promise<FileRecord[]> {
    const items = await this.query(
      period === undefined
        ? { KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'FILES' } }
        : {
            KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
            ExpressionAttributeValues: { ':p': 'FILES', ':s': `${period}#` },
          },
    );
    return items.map((item) => item.record as FileRecord);
  }

  async getNotification(period: string, practiceCode: string): Promise<NotificationRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `${NOTIFICATION_KEY_PREFIX}${period}`, sk: `PRACTICE#${practiceCode}` },
        ConsistentRead: true,
      }),
    );
    return Item?.record as NotificationRecord | undefined;
  }

  async claimNotification(record: NotificationRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `${NOTIFICATION_KEY_PREFIX}${record.period}`,
            sk: `PRACTICE#${record.practiceCode}`,
            status: record.status,
            record,
          },
          // Only one sender may claim a practice and period; a failed attempt may be claimed again.
          ConditionExpression: 'attribute_not_exists(pk) OR #s = :failed',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async putNotification(record: NotificationRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `${NOTIFICATION_KEY_PREFIX}${record.period}`,
          sk: `PRACTICE#${record.practiceCode}`,
          status: record.status,
          record,
        },
      }),
    );
  }

  private async query(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
