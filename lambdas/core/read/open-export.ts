import { assertTextExport } from './assert-text-export';
import { ExportDecoder } from './export-decoder';
import { ExportFormatError } from './export-format-error';
import { ExportRecords } from './export-records';
import { type ExportDelimiter, matchHeaderLine } from './match-header-line';

export { ExportFormatError, type ExportFormatReason } from './export-format-error';

/** One data row: its cells as written (not trimmed) and the 1-based physical line where it starts. */
export interface ExportRecord {
  line: number;
  cells: string[];
}

export interface OpenedExport {
  /**
   * `windows-1252` when any byte sequence was not valid UTF-8. Reflects the bytes read so far: final
   * once `records` is exhausted (a stray byte may sit anywhere in the file).
   */
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ExportDelimiter;
  /** As written (trimmed, BOM removed). */
  header: string[];
  /** 1-based. */
  headerLine: number;
  /** Non-empty lines skipped above the header. */
  preambleLines: number;
  /**
   * Data rows (empty lines skipped); may be iterated once. Rejects with `ExportFormatError`:
   * `no_data_rows` at the end when there were none, `malformed_csv`, or `unsupported_encoding`.
   */
  records: AsyncIterable<ExportRecord>;
  /**
   * The same rows a chunk at a time (one await per chunk of input, not per row): what the ingest loop
   * uses. Read either `records` or `nextBatch`, once; `undefined` at the end. Rejects as `records` does.
   */
  nextBatch(): Promise<readonly ExportRecord[] | undefined>;
  /** Filled when `records` is exhausted. */
  stats(): { trailingSummaryLines: number; raggedRows: number; dataRows: number };
  /**
   * Stops reading and closes the source (harmless once it is exhausted): a caller that rejects the file part
   * way must call it, or an S3 body stays open and holds its connection (and the process) alive.
   */
  close(): Promise<void>;
}

export interface OpenExportOptions {
  /** True when these (trimmed) cells are the header row, e.g. they include an NHS number column. */
  isHeader(cells: readonly string[]): boolean;
  /** The expected columns, for the `no_header` hint. */
  describeExpected: string;
  /** How many non-empty lines may be searched for the header; default 30. */
  maxPreambleLines?: number;
}

/** Bytes examined before anything is decoded, to reject binary files and UTF-16. */
const SNIFF_BYTES = 8192;
/** A line this long before a header is found means the file is not an export we can read. */
const MAX_PREAMBLE_LINE_BYTES = 1 << 20;

const EMPTY = Buffer.alloc(0);

/**
 * Opens a clinical-system export as a stream (SPEC §2.2): rejects binary and unsupported encodings,
 * decodes UTF-8 or Windows-1252, finds the header line below any preamble and sniffs its delimiter,
 * then hands back the data rows as an async iterable that reads the source as it goes.
 * Throws `ExportFormatError` for a file that cannot be an export (§2.5).
 */
