import type { Options } from 'csv-parse';
import { csvParserApi } from './csv-parser-api';

/** A record with csv-parse's `info` (its `lines` is the line on which the record ends). */
export interface CsvRecordWithInfo {
  record: string[];
  info: { lines: number };
}

/**
 * Parses a small CSV text (the practice directory, SMS templates), handing each record to `onRecord` as it
 * is read; throws csv-parse's CsvError. Not csv-parse/sync: it keeps every record until the end, and V8,
 * seeing records from csv-parse's allocation site survive, then allocates every later record there (an
 * export's million) straight into the old generation, where they are collected only by full GCs: in
 * `pcm-report run` that cost the export reader ~1.5 s and ~100 MB (docs/performance.md). Records handed on at
 * once die young.
 */
export function eachCsvRecord(
  text: string,
  options: Omit<Options, 'info' | 'objname' | 'columns'>,
  onRecord: (record: CsvRecordWithInfo) => void,
): void {
  const api = csvParserApi({ ...options, info: true });
  const push = onRecord as (record: never) => void;
  const close = () => {};
  const error = api.parse(Buffer.from(text), true, push, close);
  if (error !== undefined) throw error;
}
