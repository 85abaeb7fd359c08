import iconv from 'iconv-lite';

/** How a clinical system (or a spreadsheet) may write a delimited export (SPEC §2.2). */
export interface Dialect {
  delimiter: ',' | '\t' | '|' | ';';
  lineEnding: '\n' | '\r\n';
  /** `minimal`: quote only fields that need it; `all`: quote every field (EMIS Web style). */
  quoting: 'minimal' | 'all';
  encoding: 'utf-8' | 'windows-1252';
  /** A UTF-8 byte order mark (only with `utf-8`). */
  bom: boolean;
  /** Whether the last record is followed by a line ending. */
  finalNewline: boolean;
}

export const DEFAULT_DIALECT: Dialect = {
  delimiter: ',',
  lineEnding: '\n',
  quoting: 'minimal',
  encoding: 'utf-8',
  bom: false,
  finalNewline: true,
};

/**
 * Writes records as a delimited text file the way a careful CSV writer would: a field holding the
 * delimiter, a quote, CR or LF (or leading/trailing spaces) is quoted, with quotes doubled. The
 * independent writer the reader's property tests compare against.
 */
export function writeDelimited(records: readonly (readonly string[])[], dialect: Partial<Dialect> = {}): Buffer {
  const d = { ...DEFAULT_DIALECT, ...dialect };
  const lines = records.map((record) => record.map((field) => quoteField(field, d)).join(d.delimiter));
  const text = lines.join(d.lineEnding) + (d.finalNewline ? d.lineEnding : '');
  if (d.encoding === 'windows-1252') return iconv.encode(text, 'win1252');
  const body = Buffer.from(text, 'utf8');
  return d.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

function quoteField(field: string, d: Dialect): string {
  const needsQuotes =
    d.quoting === 'all' ||
    field.includes(d.delimiter) ||
    field.includes('"') ||
    field.includes('\n') ||
    field.includes('\r') ||
    field !== field.trim();
  return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}
