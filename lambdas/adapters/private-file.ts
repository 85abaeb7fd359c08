import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Owner read/write only: for files holding patient data (gap lists, raw exports, emails with a gap list). */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only: for folders holding patient data (local mode's `.state`). */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Writes `data` to `path` readable by its owner only. The mode is set again after writing because `mode` applies
 * only when a file is created: a file an older version left 0644 is made private too.
 */
export async function writePrivateFile(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data, { mode: PRIVATE_FILE_MODE });
  await chmod(path, PRIVATE_FILE_MODE);
}

/** A write stream to a file readable by its owner only (made private before the first byte is written). */
export async function privateWriteStream(path: string): Promise<WriteStream> {
  await mkdir(dirname(path), { recursive: true });
  const stream = createWriteStream(path, { mode: PRIVATE_FILE_MODE });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  await chmod(path, PRIVATE_FILE_MODE);
  return stream;
}

/** Creates `path` if needed and makes it owner-only, whatever mode it had. */
export async function makePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(path, PRIVATE_DIR_MODE);
}
