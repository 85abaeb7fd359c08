import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SpillExtent, SpillFile } from '../core/tally/spill-file';

/**
 * A SpillFile over a temporary file in `dir` (Lambda: /tmp), for the gap list rows of a large export.
 * It is created on the first write (small exports never need it) and unlinked as soon as it is open, so
 * patient data never outlives the process on disk; where that is not allowed (Windows) it is removed on
 * close. Writes and reads are synchronous: a few hundred blocks of 64 KB per export, between CPU-bound parsing.
 */
export function openFsSpillFile(dir: string): SpillFile & { close(): void } {
  let fd: number | undefined;
  let path: string | undefined;
  let removeOnClose = false;
  let size = 0;
  const open = (): number => {
    mkdirSync(dir, { recursive: true });
    path = join(dir, `pcm-gap-rows-${randomUUID()}.tmp`);
    const opened = openSync(path, 'w+', 0o600);
    try {
      unlinkSync(path);
    } catch {
      removeOnClose = true;
    }
    fd = opened;
    return opened;
  };
  return {
    write(bytes: Uint8Array): SpillExtent {
      writeSync(fd ?? open(), bytes, 0, bytes.length, size);
      const extent = { offset: size, length: bytes.length };
      size += bytes.length;
      return extent;
    },
    read(extent: SpillExtent): Buffer {
      const bytes = Buffer.allocUnsafe(extent.length);
      let done = 0;
      while (done < extent.length) {
        const read = readSync(fd ?? open(), bytes, done, extent.length - done, extent.offset + done);
        if (read === 0) throw new Error(`The gap row spill file ended early at byte ${extent.offset + done}.`);
        done += read;
      }
      return bytes;
    },
    close(): void {
      if (fd !== undefined) closeSync(fd);
      if (removeOnClose && path !== undefined) rmSync(path, { force: true });
      fd = undefined;
    },
  };
}
