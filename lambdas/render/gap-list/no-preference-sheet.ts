import type { GapList, GapListTier } from '../../core/report/gap-list';
import type { AisContactBy } from '../../core/values/coded-entries';
import { formatNhsNumber } from '../../core/values/nhs-number';
import { excelSerialDate } from '../excel-date';
import { NUM_FMT } from '../number-formats';
import { landscapeTablePages, paragraph, styleHeaderRow } from '../sheet-style';
import type { StreamingWorkbook } from '../stream-workbook';
import { type PlainColumn, StreamedPlainRows } from '../streamed-plain-rows';
import { newThisMonthMark } from './new-this-month';
import { markedHeaderFooter, writeMarkingBanner } from './official-sensitive';

/** The priority tiers of SPEC §4.2 in words (Summary sheet legend and the note above the list). */
export const TIER_MEANINGS: Readonly<Record<GapListTier, string>> = {
  1: 'on a QOF register and has an Accessible Information Standard (AIS) need',
  2: 'on a QOF register',
  3: 'has an AIS need',
  4: 'aged 16 or over',
  5: 'everyone else (including unknown age)',
};

const CENTRE = { horizontal: 'center' } as const;
const COLUMNS = [
  { header: 'Priority', width: 9, type: 'number', style: { alignment: CENTRE } },
  { header: 'NHS number', width: 14, type: 'text', style: {} },
  { header: 'Surname', width: 24, type: 'text', style: {} },
  { header: 'Forename', width: 18, type: 'text', style: {} },
  { header: 'Date of birth', width: 12, type: 'number', style: { numFmt: NUM_FMT.date, alignment: CENTRE } },
  { header: 'Age', width: 6, type: 'number', style: { alignment: CENTRE } },
  { header: 'QOF registers', width: 18, type: 'text', style: {} },
  { header: 'AIS need', width: 9, type: 'text', style: { alignment: CENTRE } },
  { header: 'Has mobile', width: 9, type: 'text', style: { alignment: CENTRE } },
  { header: 'Has email', width: 9, type: 'text', style: { alignment: CENTRE } },
  { header: 'Would default to SMS', width: 11, type: 'text', style: { alignment: CENTRE } },
  { header: 'New this month', width: 9, type: 'text', style: { alignment: CENTRE } },
  { header: 'AIS: requires contact by', width: 14, type: 'text', style: {} },
] as const satisfies readonly (PlainColumn & { header: string; width: number })[];
const HEADER_ROW = 3;

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** Each AIS "Requires contact by X" entry's X, as the column shows it (short: the sheet prints one page wide). */
const CONTACT_BY_WORDS: Readonly<Record<AisContactBy, string>> = {
  email: 'Email',
  letter: 'Letter',
  sms: 'Text message (SMS)',
  telephone: 'Telephone',
  textRelay: 'Text relay',
  carer: 'Via a carer',
};

/**
 * The patient's AIS record already says how to contact them (SPEC §2.3b): a gap the practice can close at
 * once by recording it as the preference. Empty for any other entry.
 */
export function aisRecord(contactBy: AisContactBy | undefined): string {
  return contactBy === undefined ? '' : CONTACT_BY_WORDS[contactBy];
}

/**
 * The No preference sheet: one row per patient with no recorded preference, in the order of the
 * model (priority tier, then name), streamed row by row. NHS numbers are shown `999 123 4567`;
 * names are written as string cells, so a name starting with `=` stays text.
 */
export function addNoPreferenceSheet(workbook: StreamingWorkbook, gapList: GapList): void {
  const ws = workbook.addWorksheet('No preference', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: 'A4', activeCell: 'A4' }],
    pageSetup: landscapeTablePages({ printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`, topMargin: 0.6 }),
    headerFooter: markedHeaderFooter('No preference'),
  });
  // Column styles are inherited by each new cell: the date format is set once, not per row.
  ws.columns = COLUMNS.map(({ width, style }) => ({ width, style }));
  const lastColumn = COLUMNS.length;
  writeMarkingBanner(ws, lastColumn);
  paragraph(
    ws,
    2,
    `${gapList.noPreference.length.toLocaleString('en-GB')} patients with no recorded communication preference, ` +
      `most important first. Priority: ${Object.entries(TIER_MEANINGS)
        .map(([tier, meaning]) => `${tier} = ${meaning}`)
        .join('; ')}. "New": not on last month's list. "AIS: requires contact by": the patient's accessible ` +
      'information record already says how to contact them — record it as the preference.',
    1,
    lastColumn,
  );
  const header = ws.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  styleHeaderRow(header, 1, lastColumn);
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  header.commit();

  // Thousands of rows per practice: written straight into the sheet's XML (see StreamedPlainRows).
  const table = new StreamedPlainRows(workbook, ws, COLUMNS, HEADER_ROW + 1);
  for (const patient of gapList.noPreference) {
    table.add([
      patient.tier,
      formatNhsNumber(patient.nhsNumber),
      patient.surname,
      patient.forename,
      excelSerialDate(patient.dateOfBirth),
      patient.age ?? null,
      patient.qofRegisters.join(', '),
      yesNo(patient.aisNeed),
      yesNo(patient.hasMobile),
      yesNo(patient.hasEmail),
      yesNo(patient.wouldDefaultToSms),
      newThisMonthMark(gapList, patient),
      aisRecord(patient.aisContactBy),
    ]);
  }
  let r = table.finish();
  if (gapList.noPreference.length === 0) {
    ws.getRow(r).values = ['Every patient has a recorded preference: nothing to do this month.'];
    ws.getRow(r).commit();
    r += 1;
  }
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: Math.max(r - 1, HEADER_ROW + 1), column: lastColumn },
  };
  ws.commit();
}
