import type { Readable } from 'node:stream';
import type { ObjectHead, ObjectMetadata, ObjectStore, StoredObject } from '../../lambdas/ports';
import type { FaultPlan } from './fault-plan';

/**
 * An ObjectStore that fails where the plan says: a call rejects before reaching the store (so a
 * failed put leaves nothing behind, as with S3), or an object's body fails part-way through the
 * stream (`objects.read`: a connection reset after `afterBytes`).
 */
export class FaultyObjectStore implements ObjectStore {
  private readonly putHooks: { keyPart: string; run: () => Promise<void> }[] = [];

  constructor(
    private readonly inner: ObjectStore,
    private readonly plan: FaultPlan,
  ) {}

  /** A missing object rejects with the inner store's ObjectNotFoundError, unwrapped (the port's contract). */
  async get(bucket: string, key: string): Promise<StoredObject> {
    this.throwIfPlanned('objects.get', `${bucket}/${key}`);
    const object = await this.inner.get(bucket, key);
    const fault = this.plan.check('objects.read', `${bucket}/${key}`);
    if (!fault) return object;
    return { ...object, body: failingBody(object.body, fault.afterBytes, fault.error) };
  }

  /**
   * Runs `run` once, just before the first put of a key containing `keyPart`: lets a test make
   * another ingest happen "in between", as two Lambdas running at once would.
   */
  beforePut(keyPart: string, run: () => Promise<void>): void {
    this.putHooks.push({ keyPart, run });
  }

  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    this.throwIfPlanned('objects.head', `${bucket}/${key}`);
    return this.inner.head(bucket, key);
  }

  async put(
    bucket: string,
    key: string,
    body: Uint8Array | string | Readable,
    contentType: string,
    metadata?: ObjectMetadata,
  ): Promise<void> {
    this.throwIfPlanned('objects.put', `${bucket}/${key}`);
    const hook = this.putHooks.findIndex((h) => key.includes(h.keyPart));
    if (hook !== -1) {
      const [{ run }] = this.putHooks.splice(hook, 1) as [{ keyPart: string; run: () => Promise<void> }];
      await run();
    }
    await this.inner.put(bucket, key, body, contentType, metadata);
  }

  async copy(fromBucket: string, fromKey: string, toBucket: string, toKey: string): Promise<void> {
    this.throwIfPlanned('objects.copy', `${fromBucket}/${fromKey} -> ${toBucket}/${toKey}`);
    await this.inner.copy(fromBucket, fromKey, toBucket, toKey);
  }

  async delete(bucket: string, key: string): Promise<void> {
    this.throwIfPlanned('objects.delete', `${bucket}/${key}`);
    await this.inner.delete(bucket, key);
  }

  async list(bucket: string, prefix: string): Promise<string[]> {
    this.throwIfPlanned('objects.list', `${bucket}/${prefix}`);
    return this.inner.list(bucket, prefix);
  }

  link(bucket: string, key: string, expiresInSeconds: number): Promise<string> {
    return this.inner.link(bucket, key, expiresInSeconds);
  }

  private throwIfPlanned(operation: Parameters<FaultPlan['check']>[0], detail: string): void {
    const fault = this.plan.check(operation, detail);
    if (fault) throw fault.error;
  }
}

/** Passes `afterBytes` bytes through, then fails as a reset connection would; releases the source. */
async function* failingBody(
  source: AsyncIterable<Uint8Array>,
  afterBytes: number,
  error: Error,
): AsyncGenerator<Uint8Array> {
  let sent = 0;
  try {
    for await (const chunk of source) {
      const room = afterBytes - sent;
      if (room <= 0) break;
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      sent += part.length;
      yield part;
      if (part.length < chunk.length) break;
    }
  } finally {
    (source as { destroy?: () => void }).destroy?.();
  }
  throw error;
}
