import { describeCodes } from '../tally/check-usable-tallies';
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
  /** The day the file was uploaded: its rows' extract date when neither a column nor its name has one. */
  uploadDate?: string;
  /** Whether the file has an extract date column. */
  hasExtractDateColumn?: boolean;
  /** The practice the file name or key names, if any (SPEC §2.1). */
  namedPractice?: string | undefined;
  /** Rows coded for a practice other than the named one, by that practice's code: counted nowhere. */
  foreignRows?: ReadonlyMap<string, number>;
}

/** What became of one practice's rows in the file. */
export interface IngestedPractice {
  practiceCode: string;
  period: string;
  /** The latest extract date in the practice's rows, if the file has that column. */
  extractDateColumn: string | undefined;
  snapshot: 'written' | 'superseded';
  /** Patients counted in this extract. */
  registered?: number;
  /** The practice's snapshot this one replaces or follows (same period, else the one before), if any. */
  previous?: { period: string; registered: number };
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
  for (const { practiceCode, period, extractDateColumn, snapshot, registered, previous } of practices) {
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
    if (!facts.dateFromName && !facts.hasExtractDateColumn && facts.uploadDate) {
      note.notes.push(
        `${practiceCode}: no extract date in a column or the file name; the upload date (${facts.uploadDate}) was used.`,
      );
    }
    if (snapshot === 'superseded') {
      note.notes.push(`${practiceCode}: a later extract for ${period} is already stored; this one was not used.`);
    }
    if (snapshot === 'written' && previous && registered !== undefined && registered < previous.registered / 2) {
      note.notes.push(
        `${practiceCode}: ${registered} registered patients, under half the ${previous.registered} of its ` +
          `snapshot for ${previous.period}; check that the export holds the whole practice list.`,
      );
    }
    notesByPeriod.set(period, note);
  }
  const foreign = facts.foreignRows ?? new Map<string, number>();
  const foreignTotal = [...foreign.values()].reduce((sum, n) => sum + n, 0);
  for (const note of notesByPeriod.values()) {
    if (foreignTotal > 0) {
      note.notes.push(
        `${foreignTotal} foreign row${foreignTotal === 1 ? '' : 's'} (coded for another practice: ` +
          `${describeCodes(foreign)}) not counted: the file name names ${facts.namedPractice}, and a file named ` +
          'for a practice speaks only for it.',
      );
    }
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
