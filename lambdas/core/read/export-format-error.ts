import { ExportRejectedError } from './export-rejected-error';

/** Why a whole export cannot be read as delimited text; each one quarantines the file (SPEC §2.5). */
export type ExportFormatReason =
  | 'empty_file'
  | 'not_text'
  | 'unsupported_encoding'
  | 'no_header'
  | 'malformed_csv'
  | 'no_data_rows';

/** A file-level problem found while reading an export's bytes, lines and header. */
export class ExportFormatError extends ExportRejectedError<ExportFormatReason> {
  override readonly name = 'ExportFormatError';
}
