import { ExportRejectedError } from './export-rejected-error';
import { EXPORT_DELIMITERS, type ExportDelimiter } from './match-header-line';
import type { ExportRecord } from './open-export';
import { splitDelimitedLine } from './split-delimited-line';

const NAMES: Readonly<Record<ExportDelimiter, string>> = {
  ',': 'commas',
  '\t': 'tabs',
  '|': 'pipes',
  ';': 'semicolons',
};

/**
 * Rejects a file whose rows switch delimiter part way (issue 13), e.g. two exports pasted together: a row read
 * as one cell that another delimiter splits into the header's columns. Read as they are, those rows would be
 * rejected one by one as invalid NHS numbers, half the file miscounted without a word; quarantining the file
 * names the line where the switch happened. A row of one cell that no other delimiter splits (a summary line,
 * a note) is left alone.
 */
export function assertOneDelimiter(
  record: ExportRecord,
  delimiter: ExportDelimiter,
  header: { cells: number; line: number },
): void {
  if (record.cells.length !== 1 || header.cells < 3) return;
  const text = record.cells[0] as string;
  for (const other of EXPORT_DELIMITERS) {
    if (other === delimiter || !text.includes(other)) continue;
    if (splitDelimitedLine(text, other).length < Math.min(header.cells, 3)) continue;
    throw new ExportRejectedError(
      'mixed_delimiters',
      `Line ${record.line} is separated by ${NAMES[other]}, but the header on line ${header.line} by ` +
        `${NAMES[delimiter]}: the file switches delimiter part way (often two exports pasted together), so its ` +
        'rows from there on cannot be read.',
      'Export the report again as one file, or split the file where the delimiter changes and upload each part.',
    );
  }
}
