import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SpillFile } from '../core/tally/spill-file';
import type { ScratchSpace, SpooledFile } from '../ports';
import { openFsSpillFile } from './fs-spill-file';

/** ScratchSpace in a local folder (Lambda: /tmp; locally the run's state folder). */
export class FsScratchSpace implements ScratchSpace {
  constructor(private readonly dir: string) {}

  openSpillFile(): SpillFile & { close(): void } {
    return openFsSpillFile(this.dir);
  }

  /** Each spooled file gets a folder of its own (`pcm-zip-*`), removed with it. */
  async spool(bytes: AsyncIterable<Uint8Array>): Promise<SpooledFile> {
    const folder = await mkdtemp(join(this.dir, 'pcm-zip-'));
    const remove = () => rm(folder, { recursive: true, force: true });
    const path = join(folder, 'archive.zip');
    try {
      await pipeline(Readable.from(bytes), createWriteStream(path));
    } catch (error) {
      await remove();
      throw error;
    }
    return { path, remove };
  }
}
