import type { CsvError } from 'csv-parse';
import { type CsvLine, smallCsvRecords } from '../read/small-csv-records';
import { TemplateFileError } from './template-file-error';

export interface SmsTemplate {
  readonly name: string;
  readonly text: string;
}

const CRLF = /\r\n?/g;
const NEWLINE = /\n/g;
const SURROUNDING_QUOTES = /^"|"$/g;
const MAX_LISTED_PROBLEMS = 10;
const CSV_HINT =
  'A templates CSV has a header row "name,text" and one template per row; put text that contains commas, quotes or line breaks in double quotes, doubling any quote inside ("").';

/**
 * The templates in a file: a `.csv` is a `name,text` CSV, a `.txt` is one template named after the file,
 * and any other file is a CSV when its first line is a `name,text` header, else one template.
 * Line breaks are made LF (as messaging systems send them), so a Windows file does not count two per break.
 */
export function parseTemplates(content: string, fileName: string): SmsTemplate[] {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return parseTemplatesCsv(content, fileName);
  if (lower.endsWith('.txt') || !isTemplateCsv(content)) return [parseTemplateText(content, fileName)];
  return parseTemplatesCsv(content, fileName);
}

/** True when the first non-empty line is a header with `name` and `text` columns (any case, any order). */
export function isTemplateCsv(content: string): boolean {
  const firstLine = stripBom(content)
    .split('\n', 20)
    .find((line) => line.trim() !== '');
  if (firstLine === undefined) return false;
  const columns = firstLine.split(',').map(headerName);
  return columns.includes('name') && columns.includes('text');
}

/** A plain-text file as one template named after the file (`flu-invite.txt` → `flu-invite`); trailing line breaks and spaces are dropped. */
export function parseTemplateText(content: string, fileName: string): SmsTemplate {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return { name: dot > 0 ? base.slice(0, dot) : base, text: stripBom(content).replace(CRLF, '\n').trimEnd() };
}

/**
 * A `name,text` CSV (header required; other columns are ignored). Names and texts are trimmed; an empty
 * text is kept (the check reports it). Every problem is collected and thrown as one TemplateFileError.
 */
export function parseTemplatesCsv(content: string, fileName: string): SmsTemplate[] {
  let rows: CsvLine[];
  try {
    rows = smallCsvRecords(content, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const { code, lines } = error as CsvError & { lines?: number };
    throw new TemplateFileError(
      fileName,
      `the CSV could not be read${lines === undefined ? '' : ` near line ${lines}`} (${code ?? 'unknown error'}). ${CSV_HINT}`,
      { cause: error },
    );
  }

  const header = rows[0]?.cells.map(headerName);
  const nameAt = header?.indexOf('name') ?? -1;
  const textAt = header?.indexOf('text') ?? -1;
  if (header === undefined || nameAt < 0 || textAt < 0) {
    throw new TemplateFileError(
      fileName,
      `the first row must be the header "name,text"${header === undefined ? ' (the file is empty)' : ''}. ${CSV_HINT}`,
    );
  }

  const templates: SmsTemplate[] = [];
  const problems: string[] = [];
  for (const { cells: record, line: lastLine } of rows.slice(1)) {
    const line = lastLine - record.reduce((n, field) => n + (field.match(NEWLINE)?.length ?? 0), 0);
    if (record.length !== header.length) {
      problems.push(
        `line ${line} has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${header.length}` +
          (record.length > header.length ? ' (is there an unquoted comma in the text?)' : ''),
      );
      continue;
    }
    const name = (record[nameAt] ?? '').trim();
    if (name === '') {
      problems.push(`line ${line} has no name`);
      continue;
    }
    templates.push({ name, text: (record[textAt] ?? '').replace(CRLF, '\n').trim() });
  }

  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
    const more = problems.length > MAX_LISTED_PROBLEMS ? ` and ${problems.length - MAX_LISTED_PROBLEMS} more` : '';
    throw new TemplateFileError(fileName, `${listed}${more}. ${CSV_HINT}`);
  }
  if (templates.length === 0) {
    throw new TemplateFileError(fileName, `the CSV has a header but no templates. ${CSV_HINT}`);
  }
  return templates;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `"Name"`, ` TEXT ` → `name`, `text`. */
function headerName(cell: string): string {
  return cell.trim().replace(SURROUNDING_QUOTES, '').trim().toLowerCase();
}
