import type { ExportRecord } from '../read/open-export';
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
  /**
   * Rows coded for a practice other than the one the file name or key names (SPEC §2.1, *foreign rows*), by
   * that practice's code: a file named for a practice speaks only for it, so they are counted nowhere else.
   */
  foreignRows: Map<string, number>;
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
): Promise<ExportTallies> {
  const interpreter = new RowInterpreter(layout, context);
  const row = interpreter.row;
  const tallies = new Map<string, PracticeTally>();
  let tally: PracticeTally | undefined;
  let unattributedRows = 0;
  const foreignRows = new Map<string, number>();
  const namedPractice = context.practiceCodeFromKey;
  for await (const batch of batches) {
    for (let i = 0; i < batch.length; i++) {
      const status = interpreter.read((batch[i] as ExportRecord).cells);
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
      if (status === 'ok') tally.count(row);
      else tally.reject(status);
    }
  }
  return { tallies, unattributedRows, foreignRows };
}
