import type { SpillExtent, SpillFile } from './spill-file';

/** Largest block: with a spill file, a practice's records are written out 64 KB at a time. */
const MAX_BLOCK_BYTES = 64 * 1024;
/** First block: most practices in a small export never need more. */
const FIRST_BLOCK_BYTES = 4 * 1024;
/** Below this, `park()` keeps the records in memory: a tiny write per switch between practices would cost more. */
const PARK_BYTES = 2 * 1024;

/**
 * One practice's gap list records (see gap-row-codec) while an export is read, as bytes: no object and
 * no string per patient. Records go into a block; with a spill file, a full block is written out and
 * reused, so memory does not grow with the export. Without one, full blocks stay in memory.
 *
 * A record is written as `begin(maxBytes)` followed by the `uint8`/`uint32`/`int32`/`text` calls.
 */
export class GapRowBuffer {
  private block: Buffer | undefined;
  private used = 0;
  private readonly spilled: SpillExtent[] = [];
  private readonly kept: Buffer[] = [];

  constructor(private readonly spill?: SpillFile) {}

  /** Makes room for a record of at most `maxBytes`. */
  begin(maxBytes: number): void {
    const block = this.block;
    if (block !== undefined && this.used + maxBytes <= block.length) return;
    const previousLength = block?.length ?? 0;
    if (block !== undefined && previousLength >= MAX_BLOCK_BYTES && this.used > 0) {
      // A full-size block: write it out and reuse it, or keep it and start another.
      if (this.spill !== undefined) {
        this.flush();
        if (maxBytes <= previousLength) return;
      } else {
        this.kept.push(block.subarray(0, this.used));
        this.block = undefined;
        this.used = 0;
      }
    }
    // A bigger block, holding what is pending: small practices never get a full-size one.
    const size = Math.max(
      this.used + maxBytes,
      Math.min(MAX_BLOCK_BYTES, Math.max(FIRST_BLOCK_BYTES, 2 * previousLength)),
    );
    const next = Buffer.allocUnsafe(size);
    if (this.block !== undefined && this.used > 0) this.block.copy(next, 0, 0, this.used);
    this.block = next;
  }

  uint8(value: number): void {
    (this.block as Buffer)[this.used++] = value;
  }

  uint32(value: number): void {
    this.used = (this.block as Buffer).writeUInt32LE(value, this.used);
  }

  int32(value: number): void {
    this.used = (this.block as Buffer).writeInt32LE(value, this.used);
  }

  /** A string as its length in UTF-16 code units, then the code units: any string comes back exactly. */
  text(value: string): void {
    const block = this.block as Buffer;
    let at = block.writeUInt32LE(value.length, this.used);
    if (value.length > 32) at += block.write(value, at, 'utf16le');
    else {
      // Names are short: copying the code units here is quicker than a call into the encoder.
      for (let i = 0; i < value.length; i++) {
        const unit = value.charCodeAt(i);
        block[at++] = unit & 0xff;
        block[at++] = unit >>> 8;
      }
    }
    this.used = at;
  }

  /** The export moved on to another practice: hold at most a small copy of what is pending. */
  park(): void {
    const block = this.block;
    if (block === undefined) return;
    if (this.spill !== undefined && this.used >= PARK_BYTES) {
      this.flush();
      this.block = undefined;
    } else if (block.length > 2 * this.used) {
      this.block = Buffer.from(block.subarray(0, this.used));
    }
  }

  /** Every record written, in order. */
  bytes(): Buffer {
    const parts: Buffer[] = [];
    for (const extent of this.spilled) parts.push((this.spill as SpillFile).read(extent));
    parts.push(...this.kept);
    if (this.block !== undefined && this.used > 0) parts.push(this.block.subarray(0, this.used));
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  /** Forgets the records (once the practice's gap list is saved). */
  clear(): void {
    this.block = undefined;
    this.used = 0;
    this.spilled.length = 0;
    this.kept.length = 0;
  }

  private flush(): void {
    if (this.block === undefined || this.used === 0) return;
    this.spilled.push((this.spill as SpillFile).write(this.block.subarray(0, this.used)));
    this.used = 0;
  }
}
