import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskObjectStore } from '../../../bench/disk-object-store';
import { ObjectNotFoundError } from '../../../lambdas/ports';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disk-object-store-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function text(store: DiskObjectStore, bucket: string, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await store.get(bucket, key)).body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('DiskObjectStore', () => {
  it('gives back what was put, from a string, bytes or a stream, in chunks of the size it was made with', async () => {
    const store = new DiskObjectStore(join(dir, 'a'), 4);
    await store.put('reports', 'x/one.txt', 'hello world', 'text/plain');
    await store.put('reports', 'x/two.txt', Buffer.from('bytes'), 'text/plain');
    await store.put('reports', 'y/three.txt', Readable.from(['str', 'eam']), 'text/plain');
    expect(await text(store, 'reports', 'x/one.txt')).toBe('hello world');
    const chunks: number[] = [];
    for await (const chunk of (await store.get('reports', 'x/one.txt')).body) chunks.push(chunk.length);
    expect(chunks).toEqual([4, 4, 3]);
    expect(await text(store, 'reports', 'y/three.txt')).toBe('stream');
    expect(await store.list('reports', 'x/')).toEqual(['x/one.txt', 'x/two.txt']);
    expect(await store.sizeOf('reports', '')).toBe(11 + 5 + 6);
  });

  it('copies, deletes, and adopts an existing file without copying it', async () => {
    const store = new DiskObjectStore(join(dir, 'b'));
    const outside = join(dir, 'export.csv');
    await writeFile(outside, 'NHS Number\n9990000018\n');
    await store.adopt('exports', 'exports/e.csv', outside);
    await store.copy('exports', 'exports/e.csv', 'exports', 'quarantine/e.csv');
    await store.delete('exports', 'exports/e.csv');
    expect(await store.list('exports', '')).toEqual(['quarantine/e.csv']);
    expect(await text(store, 'exports', 'quarantine/e.csv')).toBe('NHS Number\n9990000018\n');
    await expect(store.get('exports', 'exports/e.csv')).rejects.toThrow(ObjectNotFoundError);
  });
});
