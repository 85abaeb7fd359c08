import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServeProcess {
  signInUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs `pcm-report serve` as a person would, and waits for the sign-in link it prints. */
export async function startServe(args: string[], timeoutMs = 60_000): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['bin/pcm-report.ts', 'serve', ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signInUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no sign-in link:\n${output}`)), timeoutMs);
    const look = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/auth\/local\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before printing a link:\n${output}`));
    });
  });
  return {
    signInUrl,
    output: () => output,
    async stop() {
      child.kill('SIGINT');
      await exited;
    },
  };
}
