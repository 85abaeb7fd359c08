import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../lambdas/errors';
import { notifyCommand } from '../../lambdas/local/commands/notify';
import { notifyLatestPeriod } from '../../lambdas/local/notify-local';
import { runLocal } from '../../lambdas/local/run-local';
import { exportsFolder } from './helpers';

const DIRECTORY = `practice_code,practice_name,pcn,clinical_system,email
A81001,Alpha Surgery,North PCN,SystmOne,alpha.surgery@example.org
B82002,Beta Medical Centre,South PCN,EMIS Web,pcm-test.b82002@nhs.net
C83003,Gamma Health Centre,South PCN,EMIS Web,
D84004,Delta Practice,North PCN,SystmOne,delta@example.org
`;

function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('local notify: .eml files in out/YYYY-MM/outbox linking to the local portal', () => {
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'pcm-out-'));
    const practicesFile = join(out, 'practices.csv');
    await writeFile(practicesFile, DIRECTORY);
    await runLocal({
      exportsDir: await exportsFolder('systmone', 'emis-web'),
      practicesFile,
      outDir: out,
      env: { ICB_NAME: 'NHS Fixture ICB' },
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('writes one email per reporting practice for the latest period', async () => {
    const summary = await notifyLatestPeriod({ outDir: out, period: '2026-10', env: {} });
    expect(summary).toMatchObject({
      period: '2026-10',
      transport: 'outbox',
      outboxDir: join(out, '2026-10', 'outbox'),
    });
    expect(summary.failed).toEqual([]);
    expect((await readdir(join(out, '2026-10', 'outbox'))).sort()).toEqual([
      'A81001-2026-10.eml',
      'B82002-2026-10.eml',
    ]);
  });

  it('links each email to the practice page of the local portal (serve, port 8787)', async () => {
    const raw = await readFile(join(out, '2026-10', 'outbox', 'A81001-2026-10.eml'));
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Alpha Surgery: patient communication preferences, October 2026');
    expect(mail.text?.match(/^http\S+$/m)?.[0]).toBe('http://127.0.0.1:8787/practice/A81001/2026-10');
    expect(mail.html).toContain('href="http://127.0.0.1:8787/practice/A81001/2026-10"');
    expect(raw.toString('utf8')).not.toMatch(/file:|X-Amz-Signature/);
    // The gap list itself is in out/ (run copies it, 0600), for a person working without the portal.
    expect(existsSync(join(out, '2026-10', 'gap-lists', 'gap-list-A81001-2026-10.xlsx'))).toBe(true);
    expect(mail.attachments).toEqual([]);
    const beta = await simpleParser(await readFile(join(out, '2026-10', 'outbox', 'B82002-2026-10.eml')));
    expect(beta.attachments.map((a) => a.filename)).toEqual(['gap-list-B82002-2026-10.xlsx']);
  });

  it('sends nothing twice when run again into the same folder', async () => {
    const again = await notifyLatestPeriod({ outDir: out, period: '2026-10', env: {} });
    expect(again.sent).toEqual([]);
    expect(again.skipped.filter((s) => s.why.startsWith('already sent'))).toHaveLength(2);
    expect(await readdir(join(out, '2026-10', 'outbox'))).toHaveLength(2);
  });

  it('prints with --dry-run what would be sent, and writes nothing', async () => {
    const lines = captureStdout();
    await notifyCommand().parseAsync(['--period', '2026-09', '--dry-run', '--out', out], { from: 'user' });
    const printed = lines.join('');
    expect(printed).toContain('September 2026: practice emails (dry run: nothing sent, nothing recorded)');
    expect(printed).toMatch(/A81001 +alpha\.surgery@example\.org +link +would send/);
    expect(printed).toMatch(/D84004 +delta@example\.org +link +would send/);
    expect(printed).toContain('Subject: Delta Practice: patient communication preferences, September 2026');
    expect(printed).toContain('2 would be sent, 2 skipped.');
    expect(existsSync(join(out, '2026-09', 'outbox'))).toBe(false);
  });

  it('sends with the notify command and prints what was sent', async () => {
    const lines = captureStdout();
    await notifyCommand().parseAsync(['--period', '2026-09', '--out', out], { from: 'user' });
    const printed = lines.join('');
    expect(printed).toMatch(/A81001 +alpha\.surgery@example\.org +link +sent/);
    expect(printed).toMatch(/B82002 +skipped: no export for this period/);
    expect(printed).toContain('2 sent, 2 skipped, 0 failed.');
    expect((await readdir(join(out, '2026-09', 'outbox'))).sort()).toEqual([
      'A81001-2026-09.eml',
      'D84004-2026-09.eml',
    ]);
    expect(process.exitCode).toBeUndefined();
  });

  it('says which months have exports when asked for one without', async () => {
    await expect(notifyLatestPeriod({ outDir: out, period: '2025-01', env: {} })).rejects.toThrow(UsageError);
    await expect(notifyLatestPeriod({ outDir: out, period: '2025-01', env: {} })).rejects.toThrow(
      `No practice has an export for January 2025 in ${out}. Months with exports: 2026-09, 2026-10.`,
    );
  });

  it('refuses a period that is not a month', async () => {
    await expect(notifyCommand().parseAsync(['--period', '2026-13', '--out', out], { from: 'user' })).rejects.toThrow(
      '--period "2026-13" is not a month: expected YYYY-MM, e.g. 2026-10.',
    );
  });
});
