import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors';

export interface LocalPaths {
  exportsDir?: string;
  practicesFile?: string;
  outDir?: string;
}

/**
 * Checks a local command's paths before any work, so a wrong one is one clear line each (one UsageError,
 * exit 1) rather than a raw ENOENT or ENOTDIR halfway through a run.
 */
export async function checkLocalPaths(paths: LocalPaths): Promise<void> {
  const problems = (
    await Promise.all([
      paths.exportsDir === undefined ? undefined : exportsProblem(paths.exportsDir),
      paths.practicesFile === undefined ? undefined : practicesProblem(paths.practicesFile),
      paths.outDir === undefined ? undefined : outDirProblem(paths.outDir),
    ])
  ).filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
}

async function exportsProblem(dir: string): Promise<string | undefined> {
  if (await kindOf(dir)) return undefined;
  return `--exports ${dir} does not exist: give the folder of practice exports (or one export file).`;
}

async function practicesProblem(file: string): Promise<string | undefined> {
  const kind = await kindOf(file);
  if (kind === 'file') return undefined;
  return (
    `--practices ${file} ${kind === 'directory' ? 'is a folder' : 'does not exist'}: give the practice directory CSV ` +
    '(practice_code,practice_name,pcn,clinical_system,email).'
  );
}

/** The output folder may not exist yet, but whatever part of its path does must be folders. */
async function outDirProblem(dir: string): Promise<string | undefined> {
  for (let path = dir; ; path = dirname(path)) {
    const kind = await kindOf(path);
    if (kind === 'directory') return undefined;
    if (kind === 'file') {
      const where = path === dir ? 'is a file' : `is inside ${path}, which is a file`;
      return `--out ${dir} ${where}: give a folder (it is created if missing).`;
    }
    if (dirname(path) === path) return undefined;
  }
}

async function kindOf(path: string): Promise<'file' | 'directory' | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  return info.isDirectory() ? 'directory' : 'file';
}
