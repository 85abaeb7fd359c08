import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type ObjectHead,
  type ObjectMetadata,
  ObjectNotFoundError,
  type ObjectStore,
  type StoredObject,
} from '../lambdas/ports';

/** Chunk size for reading objects back: what an S3 GetObject body typically delivers (64 KiB). */
export const DEFAULT_READ_CHUNK = 64 * 1024;

/**
 * An ObjectStore over a local folder (`<root>/<bucket>/<key>`), for the benchmark. Objects live outside
 * the process, as they do in S3, so peak RSS measures our pipeline rather than the store: holding 150
 * gap list workbooks in the heap would add the size of the outputs to every memory figure.
 * `etag` is a hash of the key and size (cheap and stable; nothing here depends on content hashes).
 * User metadata is kept in memory: a scenario runs in one process, and it is a few bytes per object.
 */
export class DiskObjectStore implements ObjectStore {
  private readonly metadata = new Map<string, ObjectMetadata>();

  constructor(
    private readonly root: string,
    private readonly readChunk = DEFAULT_READ_CHUNK,
  ) {}

  /** Links an existing file (a generated export) into the store without copying it. */
  async adopt(bucket: string, key: string, file: string): Promise<void> {
    const path = this.path(bucket, key);
    await mkdir(dirname(path), { recursive: true });
    await rm(path, { force: true });
    await symlink(file, path);
  }

  async get(bucket: string, key: string): Promise<StoredObject> {
    const path = this.path(bucket, key);
    const info = await stat(path).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new ObjectNotFoundError(bucket, key, { cause: error });
      throw error;
    });
    return {
      body: createReadStream(path, { highWaterMark: this.readChunk }),
      etag: etagOf(key, info),
      lastModified: info.mtime,
      size: info.size,
    };
  }

  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    const info = await stat(this.path(bucket, key)).catch(() => undefined);
    if (info === undefined) return undefined;
    return { etag: etagOf(key, info), metadata: this.metadata.get(`${bucket}/${key}`) ?? {} };
  }

  async put(
    bucket: string,
    key: string,
    body: Uint8Array | string | Readable,
    _contentType: string,
    metadata?: ObjectMetadata,
  ): Promise<void> {
    const path = this.path(bucket, key);
    await mkdir(dirname(path), { recursive: true });
    if (body instanceof Readable) await pipeline(body, createWriteStream(path));
    else await writeFile(path, body);
    this.metadata.set(`${bucket}/${key}`, { ...metadata });
  }

  async copy(fromBucket: string, fromKey: string, toBucket: string, toKey: string): Promise<void> {
    const target = this.path(toBucket, toKey);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(this.path(fromBucket, fromKey), target);
  }

  async delete(bucket: string, key: string): Promise<void> {
    await rm(this.path(bucket, key), { force: true });
  }

  async list(bucket: string, prefix: string): Promise<string[]> {
    const base = join(this.root, bucket);
    const keys: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else {
          const key = relative(base, path).split(sep).join('/');
          if (key.startsWith(prefix)) keys.push(key);
        }
      }
    };
    await walk(base);
    return keys.sort();
  }

  async link(bucket: string, key: string, _expiresInSeconds: number): Promise<string> {
    return this.path(bucket, key);
  }

  /** Total bytes stored under a prefix (for reporting output sizes). */
  async sizeOf(bucket: string, prefix: string): Promise<number> {
    let total = 0;
    for (const key of await this.list(bucket, prefix)) total += (await stat(this.path(bucket, key))).size;
    return total;
  }

  private path(bucket: string, key: string): string {
    return join(this.root, bucket, ...key.split('/'));
  }
}

function etagOf(key: string, info: { size: number; mtimeMs: number }): string {
  return createHash('sha1').update(`${key}#${info.size}#${info.mtimeMs}`).digest('hex');
}
