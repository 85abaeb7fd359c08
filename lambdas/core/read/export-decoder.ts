import { isUtf8 } from 'node:buffer';
import { ExportFormatError } from './export-format-error';

/** Windows-1252 code points for bytes 0x80-0x9F (0xA0-0xFF equal their Latin-1 code points); 0 = undefined. */
const CP1252_C1: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const EMPTY = Buffer.alloc(0);

/**
 * Streaming decoder for exports that are UTF-8 or Windows-1252 (or, from careless editing, a mix):
 * valid UTF-8 passes through untouched and each byte that is not part of a valid UTF-8 sequence is
 * read as Windows-1252. Output is always UTF-8 bytes, ready for csv-parse, and the same whatever the
 * chunk boundaries (an incomplete sequence at the end of a chunk waits for the next one).
 * A leading UTF-8 BOM is removed.
 */
export class ExportDecoder {
  /** True once any byte was read as Windows-1252. */
  fellBack = false;
  private held: Buffer = EMPTY;
  private consumed = 0;
  private started = false;

  /** Decodes a chunk; returns the UTF-8 bytes that are complete so far (possibly none). */
  push(chunk: Uint8Array): Buffer {
    const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const bytes = this.held.length === 0 ? input : Buffer.concat([this.held, input]);
    return this.decode(bytes, false);
  }

  /** Decodes whatever is held back at the end of the input. */
  end(): Buffer {
    const bytes = this.held;
    this.held = EMPTY;
    return bytes.length === 0 ? EMPTY : this.decode(bytes, true);
  }

  private decode(input: Buffer, final: boolean): Buffer {
    let bytes = input;
    if (!this.started) {
      if (bytes.length < 3 && !final && isBomPrefix(bytes)) {
        this.held = bytes;
        return EMPTY;
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        this.consumed = 3;
      }
    }
    const n = bytes.length;
    const cut = final ? n : incompleteTailStart(bytes);
    const body = bytes.subarray(0, cut);
    if (isUtf8(body)) {
      this.held = cut < n ? Buffer.from(bytes.subarray(cut)) : EMPTY;
      this.consumed += cut;
      return body;
    }
    return this.decodeMixed(bytes, final);
  }

  /** The slow path, for a chunk with at least one byte that is not valid UTF-8. */
  private decodeMixed(bytes: Buffer, final: boolean): Buffer {
    const n = bytes.length;
    const out = Buffer.allocUnsafe(n * 3);
    let o = 0;
    let runStart = 0;
    let i = 0;
    while (i < n) {
      const b = bytes[i] as number;
      if (b < 0x80) {
        i++;
        continue;
      }
      const length = utf8SequenceLength(bytes, i);
      if (length > 0) {
        i += length;
        continue;
      }
      if (length < 0 && !final) break;
      o += bytes.copy(out, o, runStart, i);
      const codePoint = b < 0xa0 ? (CP1252_C1[b - 0x80] as number) : b;
      if (codePoint === 0) throw undecodableByte(b, this.consumed + i);
      o = writeUtf8(out, o, codePoint);
      this.fellBack = true;
      i++;
      runStart = i;
    }
    o += bytes.copy(out, o, runStart, i);
    this.held = i < n ? Buffer.from(bytes.subarray(i)) : EMPTY;
    this.consumed += i;
    return out.subarray(0, o);
  }
}

/**
 * Length of the valid UTF-8 sequence starting at `i` (2-4), 0 when the bytes are not valid UTF-8
 * (overlongs, surrogates and code points above U+10FFFF included), or -1 when the bytes so far are
 * a valid start but the buffer ends before the sequence does.
 */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 3;
    if (b0 === 0xe0) lo = 0xa0;
    else if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 4;
    if (b0 === 0xf0) lo = 0x90;
    else if (b0 === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < need; k++) {
    if (i + k >= bytes.length) return -1;
    const c = bytes[i + k] as number;
    if (c < lo || c > hi) return 0;
    lo = 0x80;
    hi = 0xbf;
  }
  return need;
}

/** Where a valid but incomplete UTF-8 sequence starts at the end of `bytes`, else `bytes.length`. */
function incompleteTailStart(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k] as number;
    if (b < 0x80) return n;
    if (b >= 0xc0) return utf8SequenceLength(bytes, n - k) === -1 ? n - k : n;
  }
  return n;
}

function isBomPrefix(bytes: Uint8Array): boolean {
  return (bytes.length < 1 || bytes[0] === 0xef) && (bytes.length < 2 || bytes[1] === 0xbb);
}

function writeUtf8(out: Buffer, o: number, codePoint: number): number {
  if (codePoint < 0x800) {
    out[o] = 0xc0 | (codePoint >> 6);
    out[o + 1] = 0x80 | (codePoint & 0x3f);
    return o + 2;
  }
  out[o] = 0xe0 | (codePoint >> 12);
  out[o + 1] = 0x80 | ((codePoint >> 6) & 0x3f);
  out[o + 2] = 0x80 | (codePoint & 0x3f);
  return o + 3;
}

function undecodableByte(byte: number, offset: number): ExportFormatError {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return new ExportFormatError(
    'unsupported_encoding',
    `The byte 0x${hex} at byte offset ${offset} is neither UTF-8 nor Windows-1252 text, so the file's ` +
      'character encoding is not supported.',
    'Save the export as UTF-8 CSV (in Excel: File > Save As > "CSV UTF-8"), or export it again from ' +
      'SystmOne or EMIS Web, and upload it again.',
  );
}
