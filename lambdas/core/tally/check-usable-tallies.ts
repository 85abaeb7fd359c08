import { ExportRejectedError } from '../read/export-rejected-error';
import type { RowRejection } from '../snapshot';
import type { ExportTallies } from './tally-export-rows';

/** QOF 2019/20, when recording the preference began: a fixed bound, so the bundled samples never age out. */
export const EARLIEST_EXTRACT_DATE = '2019-04-01';

/**
 * Rejects a counted file that cannot become snapshots: none of its rows names a practice, none is a valid
 * patient (a 0-patient snapshot would hide a good one, SPEC §2.5), or a practice's extract date (its rows'
 * latest, else the file's) is after the day the file was uploaded.
 */
export function checkUsableTallies(
  counted: ExportTallies,
  fileExtractDate: string,
  uploadDate: string,
  namedPractice?: string,
): void {
  if (counted.tallies.size === 0 && counted.foreignRows.size > 0 && namedPractice !== undefined) {
    const rows = [...counted.foreignRows.values()].reduce((sum, n) => sum + n, 0);
    throw new ExportRejectedError(
      'rows_for_another_practice',
      `All ${rows} rows with a practice code are coded for another practice (${describeCodes(counted.foreignRows)}), ` +
        `but the file name names ${namedPractice}: a file named for a practice speaks only for that practice, so ` +
        'none of its rows was counted.',
      `Check that this is ${namedPractice}'s export. If it is another practice's, rename the file with that ` +
        "practice's code (e.g. D83001_2026-10-31.csv); for an export of several practices, leave the code out of " +
        'the file name.',
    );
  }
  if (counted.tallies.size === 0) {
    throw new ExportRejectedError(
      'no_practice_code',
      `None of the ${counted.unattributedRows} data rows could be attributed to a practice: the practice code is ` +
        'missing or not an ODS code (a letter and five digits, e.g. D83001).',
      'Add a "Practice Code" column, or put the practice code in the file name (e.g. D83001_2026-10-31.csv).',
    );
  }
  checkSomePatientValid(counted);
  for (const tally of counted.tallies.values()) {
    const extractDate = tally.extractDate ?? fileExtractDate;
    if (extractDate < EARLIEST_EXTRACT_DATE) {
      throw new ExportRejectedError(
        'bad_extract_date',
        `The extract date ${extractDate} is before ${EARLIEST_EXTRACT_DATE} (QOF 2019/20, when recording the ` +
          'preference began), so it cannot be the date the report was run.',
        'Check the extract date column, or the date in the file name (YYYY-MM-DD or YYYYMMDD), then correct it ' +
          'and upload the export again.',
      );
    }
    if (extractDate > uploadDate) {
      throw new ExportRejectedError(
        'extract_date_in_future',
        `The extract date ${extractDate} is after the day the file was uploaded (${uploadDate}), so it cannot ` +
          'be the date the report was run.',
        'Check the extract date column, or the date in the file name (YYYY-MM-DD or YYYYMMDD), then correct it ' +
          'and upload the export again.',
      );
    }
  }
}

function checkSomePatientValid(counted: ExportTallies): void {
  let registered = 0;
  let rejected = 0;
  const byReason: Partial<Record<RowRejection, number>> = {};
  for (const tally of counted.tallies.values()) {
    registered += tally.counts.registered;
    rejected += tally.counts.rowsRejected;
    for (const [reason, count] of Object.entries(tally.rejectedByReason) as [RowRejection, number][]) {
      byReason[reason] = (byReason[reason] ?? 0) + count;
    }
  }
  if (registered > 0) return;
  const damaged = counted.nhsNumbersInScientificNotation;
  if (damaged > 0) {
    throw new ExportRejectedError(
      'no_valid_patients',
      `None of the ${rejected} patient rows has a valid NHS number; ${damaged} of them are written in ` +
        'scientific notation (like 9.99E+09), which is what a spreadsheet does to long numbers when the file is ' +
        'opened and saved in it.',
      'Export the report again from the clinical system and upload it without opening it in a spreadsheet ' +
        '(Excel rewrites NHS numbers and the digits cannot be recovered).',
    );
  }
  throw new ExportRejectedError(
    'no_valid_patients',
    `None of the ${rejected} patient rows is a valid patient (rejected: ${describeReasons(byReason)}), so the ` +
      'file was not stored: it would have replaced an earlier export of the month with 0 patients.',
    'Check that the NHS Number column holds 10-digit NHS numbers and that every row reaches the preferred ' +
      'contact method column, then export the report again.',
  );
}

function describeReasons(byReason: Partial<Record<RowRejection, number>>): string {
  return Object.entries(byReason)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
}

/** Practice codes (not personal data) with their row counts, the first few only. */
export function describeCodes(byCode: ReadonlyMap<string, number>, shown = 5): string {
  const entries = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const listed = entries.slice(0, shown).map(([code, rows]) => `${code}: ${rows} row${rows === 1 ? '' : 's'}`);
  const more = entries.length - shown;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}
