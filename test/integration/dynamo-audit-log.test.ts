import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../lambdas/adapters/aws-clients';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamo-audit-log';
import { LOCAL_NAMES, type LocalServers, startLocalServers } from '../../lambdas/local/local-servers';

describe('DynamoAuditLog (in-process DynamoDB)', () => {
  let servers: LocalServers;
  beforeAll(async () => {
    servers = await startLocalServers(undefined);
  });
  afterAll(async () => {
    await servers?.close();
  });

  function client() {
    Object.assign(process.env, servers.env);
    return createDocumentClient({
      region: LOCAL_NAMES.region,
      dynamoEndpoint: servers.dynamoEndpoint,
      forcePathStyle: true,
    });
  }

  it('keeps each download under the month it happened, with a TTL the retention days later', async () => {
    const db = client();
    const audit = new DynamoAuditLog(db, LOCAL_NAMES.tableName, 90);
    const download = {
      user: 'pm@example.org',
      practiceCode: 'A81001',
      period: '2026-10',
      at: '2026-11-05T09:30:00.000Z',
    };
    await audit.recordDownload(download);
    await audit.recordDownload(download); // the same instant twice: both kept
    await audit.recordDownload({ ...download, at: '2026-12-01T00:00:00.000Z' });

    expect(await audit.listDownloads('2026-11')).toEqual([download, download]);
    expect(await audit.listDownloads('2026-12')).toHaveLength(1);
    // 2026-11-05T09:30Z is 1793871000 s; plus 90 days (7,776,000 s) = 1801647000.
    const sk = await skOf(db, '2026-11');
    const { Item } = await db.send(
      new GetCommand({ TableName: LOCAL_NAMES.tableName, Key: { pk: 'AUDIT#2026-11', sk } }),
    );
    expect(Item?.expiresAt).toBe(1801647000);
    expect(sk).toMatch(/^2026-11-05T09:30:00\.000Z#A81001#[0-9a-f]{12}$/);
  });
});

async function skOf(db: ReturnType<typeof createDocumentClient>, month: string): Promise<string> {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const page = await db.send(
    new QueryCommand({
      TableName: LOCAL_NAMES.tableName,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': `AUDIT#${month}` },
      Limit: 1,
    }),
  );
  return String(page.Items?.[0]?.sk);
}
