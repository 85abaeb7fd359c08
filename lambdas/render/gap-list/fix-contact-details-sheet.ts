import type { Style } from 'exceljs';
import type { ContactFix, GapList } from '../../core/report/gap-list';
import { formatNhsNumber } from '../../core/values/nhs-number';
import { excelDate } from '../excel-date';
import { NUM_FMT } from '../number-formats';
import { landscapeTablePages, paragraph, styleHeaderRow, wrappedHeight } from '../sheet-style';
import type { StreamingWorkbook } from '../stream-workbook';
import { markedHeaderFooter, writeMarkingBanner } from './official-sensitive';

/** The three dq_* problems in words, in the order the sheet lists them, with what to fix. */
export const CONTACT_PROBLEMS: Readonly<Record<ContactFix['problem'], { label: string; fix: string }>> = {
  sms_no_mobile: {
    label: 'Prefers SMS, no valid mobile number',
    fix: "Record the patient's current mobile number (07 and 9 more digits), or ask which other method they want and update the preference.",
  },
  email_no_address: {
    label: 'Prefers email, no valid email address',
    fix: 'Record a working email address (name@domain), or ask which other method they want and update the preference.',
  },
  sms_dissent: {
    label: 'Prefers SMS, but SMS consent is withdrawn',
    fix: 'The record contradicts itself: ask the patient whether they want texts, then update either the preference or the SMS consent.',
  },
};
const PROBLEM_ORDER = Object.keys(CONTACT_PROBLEMS) as ContactFix['problem'][];

const COLUMNS = [
  { header: 'Problem', width: 26 },
  { header: 'NHS number', width: 14 },
  { header: 'Surname', width: 20 },
  { header: 'Forename', width: 18 },
  { header: 'Date of birth', width: 12, numFmt: NUM_FMT.date },
  { header: 'What to fix', width: 64 },
] as const;
const HEADER_ROW = 3;
const TOP_WRAPPED = { wrapText: true, vertical: 'top' } as const;
/** One style object for every patient row, and one per column (see the patient loop). */
const ROW_STYLE: Partial<Style> = { alignment: TOP_WRAPPED };
const CELL_STYLES: readonly Partial<Style>[] = COLUMNS.map((c) =>
  'numFmt' in c
    ? { numFmt: c.numFmt, alignment: { horizontal: 'center', vertical: 'top' } }
    : { alignment: TOP_WRAPPED },
);

/**
 * The Fix contact details sheet: patients whose recorded preference cannot work as recorded (the
 * three dq_* lists), grouped by problem in the model's order within each, with what to fix.
 */
export function addFixContactDetailsSheet(workbook: StreamingWorkbook, gapList: GapList): void {
  const ws = workbook.addWorksheet('Fix contact details', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: 'A4', activeCell: 'A4' }],
    pageSetup: landscapeTablePages({ printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`, topMargin: 0.6 }),
    headerFooter: markedHeaderFooter('Fix contact details'),
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width, style: 'numFmt' in c ? { numFmt: c.numFmt } : {} }));
  const lastColumn = COLUMNS.length;
  writeMarkingBanner(ws, lastColumn);
  paragraph(
    ws,
    2,
    `${gapList.fixContactDetails.length.toLocaleString('en-GB')} patients whose recorded preference cannot work as recorded: ` +
      'messages to them fail or go against their wishes. Fix the contact details or ask the patient again.',
    1,
    lastColumn,
  );
  const header = ws.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  styleHeaderRow(header, 1, lastColumn);
  header.commit();

  let r = HEADER_ROW + 1;
  const fixWidth = COLUMNS[lastColumn - 1]?.width ?? 60;
  for (const problem of PROBLEM_ORDER) {
    const { label, fix } = CONTACT_PROBLEMS[problem];
    const height = Math.max(wrappedHeight(fix, fixWidth), wrappedHeight(label, COLUMNS[0].width));
    for (const patient of gapList.fixContactDetails) {
      if (patient.problem !== problem) continue;
      const row = ws.getRow(r);
      // Shared style objects: exceljs caches a style's id per object, so this row's cells cost no style lookup.
      (row as unknown as { style: Partial<Style> }).style = ROW_STYLE;
      row.values = [
        label,
        formatNhsNumber(patient.nhsNumber),
        patient.surname,
        patient.forename,
        excelDate(patient.dateOfBirth) ?? null,
        fix,
      ];
      for (let c = 0; c < CELL_STYLES.length; c++) row.getCell(c + 1).style = CELL_STYLES[c] as Partial<Style>;
      row.height = height;
      row.commit();
      r += 1;
    }
  }
  if (r === HEADER_ROW + 1) {
    ws.getRow(r).values = ['No patients: every recorded preference has the contact details it needs.'];
    ws.getRow(r).commit();
    r += 1;
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: r - 1, column: lastColumn } };
  ws.commit();
}
