/** Where a block of spilled bytes sits in a SpillFile. */
export interface SpillExtent {
  offset: number;
  length: number;
}

/**
 * Append-only scratch storage for bytes the tally does not need until the end of an export (gap list
 * rows). The pipeline provides one over a temporary file (Lambda: /tmp); core code stays free of I/O.
 */
export interface SpillFile {
  write(bytes: Uint8Array): SpillExtent;
  read(extent: SpillExtent): Buffer;
}

/** A SpillFile in memory, for tests. */
export class MemorySpillFile implements SpillFile {
  private readonly blocks: Buffer[] = [];

  write(bytes: Uint8Array): SpillExtent {
    this.blocks.push(Buffer.from(bytes));
    return { offset: this.blocks.length - 1, length: bytes.length };
  }

  read(extent: SpillExtent): Buffer {
    const block = this.blocks[extent.offset];
    if (block === undefined || block.length !== extent.length) {
      throw new RangeError(`Nothing was spilled at ${extent.offset} with length ${extent.length}.`);
    }
    return block;
  }
}
