import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ExportRejectedError } from '../core/read/export-rejected-error';
import type { ScratchSpace } from '../ports';

/** Limits on what one uploaded archive may expand to; they guard the ingest Lambda's memory, disk and time. */
export interface ZipLimits {
  maxMembers: number;
  maxMemberBytes: number;
  maxTotalBytes: number;
  /** Uncompressed / compressed size above which a member is treated as a zip bomb (members over 1 MiB). */
  maxRatio: number;
}

const GIB = 1024 ** 3;

/** 100 members, 2 GiB each, 4 GiB in all, at most 200:1 compression. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxMembers: 100,
  maxMemberBytes: 2 * GIB,
  maxTotalBytes: 4 * GIB,
  maxRatio: 200,
};

/**
 * Members smaller than this are not judged by compression ratio: a small, repetitive CSV can legitimately
 * compress more than 200:1, and it cannot do harm.
 */
const RATIO_FLOOR_BYTES = 1024 * 1024;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** True when the bytes start like a zip archive (`PK\x03\x04`). */
export function isZip(firstBytes: Uint8Array): boolean {
  return firstBytes.length >= 4 && ZIP_SIGNATURE.every((byte, i) => firstBytes[i] === byte);
}

export type ZipRejectedReason =
  | 'zip_too_large'
  | 'zip_bomb'
  | 'zip_nested'
  | 'zip_unreadable'
  | 'zip_empty'
  | 'not_text';

/** The archive as a whole cannot be ingested; it is quarantined with this reason and hint. */
export class ZipRejectedError extends ExportRejectedError<ZipRejectedReason> {
  override readonly name = 'ZipRejectedError';
}

export interface ZipMember {
  /** The member's path inside the archive, e.g. `exports/D83001_2026-10-31.csv`. */
  name: string;
  body: AsyncIterable<Uint8Array>;
  /** As declared by the archive; the bytes actually streamed are checked against the limits too. */
  uncompressedSize: number;
}

/**
 * Spools the archive to scratch space (zips need random access), then yields each member as a stream.
 * Skips directories and __MACOSX/ and dot-files. Nested .zip members → ZipRejectedError('zip_nested').
 * Enforces limits on declared AND actual uncompressed bytes (count bytes while streaming: a lying header
 * must not get through). Deletes the spooled file when done, also on error.
 *
 * Read each member's body before asking for the next member (a body left unread is closed then). Iterate
 * to the end or leave the loop with `break`/`throw` (which `for await` turns into `return()`), so that the
 * spooled file is deleted. Errors from a member's body are `ZipRejectedError`s too.
 */
export async function* zipMembers(
  archive: AsyncIterable<Uint8Array>,
  scratch: Pick<ScratchSpace, 'spool'>,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): AsyncGenerator<ZipMember> {
  const spooled = await scratch.spool(limitArchive(archive, limits));
  let zip: yauzl.ZipFile | undefined;
  try {
    try {
      zip = await yauzl.openPromise(spooled.path, {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: true,
        validateEntrySizes: true,
        strictFileNames: false,
      });
    } catch (error) {
      throw unreadable(`The archive cannot be opened as a zip file (${describe(error)}).`);
    }

    // Every entry is judged from the central directory before any member is read, so an archive over the
    // limits is quarantined before its first member is ingested.
    const totals = { declared: 0, actual: 0 };
    const members = await listMembers(zip, totals, limits);
    for (const entry of members) {
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry, {});
      } catch (error) {
        throw unreadable(`"${entry.fileName}" in the archive cannot be read (${describe(error)}).`);
      }
      try {
        yield {
          name: entry.fileName,
          body: countedBody(stream, entry, totals, limits),
          uncompressedSize: entry.uncompressedSize,
        };
      } finally {
        stream.destroy();
      }
    }
    if (members.length === 0) {
      throw new ZipRejectedError(
        'zip_empty',
        'The archive holds no export files (only folders, __MACOSX/ entries or hidden files, or nothing at all).',
        'Put the CSV exports in the archive and upload it again, or upload the CSV files themselves.',
      );
    }
  } finally {
    zip?.close();
    await spooled.remove();
  }
}

/** The archive's export files from its central directory, each checked against the limits; nothing is read yet. */
async function listMembers(
  zip: yauzl.ZipFile,
  totals: { declared: number },
  limits: ZipLimits,
): Promise<yauzl.Entry[]> {
  const members: yauzl.Entry[] = [];
  const entries = zip.eachEntry();
  for (;;) {
    let next: IteratorResult<yauzl.Entry>;
    try {
      next = await entries.next();
    } catch (error) {
      throw unreadable(`The archive's list of files cannot be read (${describe(error)}).`);
    }
    if (next.done) return members;
    const entry = next.value;
    const name = entry.fileName;
    if (isSkipped(name)) continue;
    if (name === '[Content_Types].xml') {
      // Every .xlsx (and .docx, .pptx) is a zip with this member: a workbook uploaded instead of its CSV.
      throw new ZipRejectedError(
        'not_text',
        'The file is an Excel workbook (.xlsx) or another Office document, not a delimited text export.',
        'Open it in Excel and use File > Save As > "CSV UTF-8", or export the report from SystmOne or EMIS Web ' +
          'as CSV, then upload the CSV.',
      );
    }
    if (name.toLowerCase().endsWith('.zip')) {
      throw new ZipRejectedError(
        'zip_nested',
        `The archive contains another zip archive ("${name}"); nested archives are not opened.`,
        'Extract the inner archive and upload its CSV exports (or one zip of them) instead.',
      );
    }
    members.push(entry);
    if (members.length > limits.maxMembers) {
      throw tooLarge(`The archive holds more than ${limits.maxMembers} export files.`, limits);
    }
    checkDeclaredSize(entry, totals, limits);
    if (entry.isEncrypted()) throw unreadable(`"${name}" in the archive is password-protected.`);
  }
}

