import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoTable } from '../../lambdas/adapters/dynamo-table';
import type { S3ObjectStore } from '../../lambdas/adapters/s3-object-store';
import { createIngestHandler } from '../../lambdas/handlers/ingest';
import { LOCAL_NAMES, type LocalServers, startLocalServers } from '../../lambdas/local/local-servers';
import { runtimeFromServers } from '../../lambdas/local/runtime-from-servers';
import { sqsEventForNewObject } from '../../lambdas/local/s3-event';
import { FIXTURES } from './helpers';

// The real ingest handler, built from a runtime on in-process S3 and DynamoDB (real AWS SDK clients, loopback).
describe('ingest handler', () => {
  let servers: LocalServers;
  let handler: ReturnType<typeof createIngestHandler>;
  let objects: S3ObjectStore;
  let table: DynamoTable;

  beforeAll(async () => {
    servers = await startLocalServers(undefined);
    const runtime = runtimeFromServers(servers, { env: { LOG_LEVEL: 'silent' }, outDir: tmpdir(), tmpDir: tmpdir() });
    handler = createIngestHandler(runtime);
    ({ objects, table } = runtime);
  });
  afterAll(() => servers.close());

  async function land(fixture: string, key: string) {
    const body = await readFile(join(FIXTURES, fixture));
    await objects.put(LOCAL_NAMES.exportsBucket, key, body, 'text/csv');
    return sqsEventForNewObject(LOCAL_NAMES.exportsBucket, key, body.length, '');
  }

  it('stores a snapshot with the hand-counted numbers and the gap list', async () => {
    const event = await land('systmone/A81001_2026-10-31.csv', 'exports/A81001_2026-10-31.csv');
    const response = await handler(event);
    expect(response.batchItemFailures).toEqual([]);
    const snapshot = await table.getSnapshot('A81001', '2026-10');
    expect(snapshot?.counts).toMatchObject({ registered: 11, noPreference: 4, rowsRead: 13, rowsRejected: 1 });
    expect(snapshot?.extractDate).toBe('2026-10-31');
    expect(snapshot?.unrecognisedValues).toEqual({ 'Carrier pigeon': 1 });
    expect((await objects.list(LOCAL_NAMES.reportsBucket, 'gap-lists/2026-10/')).sort()).toEqual([
      'gap-lists/2026-10/gap-list-A81001-2026-10-nhs-numbers.csv',
      'gap-lists/2026-10/gap-list-A81001-2026-10.xlsx',
    ]);
  });

  it('changes nothing when the same S3 event is delivered twice', async () => {
    const event = await land('emis-web/EMIS_B82002_20261030.csv', 'exports/EMIS_B82002_20261030.csv');
    const first = await handler(event);
    const stored = await table.getSnapshot('B82002', '2026-10');
    const second = await handler(event);
    expect(first.outcomes[0]?.status).toBe('ingested');
    expect(second.outcomes[0]?.status).toBe('already_ingested');
    expect(await table.getSnapshot('B82002', '2026-10')).toEqual(stored);
  });

  it('keeps the later extract when an older one for the same month arrives afterwards', async () => {
    await handler(await land('systmone/A81001_2026-10-31.csv', 'exports/late/A81001_2026-10-31.csv'));
    const response = await handler(await land('systmone/A81001_2026-09-30.csv', 'exports/late/A81001_2026-10-02.csv'));
    // The file is named 2 October but holds 4 patients; the 31 October snapshot (11 patients) stays.
    expect(response.outcomes[0]?.practices).toEqual([
      { practiceCode: 'A81001', period: '2026-10', registered: 4, snapshot: 'superseded' },
    ]);
    expect((await table.getSnapshot('A81001', '2026-10'))?.counts.registered).toBe(11);
  });

  it('quarantines a file without a recognisable header and keeps it with its reason', async () => {
    const key = 'exports/broken/C83003_2026-10-31_wrong-columns.csv';
    const response = await handler(await land('broken/C83003_2026-10-31_wrong-columns.csv', key));
    expect(response.batchItemFailures).toEqual([]);
    expect(response.outcomes[0]?.status).toBe('rejected');
    const kept = await objects.list(LOCAL_NAMES.exportsBucket, 'quarantine/broken/');
    expect(kept.sort()).toEqual([
      'quarantine/broken/C83003_2026-10-31_wrong-columns.csv',
      'quarantine/broken/C83003_2026-10-31_wrong-columns.csv.error.json',
    ]);
    expect(await objects.list(LOCAL_NAMES.exportsBucket, key)).toEqual([]);
    const records = await table.listFileRecords('2026-10');
    expect(records.find((r) => r.kind === 'quarantined')).toMatchObject({
      file: key,
      reason: 'no_header',
    });
  });

  it('ignores the test event S3 sends when notifications are configured', async () => {
    const [record] = (await land('systmone/A81001_2026-10-31.csv', 'exports/t.csv')).Records;
    if (!record) throw new Error('no record');
    const response = await handler({
      Records: [
        {
          ...record,
          body: '{"Event":"s3:TestEvent"}',
        },
      ],
    });
    expect(response).toEqual({ batchItemFailures: [], outcomes: [] });
  });

  it('reports a message as failed (for SQS to retry) when the object cannot be read', async () => {
    const event = sqsEventForNewObject(LOCAL_NAMES.exportsBucket, 'exports/not-there.csv', 1, '');
    const response = await handler(event);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
  });
});
