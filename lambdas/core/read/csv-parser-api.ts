import { type Options, Parser } from 'csv-parse';

/** The part of csv-parse that the Parser stream wraps: a chunk in, records out through `push`. */
export interface CsvParserApi {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: never) => void, close: () => void): Error | undefined;
  readonly info: { readonly empty_lines: number };
}

/**
 * csv-parse's parser without its stream: `Parser.api`, what the Parser's own `_transform` and csv-parse/sync
 * call. Records arrive through a callback rather than as stream events, which saves a stream push and an
 * event per row (a million of each for an ICB-wide export); the parsing, its options and its errors are
 * csv-parse's own. Fails at once, naming the fix, if an upgrade of csv-parse renames it.
 */
export function csvParserApi(options: Options): CsvParserApi {
  const api = (new Parser(options) as unknown as { api?: Partial<CsvParserApi> }).api;
  if (typeof api?.parse !== 'function' || typeof api.info?.empty_lines !== 'number') {
    throw new Error(
      'csv-parse no longer exposes Parser.api.parse, which the CSV readers use to parse without a stream. ' +
        'Pin csv-parse to a version that has it (7.0.3 does), or parse through the Parser stream again.',
    );
  }
  return api as CsvParserApi;
}
