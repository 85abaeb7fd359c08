import { NO_VALUE_MAPPING, type ValueMapping } from '../fields/value-mapping';
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
  for await (const batch of batches) {
    for (let i = 0; i < batch.length; i++) {
      const cells = (batch[i] as ExportRecord).cells;
      const status = interpreter.read(cells);
      if (status === 'unattributed') {
        unattributedRows++;
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
  return { tallies, unattributedRows, nhsNumbersInScientificNotation, rowsMissingOptionalColumns };
}
