import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface ExportFile {
  path: string;
  /** The path below the exports folder, which becomes the object key under exports/. */
  relativePath: string;
}

/** Every file under `dir` (hidden files and README files skipped), sorted, with its path relative to `dir`. */
export async function listExportFiles(dir: string): Promise<ExportFile[]> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new Error(`The exports folder ${dir} does not exist.`);
  if (info.isFile()) return [{ path: dir, relativePath: dir.split(sep).pop() ?? dir }];
  const files: ExportFile[] = [];
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && !/^readme(\.md|\.txt)?$/i.test(entry.name)) {
        files.push({ path: full, relativePath: relative(dir, full).split(sep).join('/') });
      }
    }
  };
  await walk(dir);
  return files.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
}
