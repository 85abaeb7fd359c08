import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLocal } from '../../lambdas/local/run-local';
import { exportsFolder, FIXTURES } from './helpers';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Files holding patient data are their owner's only: gap lists, quarantined exports and emails (which may carry a
 * gap list) 0600, and the in-process servers' state folder 0700, even when an older run left them open.
 */
describe('local mode keeps patient data private on disk', () => {
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'pcm-private-'));
    // A state folder and a gap list left world-readable by an earlier version.
    await mkdir(join(out, '.state'), { mode: 0o755 });
    await mkdir(join(out, '2026-10', 'gap-lists'), { recursive: true });
    await writeFile(join(out, '2026-10', 'gap-lists', 'gap-list-A81001-2026-10.xlsx'), 'old', { mode: 0o644 });
    await runLocal({
      exportsDir: await exportsFolder('systmone', 'emis-web', 'broken'),
      practicesFile: join(FIXTURES, 'directory', 'practices.csv'),
      outDir: out,
    });
  });

  it('makes <out>/.state 0700', async () => {
    expect((await modeOf(join(out, '.state'))).toString(8)).toBe('700');
  });

  it('writes every gap list 0600, including one an earlier run left 0644', async () => {
    const gapLists = await filesUnder(join(out, '2026-10', 'gap-lists'));
    expect(gapLists.length).toBeGreaterThan(1);
    for (const file of gapLists) expect([file, (await modeOf(file)).toString(8)]).toEqual([file, '600']);
  });

  it('writes quarantined exports and the emails 0600', async () => {
    const quarantined = await filesUnder(join(out, 'quarantine'));
    const emails = await filesUnder(join(out, '2026-10', 'outbox'));
    expect(quarantined.length).toBeGreaterThan(0);
    expect(emails.length).toBeGreaterThan(0);
    for (const file of [...quarantined, ...emails]) {
      expect([file, (await modeOf(file)).toString(8)]).toEqual([file, '600']);
    }
  });

  it('leaves the ICB workbook, which holds no patient-level data, shareable', async () => {
    const ordinary = join(out, 'ordinary.txt');
    await writeFile(ordinary, 'x'); // the mode any new file gets under this umask
    expect(await modeOf(join(out, '2026-10', 'icb-report-2026-10.xlsx'))).toBe(await modeOf(ordinary));
  });
});
