import type { IngestedFileNote } from './period-report';

/** What was learned about one ingested file while reading it. */
export interface IngestedFileFacts {
  /** The object key (and `!member` for a zip member). */
  file: string;
  unattributedRows: number;
  preambleLines: number;
  trailingSummaryLines: number;
  raggedRows: number;
  /** Patient rows that ended before the header's last, optional, columns (read with them empty). */
  rowsMissingOptionalColumns: number;
  /** Header cells that are not a field the report reads. */
  ignoredHeaders: string[];
  /** Header names given to more than one column (the first was used). */
  duplicateHeaders: string[];
  /** The extract date in the file name, if it has one. */
  dateFromName: string | undefined;
}

/** What became of one practice's rows in the file. */
export interface IngestedPractice {
  practiceCode: string;
  period: string;
  /** The latest extract date in the practice's rows, if the file has that column. */
  extractDateColumn: string | undefined;
  snapshot: 'written' | 'superseded';
}

/**
 * The Data quality notes on one ingested file, one per period its practices fall in (an ICB-wide export
 * normally has one), in the order the practices appear in the file.
 */
export function ingestedFileNotes(
  facts: IngestedFileFacts,
  practices: readonly IngestedPractice[],
): Map<string, IngestedFileNote> {
  const notesByPeriod = new Map<string, IngestedFileNote>();
  for (const { practiceCode, period, extractDateColumn, snapshot } of practices) {
    const note: IngestedFileNote = notesByPeriod.get(period) ?? {
      file: facts.file,
      practiceCodes: [],
      unattributedRows: facts.unattributedRows,
      preambleLines: facts.preambleLines,
      trailingSummaryLines: facts.trailingSummaryLines,
      ignoredHeaders: facts.ignoredHeaders,
      notes: [],
    };
    note.practiceCodes.push(practiceCode);
    if (facts.dateFromName && extractDateColumn && extractDateColumn !== facts.dateFromName) {
      note.notes.push(
        `${practiceCode}: the extract date column (${extractDateColumn}) differs from the date in the file ` +
          `name (${facts.dateFromName}); the column was used.`,
      );
    }
    if (snapshot === 'superseded') {
      note.notes.push(`${practiceCode}: a later extract for ${period} is already stored; this one was not used.`);
    }
    notesByPeriod.set(period, note);
  }
  for (const note of notesByPeriod.values()) {
    if (facts.raggedRows > 0) note.notes.push(`${facts.raggedRows} rows had more or fewer fields than the header.`);
    const lacking = facts.rowsMissingOptionalColumns;
    if (lacking > 0) {
      note.notes.push(
        `${lacking} patient ${lacking === 1 ? 'row' : 'rows'} ended before the last columns (none of them ` +
          'required): those columns were read as empty.',
      );
    }
    if (facts.duplicateHeaders.length > 0) {
      note.notes.push(`Duplicate column names, the first was used: ${facts.duplicateHeaders.join(', ')}.`);
    }
  }
  return notesByPeriod;
}
