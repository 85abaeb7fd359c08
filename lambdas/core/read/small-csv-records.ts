import type { Options } from 'csv-parse';
import { csvParserApi } from './csv-parser-api';

/** One record of a small CSV: its cells, and the line on which it ends (csv-parse's `info.lines`). */
export interface CsvLine {
  cells: string[];
  line: number;
}

/**
 * The records of a small CSV text (the practice directory, SMS templates); throws csv-parse's CsvError.
 * Each is copied out of csv-parse as it is read. Not csv-parse/sync: it keeps its own records until the end,
 * and V8, seeing records from csv-parse's allocation site survive, then allocates every later record there (an
 * export's million) straight into the old generation, where only full GCs collect them: in `pcm-report run`
 * that cost the export reader ~0.5 s and ~90 MB (docs/performance.md). csv-parse's own records now die young.
 */
export function smallCsvRecords(text: string, options: Omit<Options, 'info' | 'objname' | 'columns'>): CsvLine[] {
  const lines: CsvLine[] = [];
  const api = csvParserApi({ ...options, info: true });
  const push = (({ record, info }: { record: string[]; info: { lines: number } }) => {
    lines.push({ cells: [...record], line: info.lines });
  }) as (record: never) => void;
  const error = api.parse(Buffer.from(text), true, push, () => {});
  if (error !== undefined) throw error;
  return lines;
}