export async function openExport(source: AsyncIterable<Uint8Array>, options: OpenExportOptions): Promise<OpenedExport> {
  const maxPreambleLines = options.maxPreambleLines ?? 30;
  const reader = source[Symbol.asyncIterator]();
  try {
    const sniffed: Uint8Array[] = [];
    let sniffedBytes = 0;
    let readerDone = false;
    while (sniffedBytes < SNIFF_BYTES) {
      const next = await reader.next();
      if (next.done) {
        readerDone = true;
        break;
      }
      sniffed.push(next.value);
      sniffedBytes += next.value.length;
    }
    if (sniffedBytes === 0) throw emptyFile();
    const sample = sniffed.length === 1 ? (sniffed[0] as Uint8Array) : Buffer.concat(sniffed);
    assertTextExport(sample.subarray(0, SNIFF_BYTES));

    const decoder = new ExportDecoder();
    let text = decoder.push(sample);
    if (readerDone) text = concat(text, decoder.end());
    let pos = 0;
    let lineNumber = 0;
    let nonEmptyLines = 0;
    for (;;) {
      const newline = text.indexOf(0x0a, pos);
      if (newline === -1 && !readerDone) {
        // Gather chunks until the line ends, then join them once (no quadratic copying for tiny chunks).
        const pieces = [text.subarray(pos)];
        let length = text.length - pos;
        for (;;) {
          if (length > MAX_PREAMBLE_LINE_BYTES) throw lineTooLong(lineNumber + 1, options);
          const next = await reader.next();
          readerDone = next.done === true;
          const more = next.done ? decoder.end() : decoder.push(next.value);
          pieces.push(more);
          length += more.length;
          if (readerDone || more.includes(0x0a)) break;
        }
        text = Buffer.concat(pieces, length);
        pos = 0;
        continue;
      }
      if (pos >= text.length) break;
      const lineEnd = newline === -1 ? text.length : newline;
      lineNumber++;
      const line = text.toString('utf8', pos, text[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd);
      pos = lineEnd + 1;
      if (line.trim() === '') continue;
      nonEmptyLines++;
      const match = matchHeaderLine(line, options.isHeader);
      if (match !== undefined) {
        if (line.includes('\r')) throw carriageReturnsOnly(lineNumber);
        const records = new ExportRecords({
          reader,
          readerDone,
          decoder,
          initial: pos < text.length ? text.subarray(pos) : EMPTY,
          delimiter: match.delimiter,
          firstLine: lineNumber + 1,
          headerCells: match.cells.length,
        });
        return {
          get encoding() {
            return decoder.fellBack ? 'windows-1252' : 'utf-8';
          },
          delimiter: match.delimiter,
          header: match.cells,
          headerLine: lineNumber,
          preambleLines: nonEmptyLines - 1,
          records,
          nextBatch: () => records.nextBatch(),
          stats: () => ({ ...records.stats }),
          close: async () => {
            await records.return();
          },
        };
      }
      if (nonEmptyLines >= maxPreambleLines) break;
    }
    if (nonEmptyLines === 0) throw emptyFile();
    throw new ExportFormatError(
      'no_header',
      `No NHS number column was found in the first ${lineNumber} lines: none of the ${nonEmptyLines} ` +
        'non-empty lines checked is a header row (with comma, tab, pipe or semicolon delimiters).',
      noHeaderHint(options),
    );
  } catch (error) {
    try {
      await reader.return?.();
    } catch {
      // The source is being abandoned; the original error is what matters.
    }
    throw error;
  }
}

function concat(a: Buffer, b: Buffer): Buffer {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return Buffer.concat([a, b]);
}

function emptyFile(): ExportFormatError {
  return new ExportFormatError(
    'empty_file',
    'The file is empty (no bytes, or only blank lines).',
    'Check that the report ran and produced rows, then export it again.',
  );
}

function lineTooLong(lineNumber: number, options: OpenExportOptions): ExportFormatError {
  return new ExportFormatError(
    'no_header',
    `No NHS number column was found: line ${lineNumber} is longer than ${MAX_PREAMBLE_LINE_BYTES} bytes, ` +
      'so the file does not look like a delimited export with one row per line.',
    noHeaderHint(options),
  );
}

function carriageReturnsOnly(lineNumber: number): ExportFormatError {
  return new ExportFormatError(
    'malformed_csv',
    `The header on line ${lineNumber} runs into the next rows: the file separates lines with carriage returns ` +
      'alone (the old Mac format), which is not supported.',
    'Save the export as "CSV UTF-8" or "CSV (Windows)" so that lines end with CRLF or LF, and upload it again.',
  );
}

function noHeaderHint(options: OpenExportOptions): string {
  return (
    `Expected a header row naming the columns, with ${options.describeExpected}. If your export names ` +
    'them differently, map them in a mapping file (README, "Column mapping").'
  );
}
