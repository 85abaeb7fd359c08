import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { GapList } from '../lambdas/core/report/gap-list';
import type { GapListWorker } from '../lambdas/render/gap-list/gap-list-worker';
import { renderGapListWorkbook } from '../lambdas/render/gap-list-workbook';

/** Marks the thread started by `startGapListWorker`, so that loading this module there starts serving. */
const ROLE = 'pcm-reporter-gap-list-worker';

interface Request {
  id: number;
  gapList: GapList;
}

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * Starts a worker thread that renders gap list workbooks, so a second core can render one practice's
 * list while the main thread reads, sorts and stores the next. Rendering with exceljs is the most costly
 * step of an ICB-wide ingest (~25 µs per patient row), and it is independent per practice.
 *
 * Only the benchmark starts one, so it lives in bench/: on Lambda's fraction of a vCPU it only adds a
 * second V8 heap, and on 2 cores wall time did not fall (docs/performance.md). The pipeline accepts any
 * GapListWorker.
 *
 * `entry` is the JavaScript file the thread loads; it must include this module. By default it is this
 * module's own file. Under a TypeScript loader (tsx, vitest) pass a bundle of this module instead
 * (build-bundles.ts makes one), since worker threads do not inherit the loader. If the thread cannot
 * start or dies, every pending and later render fails with the reason, and callers may render
 * in-thread instead.
 */
export function startGapListWorker(entry: URL = new URL(import.meta.url)): GapListWorker {
  const worker = new Worker(entry, { workerData: { role: ROLE } });
  const pending = new Map<number, { resolve: (bytes: Buffer) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if ('error' in reply) waiting.reject(new Error(`Rendering a gap list in the worker failed: ${reply.error}`));
    else waiting.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
  });
  worker.on('error', (error) => failAll(new Error(`The gap list worker stopped: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => failAll(new Error(`The gap list worker exited (code ${code}).`)));
  // An idle worker must not keep the process alive; one with renders pending must.
  worker.unref();
  return {
    render(gapList: GapList): Promise<Buffer> {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, gapList } satisfies Request);
      });
    },
    async close(): Promise<void> {
      await worker.terminate();
    },
  };
}

/** The worker side: render each request and send the bytes back (the buffer is transferred, not copied). */
function serve(): void {
  const port = parentPort;
  if (port === null) return;
  port.on('message', async ({ id, gapList }: Request) => {
    try {
      const bytes = await renderGapListWorkbook(gapList);
      // A fresh copy owns its whole ArrayBuffer, so it can be transferred without touching Buffer's pool.
      const owned = new Uint8Array(bytes);
      port.postMessage({ id, bytes: owned } satisfies Reply, [owned.buffer]);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies Reply);
    }
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve();
