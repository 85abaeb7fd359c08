/**
 * Every reason a whole file can be quarantined for: README's "What a quarantine reason means" table (whose
 * `zip_*` row stands for the five zip reasons) and docs/bad-input.md. A test keeps the three in step.
 */
export const REJECTION_REASONS = [
  'empty_file',
  'not_text',
  'unsupported_encoding',
  'no_header',
  'malformed_csv',
  'mixed_delimiters',
  'no_data_rows',
  'missing_required_columns',
  'no_practice_code',
  'no_valid_patients',
  'rows_for_another_practice',
  'extract_date_in_future',
  'bad_extract_date',
  'internal_error',
  'zip_too_large',
  'zip_bomb',
  'zip_nested',
  'zip_unreadable',
  'zip_empty',
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * A whole file (an export, a zip, or a zip member) cannot be ingested: it is quarantined with this reason and
 * hint (SPEC §2.5). The message says what was wrong and where (a line number, a byte offset or a column header,
 * never the content of a cell: it could hold patient data); the hint says how to fix it. The code that catches
 * it knows which file it was reading. Subclasses narrow `reason` to what their stage can find.
 */
export class ExportRejectedError<Reason extends RejectionReason = RejectionReason> extends Error {
  override readonly name: string = 'ExportRejectedError';
  /** For `internal_error`: the random id in the log line, so the data team can find what failed. */
  reference: string | undefined;
  constructor(
    readonly reason: Reason,
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  withReference(reference: string): this {
    this.reference = reference;
    return this;
  }
}
