import { CsvError } from 'csv-parse';
import { type CsvParserApi, csvParserApi } from './csv-parser-api';
import type { ExportDecoder } from './export-decoder';
import { ExportFormatError } from './export-format-error';
import type { ExportDelimiter } from './match-header-line';
import type { ExportRecord } from './open-export';

/**
 * Most bytes parsed at a time: a larger decoded chunk is parsed in slices, one per batch, so a batch holds
 * at most a few hundred to a couple of thousand rows. Whole megabyte chunks made ~11,000 rows live at once and the read ~25% slower
 * (they outlive the young generation and are copied into the old one; docs/performance.md).
 */
const PARSE_SLICE_BYTES = 64 * 1024;

/** Longest record csv-parse will build (characters); beyond it an unclosed quote is the likely cause. */
const MAX_RECORD_CHARS = 1 << 20;

const DELIMITER_NAMES: Readonly<Record<ExportDelimiter, string>> = {
  ',': 'comma',
  '\t': 'tab',
  '|': 'pipe',
  ';': 'semicolon',
};

const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by something other than a delimiter or line end',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field',
  CSV_MAX_RECORD_SIZE: `the record is longer than ${MAX_RECORD_CHARS} characters, usually because a quote is not closed`,
};

export interface ExportRecordStats {
  trailingSummaryLines: number;
  raggedRows: number;
  dataRows: number;
}

/** Where the data rows start and how to read them; see `ExportRecords`. */
export interface ExportRecordsInput {
  /** The raw source, positioned after the bytes already decoded. */
  reader: AsyncIterator<Uint8Array>;
  /** True when `reader` has already ended (and `decoder.end()` was taken into `initial`). */
  readerDone: boolean;
  decoder: ExportDecoder;
  /** Decoded bytes that follow the header line. */
  initial: Buffer;
  delimiter: ExportDelimiter;
  /** Physical line number of the first byte of `initial`. */
  firstLine: number;
  headerCells: number;
}

/**
 * The data rows of an export as an async iterator, fed through csv-parse one decoded chunk at a time,
 * so memory holds one chunk's records, never the file.
 *
 * - Records whose cells are all blank are skipped.
 * - A record whose first non-blank cell starts with `Total` or `Count` is held back: it is released in
 *   order if a patient row follows, and counted as a trailing summary line (never yielded) if the input ends.
 * - When the input ends with no data rows, `next()` rejects with `ExportFormatError('no_data_rows')`,
 *   since that can only be known at the end.
 * - A csv-parse error becomes `ExportFormatError('malformed_csv')` naming the line where the failing
 *   record starts and csv-parse's code, never the text of the line.
 *
 * Line numbers are counted here rather than taken from csv-parse's `info` option (which costs an object
 * per record and counts an embedded CRLF as two lines): a record starts after the previous one ends plus
 * any empty lines csv-parse skipped, and spans one line more than the newlines inside its cells.
 */
export class ExportRecords implements AsyncIterableIterator<ExportRecord> {
  readonly stats: ExportRecordStats = { trailingSummaryLines: 0, raggedRows: 0, dataRows: 0 };
  private readonly parser: CsvParserApi;
  private readonly onCells = ((cells: string[]) => this.onRecord(cells)) as (record: never) => void;
  private queue: ExportRecord[] = [];
  private queuePos = 0;
  private held: ExportRecord[] = [];
  private nextLine: number;
  private emptyLinesSeen = 0;
  private initial: Buffer | undefined;
  /** Decoded bytes not yet parsed (see PARSE_SLICE_BYTES). */
  private rest: Buffer | undefined;
  private readerDone: boolean;
  private finished = false;
  private failure: unknown;

