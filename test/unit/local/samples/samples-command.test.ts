import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../../lambdas/errors';
import { samplesCommand } from '../../../../lambdas/local/commands/samples';

const root = mkdtempSync(join(tmpdir(), 'samples-command-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(args: string[]): Promise<string> {
  let out = '';
  const command = samplesCommand()
    .exitOverride()
    .configureOutput({ writeOut: (text) => (out += text), writeErr: () => {} });
  await command.parseAsync(args, { from: 'user' });
  return out;
}

describe('pcm-report samples', () => {
  it('writes a small set and says where it is and how to run it', async () => {
    const out = join(root, 'small');
    const summary = await run(['--out', out, '--practices', '3', '--patients', '60', '--months', '1']);
    // The first three bundled practices; with one month, the files made to be quarantined land in it.
    expect(readdirSync(join(out, 'exports', '2026-09')).sort()).toEqual([
      'EMIS_Y02345_20260915.csv',
      'EMIS_Y02345_20260930.csv',
      'Y01234_2026-09-30_systmone.csv',
      'Y03456_2026-09-30_systmone.csv',
      'Y09999_2026-09-30_broken.csv',
    ]);
    expect(existsSync(join(out, 'practices.csv'))).toBe(true);
    expect(summary).toContain('3 practices exporting, 1 month (2026-09 to 2026-09), seed 2026');
    expect(summary).toContain(`--exports ${out}/exports --practices ${out}/practices.csv`);
  });

  it('adds plain practices beyond the bundled twenty', async () => {
    const out = join(root, 'more');
    const summary = await run(['--out', out, '--practices', '22', '--patients', '50', '--months', '1']);
    expect(summary).toContain('22 practices exporting');
    expect(existsSync(join(out, 'exports', '2026-09', 'Y20001_2026-09-30_systmone.csv'))).toBe(true);
    expect(existsSync(join(out, 'exports', '2026-09', 'EMIS_Y20002_20260930.csv'))).toBe(true);
  });

  it('reports files of an earlier set that this one lacks, and leaves them in place', async () => {
    const out = join(root, 'stray');
    mkdirSync(join(out, 'exports', 'old'), { recursive: true });
    writeFileSync(join(out, 'exports', 'old', 'mine.csv'), 'NHS Number\n');
    const summary = await run(['--out', out, '--practices', '1', '--patients', '50', '--months', '1']);
    expect(summary).toContain('1 other file(s)');
    expect(existsSync(join(out, 'exports', 'old', 'mine.csv'))).toBe(true);
  });

  it.each([
    ['--months', '0'],
    ['--practices', 'many'],
    ['--patients', '10'],
    ['--seed', '-1'],
  ])('refuses %s %s with a usage error', async (option, value) => {
    await expect(run(['--out', join(root, 'refused'), option, value])).rejects.toThrow(CommanderError);
  });

  it('refuses more patients than the 999 test range holds, saying which options to lower', async () => {
    await expect(run(['--out', join(root, 'huge'), '--practices', '500', '--patients', '200000'])).rejects.toThrow(
      UsageError,
    );
  });
});
