import type { Style } from 'exceljs';
import type { GapList, GapListTier } from '../../core/report/gap-list';
import { formatNhsNumber } from '../../core/values/nhs-number';
import { excelDate } from '../excel-date';
import { NUM_FMT } from '../number-formats';
import { paragraph, styleHeaderRow } from '../sheet-style';
import type { StreamingWorkbook } from '../stream-workbook';
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
  { header: 'Priority', width: 9, style: { alignment: CENTRE } },
  { header: 'NHS number', width: 14, style: {} },
  { header: 'Surname', width: 24, style: {} },
  { header: 'Forename', width: 18, style: {} },
  { header: 'Date of birth', width: 12, style: { numFmt: NUM_FMT.date, alignment: CENTRE } },
  { header: 'Age', width: 6, style: { alignment: CENTRE } },
  { header: 'QOF registers', width: 18, style: {} },
  { header: 'AIS need', width: 9, style: { alignment: CENTRE } },
  { header: 'Has mobile', width: 9, style: { alignment: CENTRE } },
  { header: 'Has email', width: 9, style: { alignment: CENTRE } },
  { header: 'Would default to SMS', width: 11, style: { alignment: CENTRE } },
] as const;
const HEADER_ROW = 3;
/** One style object per column and one for every row (see the patient loop). */
const CELL_STYLES: readonly Partial<Style>[] = COLUMNS.map((c) => c.style);
const ROW_STYLE: Partial<Style> = {};

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/**
 * The No preference sheet: one row per patient with no recorded preference, in the order of the
 * model (priority tier, then name), streamed row by row. NHS numbers are shown `999 123 4567`;
 * names are written as string cells, so a name starting with `=` stays text.
 */
export function addNoPreferenceSheet(workbook: StreamingWorkbook, gapList: GapList): void {
  const ws = workbook.addWorksheet('No preference', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: 'A4', activeCell: 'A4' }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
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
        .join('; ')}.`,
    1,
    lastColumn,
  );
  const header = ws.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  styleHeaderRow(header, 1, lastColumn);
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  header.commit();

  let r = HEADER_ROW + 1;
  for (const patient of gapList.noPreference) {
    const row = ws.getRow(r);
    // Shared style objects: exceljs caches a style's id per object, so this row's cells cost no style lookup.
    (row as unknown as { style: Partial<Style> }).style = ROW_STYLE;
    row.values = [
      patient.tier,
      formatNhsNumber(patient.nhsNumber),
      patient.surname,
      patient.forename,
      excelDate(patient.dateOfBirth) ?? null,
      patient.age ?? null,
      patient.qofRegisters.join(', '),
      yesNo(patient.aisNeed),
      yesNo(patient.hasMobile),
      yesNo(patient.hasEmail),
      yesNo(patient.wouldDefaultToSms),
    ];
    for (let c = 0; c < CELL_STYLES.length; c++) row.getCell(c + 1).style = CELL_STYLES[c] as Partial<Style>;
    row.commit();
    r += 1;
  }
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