  constructor(private readonly input: ExportRecordsInput) {
    this.nextLine = input.firstLine;
    this.initial = input.initial;
    this.readerDone = input.readerDone;
    this.parser = csvParserApi({
      delimiter: input.delimiter,
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
      max_record_size: MAX_RECORD_CHARS,
    });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExportRecord> {
    return this;
  }

  async next(): Promise<IteratorResult<ExportRecord>> {
    if (this.queuePos >= this.queue.length && !(await this.fill())) return { value: undefined, done: true };
    return { value: this.queue[this.queuePos++] as ExportRecord, done: false };
  }

  /**
   * The rows of the next decoded chunk (one or more), or undefined at the end: the same rows as `next()`,
   * with one await per chunk rather than per row. Use one or the other, not both.
   */
  async nextBatch(): Promise<readonly ExportRecord[] | undefined> {
    if (this.queuePos >= this.queue.length && !(await this.fill())) return undefined;
    const batch = this.queuePos === 0 ? this.queue : this.queue.slice(this.queuePos);
    this.queue = [];
    this.queuePos = 0;
    return batch;
  }

  /** Reads until rows are queued (true) or the input is finished (false); rethrows a failure. */
  private async fill(): Promise<boolean> {
    while (this.queuePos >= this.queue.length) {
      if (this.failure !== undefined) throw this.failure;
      if (this.finished) return false;
      this.queue.length = 0;
      this.queuePos = 0;
      try {
        await this.pump();
      } catch (error) {
        this.failure = error instanceof CsvError ? this.malformed(error) : error;
        await this.close();
      }
    }
    return true;
  }

  /** Stops early (a `break` out of `for await`): releases the source and the parser. */
  async return(): Promise<IteratorResult<ExportRecord>> {
    this.finished = true;
    this.queue.length = 0;
    this.queuePos = 0;
    await this.close();
    return { value: undefined, done: true };
  }

  /** Reads, decodes and parses one more chunk of input. */
  private async pump(): Promise<void> {
    if (this.rest !== undefined) return this.writeSlice(this.rest);
    if (this.initial !== undefined) {
      const initial = this.initial;
      this.initial = undefined;
      if (initial.length > 0) this.writeSlice(initial);
      return;
    }
    if (this.readerDone) return this.finish();
    const next = await this.input.reader.next();
    if (next.done) {
      this.readerDone = true;
      const tail = this.input.decoder.end();
      if (tail.length > 0) this.writeSlice(tail);
      return;
    }
    const bytes = this.input.decoder.push(next.value);
    if (bytes.length > 0) this.writeSlice(bytes);
  }

  /** Parses the first PARSE_SLICE_BYTES of `bytes` and keeps the rest for the next pump. */
  private writeSlice(bytes: Buffer): void {
    if (bytes.length <= PARSE_SLICE_BYTES) {
      this.rest = undefined;
      this.write(bytes);
    } else {
      this.rest = bytes.subarray(PARSE_SLICE_BYTES);
      this.write(bytes.subarray(0, PARSE_SLICE_BYTES));
    }
  }

  /** Parses a chunk; each record reaches onRecord before this returns (so `info.empty_lines` is current). */
  private write(bytes: Buffer): void {
    const error = this.parser.parse(bytes, false, this.onCells, NOTHING);
    if (error !== undefined) throw error;
  }

  private finish(): void {
    const error = this.parser.parse(undefined, true, this.onCells, NOTHING);
    if (error !== undefined) throw error;
    this.finished = true;
    this.stats.trailingSummaryLines = this.held.length;
    this.held = [];
    if (this.stats.dataRows === 0) {
      this.failure = new ExportFormatError(
        'no_data_rows',
        `The export has a header on line ${this.input.firstLine - 1} but no patient rows below it.`,
        'Check that the report was run for the right practice and population, then export it again.',
      );
    }
  }

  private onRecord(cells: string[]): void {
    const emptyLines = this.parser.info.empty_lines;
    const line = this.nextLine + emptyLines - this.emptyLinesSeen;
    this.emptyLinesSeen = emptyLines;
    let span = 1;
    let firstText = -1;
    for (let i = 0; i < cells.length; i++) {
      let cell = cells[i] as string;
      if (cell.charCodeAt(cell.length - 1) === 13) {
        cell = cell.slice(0, -1);
        cells[i] = cell;
      }
      if (cell.indexOf('\n') !== -1) span += countNewlines(cell);
      if (firstText < 0 && !isBlank(cell)) firstText = i;
    }
    this.nextLine = line + span;
    if (firstText < 0) return;

    const record: ExportRecord = { line, cells };
    if (isSummaryStart(cells[firstText] as string)) {
      this.held.push(record);
      return;
    }
    if (this.held.length > 0) {
      for (const summary of this.held) this.emit(summary);
      this.held = [];
    }
    this.emit(record);
  }

  private emit(record: ExportRecord): void {
    this.queue.push(record);
    this.stats.dataRows++;
    if (record.cells.length !== this.input.headerCells) this.stats.raggedRows++;
  }

  private malformed(error: CsvError): ExportFormatError {
    const line = this.nextLine + this.parser.info.empty_lines - this.emptyLinesSeen;
    const problem = CSV_PROBLEMS[error.code] ?? 'the text is not valid delimited data';
    return new ExportFormatError(
      'malformed_csv',
      `The record starting on line ${line} cannot be read as ${DELIMITER_NAMES[this.input.delimiter]}-separated ` +
        `text: ${problem} (${error.code}).`,
      'Check the quotes on that line: a field that starts with a double quote must end with one, and a quote ' +
        'inside a quoted field is written twice (""). Then export the report again.',
    );
  }

  private async close(): Promise<void> {
    try {
      await this.input.reader.return?.();
    } catch {
      // The source is being abandoned; a failure to close it changes nothing for the caller.
    }
  }
}

const NOTHING = () => {};

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** True for an empty or whitespace-only cell (no allocation, unlike `trim()`). */
function isBlank(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0xfeff) return false;
  }
  return true;
}

const TOTAL = 'total';
const COUNT = 'count';

/** Whether the cell begins (after leading whitespace) with "Total" or "Count", in any case. */
function isSummaryStart(cell: string): boolean {
  let start = 0;
  while (start < cell.length && cell.charCodeAt(start) <= 0x20) start++;
  if (cell.length - start < 5) return false;
  return startsWithLower(cell, start, TOTAL) || startsWithLower(cell, start, COUNT);
}

function startsWithLower(cell: string, start: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if ((cell.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}
