import ExcelJS, { type Style } from 'exceljs';
import { columnLetter } from './column-letter';
import type { StreamingWorkbook } from './stream-workbook';
import type { StreamingWorksheet } from './streamed-sheet-image';

/** A cell of a plain row: a number, a text, or nothing (written as an empty cell keeping its column's style). */
export type PlainCell = number | string | null | undefined;

/** A column of a plain table: its cell style (one object, shared by every row) and the type of its values. */
export interface PlainColumn {
  style: Partial<Style>;
  type: 'number' | 'text';
}

/** The parts of exceljs 4.4's streaming writer this file relies on (not in its type definitions). */
interface WorkbookWriterInternals {
  useSharedStrings?: boolean;
  sharedStrings?: { add(text: string): number };
  styles?: { addStyleModel(style: Partial<Style>, cellType: number): number };
}
interface WorksheetWriterInternals {
  committed?: boolean;
  startedData?: boolean;
  _rows?: unknown[] | null;
  _rowZero?: number;
  stream: { write(text: string): unknown };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

/** Rows gathered into one write: fewer, larger writes into exceljs's zip stream. */
const ROWS_PER_WRITE = 256;

/**
 * Writes the rows of a large, uniform table (numbers and texts only) straight into a streamed worksheet's XML,
 * exactly as exceljs writes such rows (`<row r spans x14ac:dyDescent><c r s t="s"><v>…`), without building a Row,
 * Cell and Value object per cell: in the gap list's No preference sheet, exceljs's per-cell objects cost ~15 µs a
 * row and were most of the full pipeline's time (docs/performance.md).
 *
 * Texts always go into the shared-string table (never `t="str"` or a formula) and are escaped by exceljs when it
 * writes that table; styles are exceljs's own style ids for each column's style object. So the sheet XML is the
 * one exceljs's row.commit() writes, byte for byte (streamed-plain-rows-golden.test.ts), except that a row with no
 * value at all is still written, its empty cells keeping their column's style, where exceljs leaves it out.
 *
 * Use: commit the rows above the table, create the writer, `add` each row, `finish()`, then set the autofilter and
 * commit the sheet as usual. Relies on exceljs 4.4 internals, checked when the writer is made: an upgrade that
 * changes them fails here with this message rather than writing a broken file.
 */
export class StreamedPlainRows {
  private readonly book: Required<WorkbookWriterInternals>;
  private readonly sheet: WorksheetWriterInternals;
  private readonly cellOpen: string[];
  private readonly cellStyle: string[];
  private readonly emptyCell: string[];
  private readonly spans: string;
  private pending: string[] = [];
  private nextRow: number;

  constructor(
    workbook: StreamingWorkbook,
    worksheet: StreamingWorksheet,
    private readonly columns: readonly PlainColumn[],
    firstRow: number,
  ) {
    this.book = internalsOf(workbook);
    this.sheet = worksheet as unknown as WorksheetWriterInternals;
    if (this.sheet.committed || !Array.isArray(this.sheet._rows) || typeof this.sheet._writeColumns !== 'function') {
      throw new Error(
        `StreamedPlainRows: sheet "${worksheet.name}" is committed or this exceljs version has a different streaming ` +
          'writer; write the rows with getRow()/commit() instead.',
      );
    }
    if (this.sheet._rows.some((row) => row !== undefined && row !== null)) {
      throw new Error(`StreamedPlainRows: commit the rows above the table on sheet "${worksheet.name}" first.`);
    }
    if (firstRow < (this.sheet._rowZero ?? 1)) {
      throw new Error(`StreamedPlainRows: row ${firstRow} of sheet "${worksheet.name}" is already written.`);
    }
    this.nextRow = firstRow;
    const { String: text, Number: number } = ExcelJS.ValueType;
    const styleIds = columns.map((c) => this.book.styles.addStyleModel(c.style, c.type === 'text' ? text : number));
    const letters = columns.map((_, i) => columnLetter(i + 1));
    this.cellOpen = letters.map((letter) => `<c r="${letter}`);
    this.emptyCell = styleIds.map((id) => (id ? `" s="${id}"/>` : '"/>'));
    this.cellStyle = styleIds.map((id) => (id ? `" s="${id}"` : '"'));
    this.spans = `" spans="1:${columns.length}" x14ac:dyDescent="0.25">`;
    if (!this.sheet.startedData) {
      this.sheet._writeColumns();
      this.sheet._writeOpenSheetData();
      this.sheet.startedData = true;
    }
  }

  /** Adds the next row; `cells[i]` goes in column i + 1. */
  add(cells: readonly PlainCell[]): void {
    const r = this.nextRow++;
    let xml = `<row r="${r}${this.spans}`;
    for (let i = 0; i < this.columns.length; i++) {
      const value = cells[i];
      const open = `${this.cellOpen[i]}${r}`;
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
        xml += open + this.emptyCell[i];
      } else if (typeof value === 'number') {
        xml += `${open}${this.cellStyle[i]}><v>${value}</v></c>`;
      } else {
        xml += `${open}${this.cellStyle[i]} t="s"><v>${this.book.sharedStrings.add(value)}</v></c>`;
      }
    }
    this.pending.push(`${xml}</row>`);
    if (this.pending.length >= ROWS_PER_WRITE) this.flush();
  }

  /** Writes what is buffered and hands the sheet back to exceljs; returns the first free row number. */
  finish(): number {
    this.flush();
    // exceljs numbers its pending rows from _rowZero: later getRow() calls must land after the table.
    this.sheet._rowZero = this.nextRow;
    return this.nextRow;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.sheet.stream.write(this.pending.join(''));
    this.pending = [];
  }
}

function internalsOf(workbook: StreamingWorkbook): Required<WorkbookWriterInternals> {
  const book = workbook as unknown as WorkbookWriterInternals;
  if (
    book.useSharedStrings !== true ||
    typeof book.sharedStrings?.add !== 'function' ||
    typeof book.styles?.addStyleModel !== 'function'
  ) {
    throw new Error(
      'StreamedPlainRows: the workbook must be an exceljs 4.4 streaming writer with useStyles and useSharedStrings ' +
        '(see streamWorkbook).',
    );
  }
  return book as Required<WorkbookWriterInternals>;
}
