import type { Dirent } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { buildSampleFiles } from './build-sample-files';
import { buildSamplePlan, type SampleOptions } from './sample-plan';

/** What `writeSamples` wrote, for the command's summary. */
export interface WrittenSamples {
  outDir: string;
  /** Paths relative to `outDir`, `/`-separated, sorted. */
  files: string[];
  totalBytes: number;
  practices: number;
  periods: string[];
  /** Files already under `<outDir>/exports` that this set does not contain (left alone, never deleted). */
  strayFiles: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Generates a sample set and writes it under `outDir` (`exports/…` and `practices.csv`). Files of an
 * earlier set that this one lacks are reported, not deleted: `outDir` may hold someone's real exports.
 */
export async function writeSamples(outDir: string, options: SampleOptions): Promise<WrittenSamples> {
  const plan = buildSamplePlan(options);
  const files = buildSampleFiles(plan);
  let totalBytes = 0;
  for (const file of files) {
    const target = join(outDir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
    totalBytes += file.bytes.length;
  }
  const written = new Set(files.map((file) => file.path));
  const strayFiles = (await listFiles(join(outDir, 'exports')))
    .map((path) => relative(outDir, path).split(sep).join('/'))
    .filter((path) => !written.has(path))
    .sort();
  return {
    outDir,
    files: files.map((file) => file.path),
    totalBytes,
    practices: plan.practices.length,
    periods: plan.months.map((month) => month.period),
    strayFiles,
  };
}
