import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  /** The exit code, or `undefined` when the process had to be killed. */
  code: number | null | undefined;
  stdout: string;
  stderr: string;
  /** True when the process was still running after `limitMs` and was killed: it hung. */
  hung: boolean;
}

/**
 * Runs `pcm-report <args>` as a child process, as a person would, and waits for it to exit. A process still
 * running after `limitMs` is killed (its own id only) and reported as hung: a liveness check, not a timing.
 */
export function runCli(args: readonly string[], limitMs: number, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bin/pcm-report.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: hung ? undefined : code, stdout, stderr, hung });
    });
  });
}
