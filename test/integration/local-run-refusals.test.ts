import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../lambdas/errors';
import { runLocal } from '../../lambdas/local/run-local';
import { exportsFolder, FIXTURES } from './helpers';

const PRACTICES = join(FIXTURES, 'directory', 'practices.csv');

async function refusal(run: Promise<unknown>): Promise<UsageError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof UsageError)) throw new Error(`expected a UsageError, got ${String(error)}`);
  return error;
}

describe('a local run refuses wrong paths before any work, one clear line each', () => {
  it('names a missing exports folder, a missing practices file and an --out that is a file together', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcm-paths-'));
    const outFile = join(dir, 'out.txt');
    await writeFile(outFile, 'not a folder');
    const error = await refusal(
      runLocal({ exportsDir: join(dir, 'no-exports'), practicesFile: join(dir, 'missing.csv'), outDir: outFile }),
    );
    expect(error.message.split('\n')).toEqual([
      `--exports ${join(dir, 'no-exports')} does not exist: give the folder of practice exports (or one export file).`,
      `--practices ${join(dir, 'missing.csv')} does not exist: give the practice directory CSV (practice_code,practice_name,pcn,clinical_system,email).`,
      `--out ${outFile} is a file: give a folder (it is created if missing).`,
    ]);
  });

  it('names an --out below a file, and a practices path that is a folder; creates nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcm-paths-'));
    await writeFile(join(dir, 'file'), 'x');
    await mkdir(join(dir, 'folder'));
    const error = await refusal(
      runLocal({
        exportsDir: await exportsFolder('systmone'),
        practicesFile: join(dir, 'folder'),
        outDir: join(dir, 'file', 'out'),
      }),
    );
    expect(error.message.split('\n')).toEqual([
      `--practices ${join(dir, 'folder')} is a folder: give the practice directory CSV (practice_code,practice_name,pcn,clinical_system,email).`,
      `--out ${join(dir, 'file', 'out')} is inside ${join(dir, 'file')}, which is a file: give a folder (it is created if missing).`,
    ]);
    expect(existsSync(join(dir, 'folder', '.state'))).toBe(false);
  });

  it('fails on a practices CSV with no recognisable header, naming the expected columns, before any ingest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcm-paths-'));
    const practices = join(dir, 'practices.csv');
    // The header line is missing: the first line is a practice.
    await writeFile(practices, 'A81001,Fixture Surgery,PCN 1,SystmOne,a81001@example.org\n');
    const out = join(dir, 'out');
    const error = await refusal(
      runLocal({ exportsDir: await exportsFolder('systmone'), practicesFile: practices, outDir: out }),
    );
    expect(error.message).toBe(
      `The practice directory ${practices} has no recognisable header. Missing column(s) practice_code, practice_name. ` +
        'Expected the header: practice_code,practice_name,pcn,clinical_system,email.',
    );
    expect(existsSync(join(out, '2026-10'))).toBe(false);
  });

  it('still runs with the fixture directory (the check refuses only what is wrong)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pcm-paths-'));
    const summary = await runLocal({
      exportsDir: await exportsFolder('systmone'),
      practicesFile: PRACTICES,
      outDir: out,
    });
    expect(summary.periods.length).toBeGreaterThan(0);
  });
});
