/** Why a whole export cannot be read; each one quarantines the file (SPEC §2.5). */
export type ExportFormatReason =
  | 'empty_file'
  | 'not_text'
  | 'unsupported_encoding'
  | 'no_header'
  | 'malformed_csv'
  | 'no_data_rows';

/**
 * A file-level problem with an export. The message says what was wrong and where (a line number or a
 * byte offset, never the content of a line: it could hold patient data); the hint says how to fix it.
 */
export class ExportFormatError extends Error {
  override readonly name = 'ExportFormatError';
  constructor(
    readonly reason: ExportFormatReason,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
