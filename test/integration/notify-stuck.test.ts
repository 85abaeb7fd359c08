import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNotifyHandler } from '../../lambdas/handlers/notify-practices';
import { notifyCommand } from '../../lambdas/local/commands/notify';
import { withLocalSession } from '../../lambdas/local/local-session';
import { notifyInSession } from '../../lambdas/local/notify-local';
import { runLocal } from '../../lambdas/local/run-local';
import { exportsFolder } from './helpers';

const DIRECTORY = `practice_code,practice_name,pcn,clinical_system,email
A81001,Alpha Surgery,North PCN,SystmOne,alpha.surgery@example.org
D84004,Delta Practice,North PCN,SystmOne,delta@example.org
`;

/**
 * A run killed while sending leaves A81001's September email "sending" in the ledger. Later runs report it as an
 * unknown delivery with the command to resend (exit code untouched), and `notify --resend` sends it and records it.
 */
describe('a stuck practice email in local mode', () => {
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'pcm-stuck-'));
    const practicesFile = join(out, 'practices.csv');
    await writeFile(practicesFile, DIRECTORY);
    await runLocal({ exportsDir: await exportsFolder('systmone', 'emis-web'), practicesFile, outDir: out });
    await withLocalSession(out, {}, ({ table }) =>
      table.claimNotification({
        period: '2026-09',
        practiceCode: 'A81001',
        status: 'sending',
        at: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString(),
      }),
    );
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('is reported as an unknown delivery with the exact resend command, and fails nothing', async () => {
    const summary = await withLocalSession(out, {}, (session) => notifyInSession(session, { period: '2026-09' }));
    expect(summary.failed).toEqual([]);
    expect(summary.sent).toEqual(['D84004']);
    expect(summary.unknownDelivery.map((u) => [u.practiceCode, u.resend])).toEqual([
      ['A81001', `npm start -- notify --resend A81001 --period 2026-09 --out ${relative(process.cwd(), out)}`],
    ]);
  });

  it('is counted in the metric the alarm watches by the notify handler (a full run only, not a dry run)', async () => {
    const counts: [number, string][] = [];
    const results = await withLocalSession(out, {}, async ({ runtime }) => {
      const notify = createNotifyHandler({
        ...runtime,
        unknownDeliveries: (count, period) => {
          counts.push([count, period]);
        },
      });
      return [await notify({ period: '2026-09', dryRun: true }), await notify({ period: '2026-09' })];
    });
    expect(counts).toEqual([[1, '2026-09']]);
    expect(results[1]).toEqual({ period: '2026-09', sent: 0, skipped: 1, failed: 0, unknownDelivery: 1 });
  });

  it('is sent by notify --resend, recorded, and not sent again by a plain notify', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    await notifyCommand().parseAsync(['--period', '2026-09', '--resend', 'a81001', '--out', out], { from: 'user' });
    expect(lines.join('')).toMatch(/A81001 +alpha\.surgery@example\.org +link +sent/);
    expect(process.exitCode).toBeUndefined();
    expect((await readdir(join(out, '2026-09', 'outbox'))).sort()).toEqual([
      'A81001-2026-09.eml',
      'D84004-2026-09.eml',
    ]);
    const again = await withLocalSession(out, {}, (session) => notifyInSession(session, { period: '2026-09' }));
    expect(again.sent).toEqual([]);
    expect(again.unknownDelivery).toEqual([]);
    expect(again.skipped.map((s) => s.practiceCode)).toContain('A81001');
  });

  it('refuses a --resend that is not an ODS code', async () => {
    await expect(
      notifyCommand().parseAsync(['--period', '2026-09', '--resend', 'Alpha', '--out', out], { from: 'user' }),
    ).rejects.toThrow('--resend "Alpha" is not an ODS practice code: expected e.g. D83001.');
  });
});
