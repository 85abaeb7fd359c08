import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PipelineHarness, REPORTS_BUCKET, startPipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipelineHarness();
});
afterAll(() => h.close());

async function bytesOf(key: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of (await h.objects.get(REPORTS_BUCKET, key)).body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// Bytes in memory go up in one PutObject, streams through lib-storage's Upload: both against the S3 wire protocol.
describe('ObjectStore.put through the S3 adapter', () => {
  it('stores a string, bytes, an empty string and a stream as they were, with no SDK warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    await h.objects.put(REPORTS_BUCKET, 'put/text.csv', 'nhs_number\n9990000018\n', 'text/csv');
    await h.objects.put(REPORTS_BUCKET, 'put/bytes.bin', Buffer.from([0, 1, 2, 255]), 'application/octet-stream');
    await h.objects.put(REPORTS_BUCKET, 'put/empty.csv', '', 'text/csv');
    await h.objects.put(REPORTS_BUCKET, 'put/empty.bin', new Uint8Array(0), 'application/octet-stream');
    await h.objects.put(REPORTS_BUCKET, 'put/stream.txt', Readable.from(['a', 'b', 'c']), 'text/plain', { k: 'v' });

    expect((await bytesOf('put/text.csv')).toString()).toBe('nhs_number\n9990000018\n');
    expect([...(await bytesOf('put/bytes.bin'))]).toEqual([0, 1, 2, 255]);
    expect((await bytesOf('put/empty.csv')).length).toBe(0);
    expect((await bytesOf('put/empty.bin')).length).toBe(0);
    expect((await bytesOf('put/stream.txt')).toString()).toBe('abc');
    expect((await h.objects.head(REPORTS_BUCKET, 'put/stream.txt'))?.metadata).toEqual({ k: 'v' });
    expect(warn.mock.calls.flat().join('\n')).not.toMatch(/unknown length/);
    warn.mockRestore();
  });
});
