import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigExport } from '../../../lambdas/local/samples/write-big-export';
import { ROWS_PER_PROGRESS } from '../../../lambdas/pipeline/ingest-deps';
import { ingestExport } from '../../../lambdas/pipeline/ingest-export';
import { EXPORTS_BUCKET, type PipelineHarness, startPipelineHarness } from '../../support/pipeline-harness';

describe('ingestExport tells onRowsRead the rows read so far (local mode’s live count)', () => {
  let harness: PipelineHarness;
  let dir: string;
  beforeAll(async () => {
    harness = await startPipelineHarness();
    dir = await mkdtemp(join(tmpdir(), 'rows-read-'));
  });
  afterAll(async () => {
    await harness.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is called once per 50,000 rows read, with the file, not per row or per batch', async () => {
    const path = join(dir, 'icb.csv');
    // 60,000 rows: past 50,000 once, so exactly one call.
    await writeBigExport(path, 60_000, 2, 7);
    await harness.land('exports/icb.csv', await readFile(path));
    const calls: [string, number][] = [];
    const deps = { ...harness.ingestDeps(), onRowsRead: (file: string, rows: number) => calls.push([file, rows]) };

    const outcome = await ingestExport(deps, EXPORTS_BUCKET, 'exports/icb.csv');

    expect(ROWS_PER_PROGRESS).toBe(50_000);
    expect(outcome.status).toBe('ingested');
    expect(calls.map(([file]) => file)).toEqual(['exports/icb.csv']);
    // Told after the batch that crosses 50,000 (a batch is at most one 64 KiB chunk's rows: < 2,000).
    const rows = calls[0]?.[1] ?? 0;
    expect(rows).toBeGreaterThanOrEqual(50_000);
    expect(rows).toBeLessThan(52_000);
  }, 60_000);
});
