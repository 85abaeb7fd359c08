import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsScratchSpace } from '../../../lambdas/adapters/fs-scratch-space';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fs-scratch-space-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function* chunks(parts: string[], failAfter?: Error): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
  if (failAfter) throw failAfter;
}

describe('FsScratchSpace.spool', () => {
  it('writes the bytes to a file in the folder, and remove() deletes it', async () => {
    const spooled = await new FsScratchSpace(dir).spool(chunks(['PK', '\x03\x04', 'rest']));
    expect(await readFile(spooled.path, 'latin1')).toBe('PK\x03\x04rest');
    expect(spooled.path.startsWith(join(dir, 'pcm-zip-'))).toBe(true);
    await spooled.remove();
    await spooled.remove();
    expect(await readdir(dir)).toEqual([]);
  });

  it('passes on the error of a stream that fails part-way, leaving nothing behind', async () => {
    const broken = new Error('The archive is larger than 100 bytes.');
    await expect(new FsScratchSpace(dir).spool(chunks(['PK'], broken))).rejects.toBe(broken);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('FsScratchSpace.openSpillFile', () => {
  it('reads back each block written, from a file no other process can open by name', async () => {
    const spill = new FsScratchSpace(join(dir, 'made-on-first-write')).openSpillFile();
    const first = spill.write(Buffer.from('abc'));
    const second = spill.write(Buffer.from('defgh'));
    expect(first).toEqual({ offset: 0, length: 3 });
    expect(second).toEqual({ offset: 3, length: 5 });
    expect(spill.read(second).toString()).toBe('defgh');
    expect(spill.read(first).toString()).toBe('abc');
    // Unlinked as soon as it was opened (POSIX): patient data never outlives the process on disk.
    expect(await readdir(join(dir, 'made-on-first-write'))).toEqual([]);
    spill.close();
  });

  it('creates no file for an export that never spills', async () => {
    new FsScratchSpace(join(dir, 'never')).openSpillFile().close();
    expect(await readdir(dir)).toEqual([]);
  });
});
