import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listExportFolder } from '../../../lambdas/local/list-export-files';

describe('listExportFolder with symbolic links', () => {
  let dir: string;
  let outside: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pcm-links-'));
    outside = await mkdtemp(join(tmpdir(), 'pcm-links-outside-'));
    // A hidden folder is not listed itself; links into it are followed.
    await mkdir(join(dir, '.store'));
    await writeFile(join(dir, '.store', 'D10001_2026-10-31.csv'), 'x');
    await mkdir(join(dir, '.folder'));
    await writeFile(join(dir, '.folder', 'D10003_2026-10-31.csv'), 'x');
    await mkdir(join(dir, 'store'));
    await writeFile(join(dir, 'store', 'D10004_2026-10-31.csv'), 'x');
    await writeFile(join(dir, 'D10002_2026-10-31.csv'), 'x');
    await writeFile(join(outside, 'secret.csv'), 'x');
    // Inside: a link to a file and a link to a folder of the exports folder.
    await symlink(join(dir, '.store', 'D10001_2026-10-31.csv'), join(dir, 'latest.csv'));
    await symlink(join(dir, '.folder'), join(dir, 'folder-link'));
    // Links to what is read anyway: the file or folder itself is read, the link refused.
    await symlink(join(dir, 'store'), join(dir, 'store-link'));
    await symlink(join(dir, 'store', 'D10004_2026-10-31.csv'), join(dir, 'a-link.csv'));
    // Outside, broken, and a second link to a file already read.
    await symlink(join(outside, 'secret.csv'), join(dir, 'elsewhere.csv'));
    await symlink(outside, join(dir, 'elsewhere-folder'));
    await symlink(join(dir, 'missing.csv'), join(dir, 'broken.csv'));
    await symlink(join(dir, 'D10002_2026-10-31.csv'), join(dir, 'again.csv'));
  });

  it('follows links whose target is inside the exports folder, once per target', async () => {
    const { files } = await listExportFolder(dir);
    expect(files.map((f) => f.relativePath)).toEqual([
      'D10002_2026-10-31.csv',
      'folder-link/D10003_2026-10-31.csv',
      'latest.csv',
      'store/D10004_2026-10-31.csv',
    ]);
  });

  it('refuses the others with a message naming each link, rather than skipping them silently', async () => {
    const { refused } = await listExportFolder(dir);
    expect(refused.map((r) => r.message)).toEqual([
      'a-link.csv is a symbolic link to store/D10004_2026-10-31.csv, which is read already; not read twice.',
      'again.csv is a symbolic link to D10002_2026-10-31.csv, which is read already; not read twice.',
      'broken.csv is a symbolic link to nothing (broken); not read.',
      'elsewhere-folder is a symbolic link to a folder outside the exports folder; not read. Copy the export into the folder instead.',
      'elsewhere.csv is a symbolic link to a file outside the exports folder; not read. Copy the export into the folder instead.',
      'store-link is a symbolic link to store, which is read already; not read twice.',
    ]);
  });
});
