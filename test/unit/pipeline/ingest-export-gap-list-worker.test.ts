import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsScratchSpace } from '../../../lambdas/adapters/fs-scratch-space';
import type { GapList } from '../../../lambdas/core/report/gap-list';
import { createLogger } from '../../../lambdas/logger';
import type { IngestDeps } from '../../../lambdas/pipeline/ingest-deps';
import { ingestExport } from '../../../lambdas/pipeline/ingest-export';
import {
  type ObjectHead,
  type ObjectMetadata,
  ObjectNotFoundError,
  type ObjectStore,
  type StoredObject,
} from '../../../lambdas/ports';
import type { GapListWorker } from '../../../lambdas/render/gap-list/gap-list-worker';
import { renderGapListWorkbook } from '../../../lambdas/render/gap-list-workbook';
import { practiceExport } from '../../support/practice-export';
import { syntheticNhsNumbers } from '../../support/synthetic-nhs-number';
import { MemoryStores } from './notify-fakes';

/** Objects in memory, every method the ingest uses. */
class Objects implements ObjectStore {
  readonly objects = new Map<string, Buffer>();
  readonly metadata = new Map<string, ObjectMetadata>();
  async get(bucket: string, key: string): Promise<StoredObject> {
    const body = this.objects.get(`${bucket}/${key}`);
    if (!body) throw new ObjectNotFoundError(bucket, key);
    return {
      body: (async function* () {
        yield body;
      })(),
      etag: `etag-${key}`,
      lastModified: new Date('2026-11-01'),
    };
  }
  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    if (!this.objects.has(`${bucket}/${key}`)) return undefined;
    return { etag: `etag-${key}`, metadata: this.metadata.get(`${bucket}/${key}`) ?? {} };
  }
  async put(bucket: string, key: string, body: Uint8Array | string, _type = '', metadata?: ObjectMetadata) {
    this.objects.set(`${bucket}/${key}`, Buffer.from(body));
    this.metadata.set(`${bucket}/${key}`, { ...metadata });
  }
  async copy(fromBucket: string, fromKey: string, toBucket: string, toKey: string): Promise<void> {
    this.objects.set(`${toBucket}/${toKey}`, this.objects.get(`${fromBucket}/${fromKey}`) as Buffer);
  }
  async delete(bucket: string, key: string): Promise<void> {
    this.objects.delete(`${bucket}/${key}`);
  }
  async list(bucket: string, prefix: string): Promise<string[]> {
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(`${bucket}/${prefix}`))
      .map((k) => k.slice(bucket.length + 1))
      .sort();
  }
  async link(bucket: string, key: string): Promise<string> {
    return `memory://${bucket}/${key}`;
  }
}

/** Renders in this thread, as a worker would, and notes which practices it rendered. */
class RecordingWorker implements GapListWorker {
  readonly rendered: string[] = [];
  constructor(private readonly fail = false) {}
  async render(gapList: GapList): Promise<Buffer> {
    this.rendered.push(gapList.practiceCode);
    if (this.fail) throw new Error('The gap list worker stopped: out of memory');
    return renderGapListWorkbook(gapList);
  }
  async close(): Promise<void> {}
}

const CODES = ['A81001', 'B82002', 'C83003', 'D84004'];
const NUMBERS = syntheticNhsNumbers(40);
/** Four practices, ten patients each, every other one without a preference. */
const EXPORT = Buffer.concat(
  CODES.map((code, p) => {
    const patients = NUMBERS.slice(p * 10, p * 10 + 10).map((nhsNumber, i) => ({
      nhsNumber,
      surname: `Surname${i}`,
      forename: 'Amy',
      dateOfBirth: '01/01/1980',
      preference: i % 2 === 0 ? '' : 'SMS',
      mobile: '07700 900123',
    }));
    const text = practiceExport(code, patients).toString('utf8');
    // One header for the whole file.
    return Buffer.from(p === 0 ? text : text.slice(text.indexOf('\n') + 1));
  }),
);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ingest-worker-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function ingest(worker?: GapListWorker) {
  const objects = new Objects();
  const stores = new MemoryStores();
  const logs: string[] = [];
  await objects.put('exports', 'exports/icb_2026-10-31.csv', EXPORT, 'text/csv');
  const deps: IngestDeps = {
    objects,
    snapshots: stores,
    ledger: stores,
    directory: stores,
    scratch: new FsScratchSpace(tmp),
    config: {
      reportsBucket: 'reports',
      icbName: 'NHS Test ICB',
      suppressSmallNumbers: false,
      assumptions: { costPerFragmentGbp: 0.025, invitesPerYear: 2, fragmentsPerInvite: 1, vatRate: 0 },
      userMapping: undefined,
    },
    logger: createLogger({ service: 'test', level: 'debug', sink: (line) => logs.push(line) }),
    now: () => new Date('2026-11-02T09:00:00Z'),
    gapListWorker: worker,
  };
  const outcome = await ingestExport(deps, 'exports', 'exports/icb_2026-10-31.csv');
  return { outcome, objects, stores, logs };
}

describe('ingestExport with a gap list worker', () => {
  it('renders some practices on the worker and stores the same gap lists as without one, in the same order', async () => {
    const worker = new RecordingWorker();
    const withWorker = await ingest(worker);
    const alone = await ingest();
    expect(withWorker.outcome.practices.map((p) => p.practiceCode)).toEqual(CODES);
    expect(withWorker.outcome.practices).toEqual(alone.outcome.practices);
    expect(worker.rendered.length).toBeGreaterThan(0);
    expect(worker.rendered.length).toBeLessThan(CODES.length);
    const staged = (result: Awaited<ReturnType<typeof ingest>>) =>
      [...result.objects.objects].filter(([key]) => key.startsWith('reports/staging/gap-rows/2026-10/'));
    expect(staged(withWorker)).toHaveLength(CODES.length);
    expect(staged(withWorker)).toEqual(staged(alone));
    expect((await withWorker.objects.list('reports', 'gap-lists/2026-10/')).sort()).toEqual(
      CODES.flatMap((code) => [
        `gap-lists/2026-10/gap-list-${code}-2026-10-nhs-numbers.csv`,
        `gap-lists/2026-10/gap-list-${code}-2026-10.xlsx`,
      ]).sort(),
    );
  });

  it('renders in this thread, and says so, when the worker fails', async () => {
    const { outcome, objects, logs } = await ingest(new RecordingWorker(true));
    expect(outcome.status).toBe('ingested');
    // Each practice's workbook and its NHS-number file.
    expect(await objects.list('reports', 'gap-lists/2026-10/')).toHaveLength(2 * CODES.length);
    expect(logs.some((line) => line.includes('gap list worker failed; rendering in this thread'))).toBe(true);
  });

  it('logs how many rows it read and counted, and how long that took', async () => {
    const { logs } = await ingest();
    const counted = logs.map((line) => JSON.parse(line)).find((line) => line.message === 'export rows counted');
    expect(counted).toMatchObject({ file: 'exports/icb_2026-10-31.csv', rows: 40, practices: 4 });
    expect(counted.ms).toBeGreaterThanOrEqual(0);
  });
});
