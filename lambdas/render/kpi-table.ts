import type { Worksheet } from 'exceljs';
import type { CellData } from './metric-cell';
import { NUM_FMT } from './number-formats';
import { roundMetric } from './rounding';
import { font, outlineCells, paragraph, sectionHeading, styleHeaderRow, wrappedHeight } from './sheet-style';

/** Bold 12pt text is about this much wider than the 11pt body text the column widths are measured in. */
const BOLD_12PT_WIDTH = 1.2;

/** One headline number with its label and a plain-English note. */
export interface Kpi {
  label: string;
  value: CellData;
  numFmt?: string;
  note: string;
}

/** "% with no recorded preference", with its 95% confidence interval (unrounded ends) in the note. */
export function noPreferencePctKpi(value: CellData, ciLow: number | undefined, ciHigh: number | undefined): Kpi {
  const low = roundMetric(ciLow, 'pct');
  const high = roundMetric(ciHigh, 'pct');
  return {
    label: '% with no recorded preference',
    value,
    numFmt: NUM_FMT.pct,
    note:
      low === undefined || high === undefined
        ? 'Lower is better.'
        : `95% confidence interval ${low.toFixed(1)}% to ${high.toFixed(1)}%. Lower is better.`,
  };
}

/**
 * A headed "Measure | Value | What it means" table: label in column A, the value (bold) in B,
 * the note merged from C to `lastColumn`. Returns the first free row after a blank line.
 */
export function writeKpiTable(
  ws: Worksheet,
  headingRow: number,
  heading: string,
  kpis: readonly Kpi[],
  lastColumn: number,
): number {
  sectionHeading(ws, headingRow, heading, lastColumn);
  const headerRow = headingRow + 1;
  const header = ws.getRow(headerRow);
  header.values = ['Measure', 'Value', 'What it means'];
  if (lastColumn > 3) ws.mergeCells(headerRow, 3, headerRow, lastColumn);
  styleHeaderRow(header, 1, lastColumn);
  header.getCell(3).alignment = { horizontal: 'left', vertical: 'middle' };
  kpis.forEach((kpi, i) => {
    const r = headerRow + 1 + i;
    const row = ws.getRow(r);
    row.getCell(1).value = kpi.label;
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    const value = row.getCell(2);
    value.value = kpi.value;
    value.font = font({ bold: true, size: 12 });
    value.alignment = { horizontal: 'right', vertical: 'top', indent: 1 };
    if (kpi.numFmt !== undefined) value.numFmt = kpi.numFmt;
    paragraph(ws, r, kpi.note, 3, lastColumn);
    row.height = Math.max(row.height ?? 15, wrappedHeight(kpi.label, ws.getColumn(1).width ?? 9));
    // A value in words ("Within expected range") wraps inside its column rather than spilling out, clipped.
    if (typeof kpi.value === 'string') {
      value.alignment = { horizontal: 'right', vertical: 'top', wrapText: true, indent: 1 };
      const width = (ws.getColumn(2).width ?? 9) / BOLD_12PT_WIDTH;
      row.height = Math.max(row.height ?? 15, wrappedHeight(kpi.value, width, 12));
    }
  });
  const lastRow = headerRow + kpis.length;
  outlineCells(ws, headerRow, lastRow, 1, lastColumn);
  return lastRow + 2;
}
