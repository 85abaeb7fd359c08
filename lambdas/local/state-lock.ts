import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors';

/** Who holds `<out>/.state`: written by the holder, read by anyone who finds it taken. */
interface LockHolder {
  pid: number;
  command: string;
  since: string;
}

const LOCK_FILE = 'holder.json';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** The command this process is running, as a person typed it (`pcm-report serve`). */
export function currentCommand(): string {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const script = process.argv[1] ?? '';
  return script.endsWith('pcm-report.ts') ? `pcm-report ${args[0] ?? 'run'}` : `process ${process.pid}`;
}

/**
 * Takes the local state folder for this process, or fails with a message naming the command that
 * holds it: the S3/DynamoDB stores under `.state` can serve one process at a time. A lock left by
 * a process that has ended is taken over. Re-entry from the same process is allowed (and not released).
 */
export async function lockState(stateDir: string, command = currentCommand()): Promise<() => Promise<void>> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx');
      const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
      await file.writeFile(JSON.stringify(holder));
      await file.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder?.pid === process.pid) return async () => {};
    if (holder && isRunning(holder.pid)) {
      throw new UsageError(
        `The local state in ${stateDir} is in use by \`${holder.command}\` (pid ${holder.pid}, since ${holder.since}). ` +
          'Stop it first (Ctrl+C in its terminal), or use another --out folder.',
      );
    }
    await rm(path, { force: true }); // left behind by a process that has ended
  }
  throw new UsageError(`Could not take the local state in ${stateDir}; try again.`);
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}
