import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditLog, GapListDownload } from '../portal/audit-log';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Gap-list downloads in the single table: `pk = AUDIT#<YYYY-MM of the download>`,
 * `sk = <ISO time>#<ODS>#<random>` (so two downloads in the same millisecond both stay), and
 * `expiresAt` (DynamoDB TTL, epoch seconds) as long after the download as gap lists are kept.
 */
export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
  ) {}

  async recordDownload(download: GapListDownload): Promise<void> {
    const at = new Date(download.at);
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `AUDIT#${download.at.slice(0, 7)}`,
          sk: `${download.at}#${download.practiceCode}#${randomBytes(6).toString('hex')}`,
          user: download.user,
          practiceCode: download.practiceCode,
          period: download.period,
          at: download.at,
          expiresAt: Math.floor(at.getTime() / 1000) + this.retentionDays * DAY_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async listDownloads(month: string): Promise<GapListDownload[]> {
    const downloads: GapListDownload[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': `AUDIT#${month}` },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        downloads.push({
          user: String(item.user),
          practiceCode: String(item.practiceCode),
          period: String(item.period),
          at: String(item.at),
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return downloads;
  }
}
