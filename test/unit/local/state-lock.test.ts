import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../lambdas/errors';
import { lockState } from '../../../lambdas/local/state-lock';

describe('lockState', () => {
  it('names the command that holds the state when another running process holds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcm-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const holder = { pid: other.pid, command: 'pcm-report serve', since: '2026-11-05T09:30:00.000Z' };
      await writeFile(join(dir, 'holder.json'), JSON.stringify(holder));
      const attempt = lockState(dir, 'pcm-report run');
      await expect(attempt).rejects.toThrow(UsageError);
      await expect(lockState(dir, 'pcm-report run')).rejects.toThrow(
        `is in use by \`pcm-report serve\` (pid ${other.pid}, since 2026-11-05T09:30:00.000Z)`,
      );
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that has ended, and releases it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcm-lock-'));
    const ended = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => ended.once('exit', resolve));
    await writeFile(
      join(dir, 'holder.json'),
      JSON.stringify({ pid: ended.pid, command: 'pcm-report serve', since: 'x' }),
    );
    const unlock = await lockState(dir, 'pcm-report run');
    expect(JSON.parse(await readFile(join(dir, 'holder.json'), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'pcm-report run',
    });
    await unlock();
    await expect(readFile(join(dir, 'holder.json'))).rejects.toThrow('ENOENT');
  });
});
