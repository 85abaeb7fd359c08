import type { Style } from 'exceljs';
import type { FixRecord, GapList } from '../../core/report/gap-list';
import { UNRECOGNISED_PREFERENCE } from '../../core/tally/fix-record-codec';
import { formatNhsNumber } from '../../core/values/nhs-number';
import { excelDate } from '../excel-date';
import { NUM_FMT } from '../number-formats';
import { landscapeTablePages, paragraph, styleHeaderRow, wrappedHeight } from '../sheet-style';
import type { StreamingWorkbook } from '../stream-workbook';
import { markedHeaderFooter, writeMarkingBanner } from './official-sensitive';

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
] as const;
const HEADER_ROW = 3;
const TOP_WRAPPED = { wrapText: true, vertical: 'top' } as const;
const ROW_STYLE: Partial<Style> = { alignment: TOP_WRAPPED };
const CELL_STYLES: readonly Partial<Style>[] = COLUMNS.map((c) =>
  'numFmt' in c
    ? { numFmt: c.numFmt, alignment: { horizontal: 'center', vertical: 'top' } }
    : { alignment: TOP_WRAPPED },
);

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
  const ws = workbook.addWorksheet('Fix records', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: 'A4', activeCell: 'A4' }],
    pageSetup: landscapeTablePages({ printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`, topMargin: 0.6 }),
    headerFooter: markedHeaderFooter('Fix records'),
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width, style: 'numFmt' in c ? { numFmt: c.numFmt } : {} }));
  const lastColumn = COLUMNS.length;
  writeMarkingBanner(ws, lastColumn);
  paragraph(
    ws,
    2,
    `${(records.length + more).toLocaleString('en-GB')} records that could not be counted properly: ` +
      'a preference value the ICB cannot read, or a row left out of the counts. Correct them in the clinical system.',
    1,
    lastColumn,
  );
  const header = ws.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  styleHeaderRow(header, 1, lastColumn);
  header.commit();

  let r = HEADER_ROW + 1;
  const known = new Set(REASON_ORDER);
  const groups = [...REASON_ORDER, ...new Set(records.map((f) => f.reason).filter((reason) => !known.has(reason)))];
  const fixWidth = COLUMNS[lastColumn - 1]?.width ?? 54;
  for (const reason of groups) {
    const { label, fix } = fixRecordReason(reason);
    const height = Math.max(wrappedHeight(fix, fixWidth), wrappedHeight(label, COLUMNS[0].width));
    for (const record of records) {
      if (record.reason !== reason) continue;
      const row = ws.getRow(r);
      (row as unknown as { style: Partial<Style> }).style = ROW_STYLE;
      row.values = [
        label,
        nhsNumberCell(record),
        record.surname,
        record.forename,
        excelDate(record.dateOfBirth) ?? null,
        record.preferenceAsWritten ?? '',
        fix,
      ];
      for (let c = 0; c < CELL_STYLES.length; c++) row.getCell(c + 1).style = CELL_STYLES[c] as Partial<Style>;
      row.height = height;
      row.commit();
      r += 1;
    }
  }
  if (more > 0) {
    ws.getRow(r).values = [
      `…and ${more.toLocaleString('en-GB')} more, not listed: so many suggests the export itself is wrong. Contact the ICB.`,
    ];
    ws.getRow(r).commit();
    r += 1;
  }
  if (r === HEADER_ROW + 1) {
    ws.getRow(r).values = ['No records to fix: every row could be read.'];
    ws.getRow(r).commit();
    r += 1;
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: r - 1, column: lastColumn } };
  ws.commit();
}
