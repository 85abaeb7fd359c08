import type { FixRecord, GapList } from '../../core/report/gap-list';
import { UNRECOGNISED_PREFERENCE } from '../../core/tally/fix-record-codec';
import { formatNhsNumber } from '../../core/values/nhs-number';
import { excelDate } from '../excel-date';
import { NUM_FMT } from '../number-formats';
import type { StreamingWorkbook } from '../stream-workbook';
import { addFixTableSheet, type FixTableColumn } from './fix-table-sheet';

/** Each reason in words, in the order the sheet lists them, with what to fix. */
export const FIX_RECORD_REASONS: Readonly<Record<string, { label: string; fix: string }>> = {
  [UNRECOGNISED_PREFERENCE]: {
    label: 'Preference not recognised',
    fix: 'The preferred contact method holds a value the ICB cannot read (shown as written). Choose one of the standard options in the clinical system.',
  },
  invalid_nhs_number: {
    label: 'NHS number missing or not valid',
    fix: 'This row was left out of every count. Check the NHS number on the record (10 digits with a valid check digit) and correct it, or tell the ICB if the export is at fault.',
  },
  short_row: {
    label: 'Row cut short in the export',
    fix: 'The export row ended before a required column, so it was left out of every count. Check the record, then the report that made the export.',
  },
};
const REASON_ORDER = Object.keys(FIX_RECORD_REASONS);
const OTHER_REASON = {
  label: 'Row could not be read',
  fix: 'This row was left out of every count. Check the record; the ICB can tell you more.',
};

/** A reason the sheet has no words for (a newer tally's) still gets a plain label, and sorts last. */
export function fixRecordReason(reason: string): { label: string; fix: string } {
  return FIX_RECORD_REASONS[reason] ?? OTHER_REASON;
}

const COLUMNS = [
  { header: 'Problem', width: 24 },
  { header: 'NHS number', width: 14 },
  { header: 'Surname', width: 18 },
  { header: 'Forename', width: 16 },
  { header: 'Date of birth', width: 12, numFmt: NUM_FMT.date },
  { header: 'Preference as written', width: 18 },
  { header: 'What to fix', width: 54 },
] as const satisfies readonly FixTableColumn[];
/** A valid NHS number as `999 123 4567`; a rejected row's cell exactly as the practice typed it. */
function nhsNumberCell(record: FixRecord): string {
  if (record.nhsNumber !== undefined) return formatNhsNumber(record.nhsNumber);
  return record.nhsNumberAsWritten === undefined || record.nhsNumberAsWritten === ''
    ? '(blank)'
    : record.nhsNumberAsWritten;
}

/**
 * The Fix records sheet (SPEC §4.2): patients whose preference value could not be read, with the value as
 * written, and rows rejected from the export (invalid NHS number, short row), with what the practice needs
 * to find each record. Grouped by reason, in the order the rows came within each. At most a bounded number
 * of rows (the tally's MAX_FIX_RECORDS); the rest are counted in a last line.
 */
export function addFixRecordsSheet(workbook: StreamingWorkbook, gapList: GapList): void {
  const records = gapList.fixRecords?.rows ?? [];
  const more = gapList.fixRecords?.more ?? 0;
  const known = new Set(REASON_ORDER);
  const reasons = [...REASON_ORDER, ...new Set(records.map((f) => f.reason).filter((reason) => !known.has(reason)))];
  addFixTableSheet(workbook, {
    name: 'Fix records',
    columns: COLUMNS,
    intro:
      `${(records.length + more).toLocaleString('en-GB')} records that could not be counted properly: ` +
      'a preference value the ICB cannot read, or a row left out of the counts. Correct them in the clinical system.',
    groups: reasons.map((reason) => ({
      ...fixRecordReason(reason),
      rows: records
        .filter((record) => record.reason === reason)
        .map((record) => [
          nhsNumberCell(record),
          record.surname,
          record.forename,
          excelDate(record.dateOfBirth) ?? null,
          record.preferenceAsWritten ?? '',
        ]),
    })),
    trailer:
      more > 0
        ? `…and ${more.toLocaleString('en-GB')} more, not listed: so many suggests the export itself is wrong. Contact the ICB.`
        : undefined,
    whenEmpty: 'No records to fix: every row could be read.',
  });
}
