import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGapListWorker } from '../../../bench/gap-list-worker';
import type { GapListWorker } from '../../../lambdas/render/gap-list/gap-list-worker';
import { renderGapListWorkbook } from '../../../lambdas/render/gap-list-workbook';
import { gapListFixture } from '../render/fixtures';
import { xlsxParts } from '../render/xlsx-parts';

const SOURCE = fileURLToPath(new URL('../../../bench/gap-list-worker.ts', import.meta.url));
const FONTS = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
/** Inside the project, so that the bundle finds its packages in node_modules. */
const SCRATCH = fileURLToPath(new URL('../../../node_modules/.cache/', import.meta.url));

let dir: string;
let worker: GapListWorker;

// A worker thread cannot load TypeScript, so the test bundles the module as a deployment would.
beforeAll(async () => {
  await mkdir(SCRATCH, { recursive: true });
  dir = await mkdtemp(join(SCRATCH, 'gap-list-worker-'));
  const bundle = join(dir, 'gap-list-worker.mjs');
  await build({
    entryPoints: [SOURCE],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  process.env.PCM_FONT_DIR ??= FONTS;
  worker = startGapListWorker(pathToFileURL(bundle));
});

afterAll(async () => {
  await worker?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GapListWorker', () => {
  it('renders the same sheets as renderGapListWorkbook in this thread', async () => {
    // With Fix records and last month's list (a Set, which must survive the trip to the thread).
    const gapList = gapListFixture({
      fixRecords: {
        rows: [{ reason: 'invalid_nhs_number', nhsNumberAsWritten: '12345', surname: 'Baker', forename: 'Sam' }],
        more: 1,
      },
      previousList: {
        period: '2026-09',
        source: { bucket: 'exports', key: 'exports/D83001_2026-09-30.csv', etag: 's' },
        nhsNumbers: new Set(['9990000018']),
      },
    });
    const [there, here] = await Promise.all([worker.render(gapList), renderGapListWorkbook(gapList)]);
    const thereParts = await xlsxParts(there);
    const hereParts = await xlsxParts(here);
    const sheets = [...hereParts.keys()].filter((name) => name.startsWith('xl/worksheets/sheet')).sort();
    expect(sheets).toHaveLength(4);
    for (const name of [...sheets, 'xl/sharedStrings.xml', 'xl/styles.xml']) {
      expect(thereParts.get(name), name).toBe(hereParts.get(name));
    }
  });

  it('renders several gap lists at once and answers each request with its own workbook', async () => {
    const codes = ['D83001', 'D83002', 'D83003'];
    const workbooks = await Promise.all(codes.map((practiceCode) => worker.render(gapListFixture({ practiceCode }))));
    const titles = await Promise.all(
      workbooks.map(
        async (bytes) => (await xlsxParts(bytes)).get('docProps/core.xml')?.match(/<dc:title>([^<]*)</)?.[1],
      ),
    );
    expect(titles).toEqual(codes.map((code) => `Gap list ${code} October 2026`));
  });

  it('fails every render with the reason once its thread cannot start', async () => {
    const broken = startGapListWorker(pathToFileURL(join(dir, 'missing.mjs')));
    await expect(broken.render(gapListFixture())).rejects.toThrow(/gap list worker/);
    await expect(broken.render(gapListFixture())).rejects.toThrow(/gap list worker/);
    await broken.close();
  });
});
