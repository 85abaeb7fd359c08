import { NO_VALUE_MAPPING, type ValueMapping } from '../fields/value-mapping';
import { SeenNames } from '../privacy/seen-names';
import type { ExportRecord } from '../read/open-export';
import { looksLikeSpreadsheetNumber } from '../values/spreadsheet-number';
import type { RowContext, RowLayout } from './interpret-row';
import { PracticeTally } from './practice-tally';
import { RowInterpreter } from './row-interpreter';
import type { SpillFile } from './spill-file';

/** One file's rows, counted. */
export interface ExportTallies {
  /** One tally per practice code, in the order the practices first appear in the file. */
  tallies: Map<string, PracticeTally>;
  /** Rows that name no practice (no ODS code in the row, none in the file name): counted nowhere else. */
  unattributedRows: number;
  /** Rejected rows whose NHS number looks like a spreadsheet's scientific notation (`9.99E+09`). */
  nhsNumbersInScientificNotation: number;
  /** Patients whose row ended before the header's last (optional) columns: read with those columns empty. */
  rowsMissingOptionalColumns: number;
  /**
   * Rows coded for a practice other than the one the file name or key names (SPEC §2.1, *foreign rows*), by
   * that practice's code: a file named for a practice speaks only for it, so they are counted nowhere else.
   */
  foreignRows: Map<string, number>;
  /** Every forename and surname in the file (whatever became of the row), to screen what it shows (SPEC §8). */
  names: SeenNames;
}

/**
 * Counts one file's data rows, batch by batch as the reader yields them, into one tally per practice (SPEC
 * §2.4). With a spill file, a practice's patient-level state is parked there whenever the file moves on to
 * another practice, so memory does not grow with an ICB-wide export.
 */
export async function tallyExportRows(
  batches: AsyncIterable<readonly ExportRecord[]> | Iterable<readonly ExportRecord[]>,
  layout: RowLayout,
  context: RowContext,
  spill?: SpillFile,
  /** The ICB's own vocabulary (SPEC §2.3c). */
  valueMapping: ValueMapping = NO_VALUE_MAPPING,
): Promise<ExportTallies> {
  const interpreter = new RowInterpreter(layout, context, valueMapping);
  const row = interpreter.row;
  const tallies = new Map<string, PracticeTally>();
  let tally: PracticeTally | undefined;
  let unattributedRows = 0;
  let rowsMissingOptionalColumns = 0;
  let nhsNumbersInScientificNotation = 0;
  const nhsColumn = layout.fields.nhsNumber;
  const columnCount = layout.columnCount ?? 0;
  const foreignRows = new Map<string, number>();
  const namedPractice = context.practiceCodeFromKey;
  // Every row's names, whatever becomes of the row: a value equal to any patient's name is withheld (SPEC §8).
  const names = new SeenNames();
  const surname = layout.fields.surname;
  const forename = layout.fields.forename;
  for await (const batch of batches) {
    for (let i = 0; i < batch.length; i++) {
      const cells = (batch[i] as ExportRecord).cells;
      if (surname !== undefined) names.add(cells[surname] ?? '');
      if (forename !== undefined) names.add(cells[forename] ?? '');
      const status = interpreter.read(cells);
      if (status === 'unattributed') {
        unattributedRows++;
        continue;
      }
      if (namedPractice !== undefined && row.practiceCode !== namedPractice) {
        foreignRows.set(row.practiceCode, (foreignRows.get(row.practiceCode) ?? 0) + 1);
        continue;
      }
      // Exports usually list one practice's rows together: look up the tally only when the code changes.
      if (tally === undefined || tally.practiceCode !== row.practiceCode) {
        tally?.park();
        tally = tallies.get(row.practiceCode);
        if (!tally) {
          tally = new PracticeTally(row.practiceCode, spill);
          tallies.set(row.practiceCode, tally);
        }
      }
      if (status !== 'ok') {
        tally.reject(status, interpreter.identify(cells));
        if (status === 'invalid_nhs_number' && nhsColumn !== undefined) {
          if (looksLikeSpreadsheetNumber(cells[nhsColumn] ?? '')) nhsNumbersInScientificNotation++;
        }
        continue;
      }
      tally.count(row);
      if (cells.length < columnCount) rowsMissingOptionalColumns++;
    }
  }
  for (const counted of tallies.values()) counted.screenWith(names);
  return { tallies, unattributedRows, nhsNumbersInScientificNotation, rowsMissingOptionalColumns, foreignRows, names };
}