/** Directories, macOS resource forks and hidden files (e.g. `.DS_Store`) are not exports. */
function isSkipped(name: string): boolean {
  if (name.endsWith('/')) return true;
  const parts = name.split('/');
  if (parts.includes('__MACOSX')) return true;
  return (parts[parts.length - 1] ?? '').startsWith('.');
}

function checkDeclaredSize(entry: yauzl.Entry, totals: { declared: number }, limits: ZipLimits): void {
  const size = entry.uncompressedSize;
  if (size > limits.maxMemberBytes) {
    throw tooLarge(`"${entry.fileName}" expands to ${size} bytes, more than ${limits.maxMemberBytes}.`, limits);
  }
  totals.declared += size;
  if (totals.declared > limits.maxTotalBytes) {
    throw tooLarge(`The archive's files expand to more than ${limits.maxTotalBytes} bytes in total.`, limits);
  }
  if (size > RATIO_FLOOR_BYTES && size > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
    throw zipBomb(`"${entry.fileName}" declares ${size} bytes from ${entry.compressedSize} compressed bytes.`, limits);
  }
}

/** A member's bytes, counted as they stream, so a header that understates the size cannot get past the limits. */
async function* countedBody(
  stream: Readable,
  entry: yauzl.Entry,
  totals: { actual: number },
  limits: ZipLimits,
): AsyncGenerator<Uint8Array> {
  const name = entry.fileName;
  const ratioLimit = limits.maxRatio * Math.max(entry.compressedSize, 1);
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      totals.actual += chunk.length;
      if (bytes > limits.maxMemberBytes) {
        throw tooLarge(`"${name}" expands to more than ${limits.maxMemberBytes} bytes.`, limits);
      }
      if (totals.actual > limits.maxTotalBytes) {
        throw tooLarge(`The archive's files expand to more than ${limits.maxTotalBytes} bytes in total.`, limits);
      }
      if (bytes > RATIO_FLOOR_BYTES && bytes > ratioLimit) {
        throw zipBomb(
          `"${name}" expands to over ${bytes} bytes from ${entry.compressedSize} compressed bytes.`,
          limits,
        );
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipRejectedError) throw error;
    const message = describe(error);
    if (message.startsWith('too many bytes')) {
      throw zipBomb(`"${name}" expands to more than the ${entry.uncompressedSize} bytes its header declares.`, limits);
    }
    throw unreadable(`"${name}" in the archive cannot be decompressed (${message}).`);
  }
}

/** Room for zip headers on top of the contents: an archive of small files is bigger than they are. */
const SPOOL_OVERHEAD_BYTES = 1024 * 1024;

/** Stops spooling an archive that is already bigger than everything it may expand to (it protects the disk). */
async function* limitArchive(archive: AsyncIterable<Uint8Array>, limits: ZipLimits): AsyncGenerator<Uint8Array> {
  const limit = limits.maxTotalBytes + SPOOL_OVERHEAD_BYTES;
  let bytes = 0;
  for await (const chunk of archive) {
    bytes += chunk.length;
    if (bytes > limit) {
      throw tooLarge(`The archive is larger than ${limit} bytes, more than its files may expand to.`, limits);
    }
    yield chunk;
  }
}

function tooLarge(message: string, limits: ZipLimits): ZipRejectedError {
  return new ZipRejectedError(
    'zip_too_large',
    message,
    `Upload at most ${limits.maxMembers} exports per archive, each under ${limits.maxMemberBytes} bytes and ` +
      `${limits.maxTotalBytes} bytes in all: split the exports across several archives, or upload the CSV files directly.`,
  );
}

function zipBomb(message: string, limits: ZipLimits): ZipRejectedError {
  return new ZipRejectedError(
    'zip_bomb',
    `${message} The archive looks like a zip bomb.`,
    `A real export compresses far less than ${limits.maxRatio}:1. Upload the CSV exports themselves, or a zip ` +
      'made from them with a standard zip tool.',
  );
}

function unreadable(message: string): ZipRejectedError {
  return new ZipRejectedError(
    'zip_unreadable',
    message,
    'Re-create the archive with a standard zip tool, without a password, or upload the CSV exports themselves.',
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
