import { normaliseHeader } from '../fields/normalise-header';
import { smallCsvRecords } from '../read/small-csv-records';
import { isValidEmail } from '../values/email-address';
import { parseOdsCode } from '../values/ods-code';
import type { DirectoryEntry } from './directory-entry';

export interface DirectoryRejection {
  /** 1-based line in the file. */
  line: number;
  field: string;
  message: string;
}

const COLUMNS = ['practice_code', 'practice_name', 'pcn', 'clinical_system', 'email'] as const;

/**
 * Parses the practice directory CSV (`practice_code, practice_name, pcn, clinical_system, email`).
 * Bad lines are rejected with the line and field; good lines are kept. A later line for the
 * same practice replaces an earlier one.
 */
export function parseDirectoryCsv(text: string): { entries: DirectoryEntry[]; rejected: DirectoryRejection[] } {
  const [headerLine, ...lines] = smallCsvRecords(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  if (!headerLine) return { entries: [], rejected: [{ line: 1, field: 'header', message: 'The file is empty.' }] };
  const index = new Map(headerLine.cells.map((name, i) => [normaliseHeader(name), i]));
  const missing = COLUMNS.filter(
    (c) => !index.has(normaliseHeader(c)) && (c === 'practice_code' || c === 'practice_name'),
  );
  if (missing.length > 0) {
    return {
      entries: [],
      rejected: [
        {
          line: headerLine.line,
          field: 'header',
          message: `Missing column(s) ${missing.join(', ')}. Expected the header: ${COLUMNS.join(',')}.`,
        },
      ],
    };
  }
  const at = (record: string[], column: (typeof COLUMNS)[number]) => {
    const i = index.get(normaliseHeader(column));
    return i === undefined ? '' : (record[i] ?? '').trim();
  };

  const entries = new Map<string, DirectoryEntry>();
  const rejected: DirectoryRejection[] = [];
  for (const { cells: record, line } of lines) {
    const rawCode = at(record, 'practice_code');
    const practiceCode = parseOdsCode(rawCode);
    if (!practiceCode) {
      rejected.push({
        line,
        field: 'practice_code',
        message: `"${rawCode}" is not an ODS practice code: expected a letter and five digits, e.g. D83001.`,
      });
      continue;
    }
    const practiceName = at(record, 'practice_name');
    if (!practiceName) {
      rejected.push({ line, field: 'practice_name', message: `The practice name for ${practiceCode} is empty.` });
      continue;
    }
    const email = at(record, 'email');
    if (email && !isValidEmail(email)) {
      rejected.push({
        line,
        field: 'email',
        message: `The email for ${practiceCode} is not a valid address; expected e.g. practice.manager@nhs.net.`,
      });
      continue;
    }
    entries.set(practiceCode, {
      practiceCode,
      practiceName,
      pcn: at(record, 'pcn') || undefined,
      clinicalSystem: at(record, 'clinical_system') || undefined,
      email: email || undefined,
    });
  }
  return { entries: [...entries.values()], rejected };
}
