import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

export interface ExportFile {
  path: string;
  /** The path below the exports folder, which becomes the object key under exports/. */
  relativePath: string;
}

/** A file of the exports folder that is not read, and why: shown in the run summary, never skipped silently. */
export interface RefusedExportFile {
  relativePath: string;
  message: string;
}

/**
 * Every file under `dir` (hidden files and README files skipped), sorted, with its path relative to `dir`.
 * Symbolic links are followed when their target is inside the exports folder (once per target: a second
 * link to the same file or folder is refused), and refused otherwise, with a message naming the link
 * (issue 13): a link must not pull in a file from elsewhere on the machine without anyone seeing it.
 */
export async function listExportFiles(dir: string): Promise<ExportFile[]> {
  return (await listExportFolder(dir)).files;
}

/** As listExportFiles, with the links that were refused. */
export async function listExportFolder(dir: string): Promise<{ files: ExportFile[]; refused: RefusedExportFile[] }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new Error(`The exports folder ${dir} does not exist.`);
  if (info.isFile()) return { files: [{ path: dir, relativePath: dir.split(sep).pop() ?? dir }], refused: [] };
  const root = await realpath(dir);
  const files: ExportFile[] = [];
  const refused: RefusedExportFile[] = [];
  const seen = new Map<string, string>([[root, '.']]);
  const keyOf = (full: string) => relative(dir, full).split(sep).join('/');
  const isExport = (name: string) => !/^readme(\.md|\.txt)?$/i.test(name);

  const walk = async (current: string): Promise<void> => {
    const entries = (await readdir(current, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      const relativePath = keyOf(full);
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        const inside = target !== undefined && isInside(root, target);
        const kind = target === undefined ? undefined : await stat(target).catch(() => undefined);
        if (target === undefined || kind === undefined) {
          refused.push({ relativePath, message: `${relativePath} is a symbolic link to nothing (broken); not read.` });
        } else if (!inside) {
          refused.push({
            relativePath,
            message:
              `${relativePath} is a symbolic link to ${kind.isDirectory() ? 'a folder' : 'a file'} outside the ` +
              'exports folder; not read. Copy the export into the folder instead.',
          });
        } else if (seen.has(target)) {
          refused.push({
            relativePath,
            message: `${relativePath} is a symbolic link to ${seen.get(target)}, which is read already; not read twice.`,
          });
        } else if (kind.isDirectory()) {
          seen.set(target, relativePath);
          await walk(full);
        } else if (kind.isFile() && isExport(entry.name)) {
          seen.set(target, relativePath);
          files.push({ path: full, relativePath });
        }
        continue;
      }
      if (entry.isDirectory()) {
        const real = await realpath(full);
        if (seen.has(real)) continue;
        seen.set(real, relativePath);
        await walk(full);
      } else if (entry.isFile() && isExport(entry.name)) {
        const real = await realpath(full);
        const first = seen.get(real);
        if (first !== undefined) {
          // A real file whose link was met first: keep the file, refuse the link instead.
          const link = files.findIndex((f) => f.relativePath === first);
          if (link >= 0) {
            files.splice(link, 1);
            refused.push({
              relativePath: first,
              message: `${first} is a symbolic link to ${relativePath}, which is read already; not read twice.`,
            });
          }
        }
        seen.set(real, relativePath);
        files.push({ path: full, relativePath });
      }
    }
  };
  await walk(dir);
  return {
    files: files.sort((a, b) => a.relativePath.localeCompare(b.relativePath)),
    refused: refused.sort((a, b) => a.relativePath.localeCompare(b.relativePath)),
  };
}

function isInside(root: string, target: string): boolean {
  const path = relative(root, target);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}
