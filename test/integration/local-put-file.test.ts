import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ObjectStore } from '../../lambdas/adapters/s3-object-store';
import { LOCAL_NAMES, type LocalServers, startLocalServers } from '../../lambdas/local/local-servers';
import { runtimeFromServers } from '../../lambdas/local/runtime-from-servers';

// How local mode hands an export to the S3 server (no HTTP): what a GetObject through the SDK then sees.
describe('LocalServers.putFile', () => {
  let servers: LocalServers;
  let objects: S3ObjectStore;
  let dir: string;

  beforeAll(async () => {
    servers = await startLocalServers(undefined);
    dir = await mkdtemp(join(tmpdir(), 'pcm-put-file-'));
    ({ objects } = runtimeFromServers(servers, { env: { LOG_LEVEL: 'silent' }, outDir: dir, tmpDir: dir }));
  });
  afterAll(async () => {
    await servers.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores the file as an object: its bytes, its MD5 as the etag, its content type', async () => {
    const text = 'NHS Number,Surname\n9990000018,Test\n';
    const file = join(dir, 'A81001_2026-10-31.csv');
    await writeFile(file, text);
    await servers.putFile(LOCAL_NAMES.exportsBucket, 'exports/A81001_2026-10-31.csv', file, 'text/csv');

    const object = await objects.get(LOCAL_NAMES.exportsBucket, 'exports/A81001_2026-10-31.csv');
    const chunks: Uint8Array[] = [];
    for await (const chunk of object.body) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toBe(text);
    expect(object.etag).toBe(createHash('md5').update(text).digest('hex'));
    expect(object.size).toBe(text.length);
    const metadata = JSON.parse(
      await readFile(
        servers
          .objectFile(LOCAL_NAMES.exportsBucket, 'exports/A81001_2026-10-31.csv')
          .replace(/object$/, 'metadata.json'),
        'utf8',
      ),
    );
    expect(metadata['content-type']).toBe('text/csv');
  });

  it('rejects (never hangs) when the file cannot be read, and leaves no object behind', async () => {
    const key = 'exports/gone.csv';
    await expect(
      servers.putFile(LOCAL_NAMES.exportsBucket, key, join(dir, 'gone.csv'), 'text/csv'),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(servers.putFile(LOCAL_NAMES.exportsBucket, key, dir, 'text/csv')).rejects.toMatchObject({
      code: 'EISDIR',
    });
    expect(existsSync(servers.objectFile(LOCAL_NAMES.exportsBucket, key))).toBe(false);
    expect(await objects.head(LOCAL_NAMES.exportsBucket, key)).toBeUndefined();
  });
});
