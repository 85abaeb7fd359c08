import { ExportRejectedError } from '../read/export-rejected-error';
import type { ExportTallies } from './tally-export-rows';

/**
 * Rejects a counted file that cannot become snapshots: none of its rows names a practice, or a practice's
 * extract date (its rows' latest, else the file's) is after the day the file was uploaded.
 */
export function checkUsableTallies(counted: ExportTallies, fileExtractDate: string, uploadDate: string): void {
  if (counted.tallies.size === 0) {
    throw new ExportRejectedError(
      'no_practice_code',
      `None of the ${counted.unattributedRows} data rows could be attributed to a practice: the practice code is ` +
        'missing or not an ODS code (a letter and five digits, e.g. D83001).',
      'Add a "Practice Code" column, or put the practice code in the file name (e.g. D83001_2026-10-31.csv).',
    );
  }
  for (const tally of counted.tallies.values()) {
    const extractDate = tally.extractDate ?? fileExtractDate;
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
