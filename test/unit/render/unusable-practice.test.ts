import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIcbWorkbook } from '../../../lambdas/render/icb-workbook';
import { columnValues, HILLTOP, loadWorkbook, periodReportFixture, requireSheet } from './fixtures';

/*
 * Hilltop (the worst practice of the fixture, 25%) made unusable (SPEC §3): its counts stay on the Practices
 * sheet, but it leaves the Summary ranking, moves below the usable practices, and Data quality says why.
 */
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const base = periodReportFixture();
  const unusableHilltop = {
    ...HILLTOP,
    status: 'unusable' as const,
    decile: undefined,
    funnel_z: undefined,
    funnel_flag: undefined,
  };
  const report = periodReportFixture({
    practices: base.practices.map((p) => (p.practice_code === HILLTOP.practice_code ? unusableHilltop : p)),
    completeness: {
      ...base.completeness,
      unusable: [{ practiceCode: 'D83002', practiceName: 'Hilltop', registered: 1000, unrecognised: 600 }],
    },
  });
  workbook = await loadWorkbook(await renderIcbWorkbook(report));
});

describe('an unusable practice in the ICB workbook', () => {
  it('is left out of the Summary ranking', () => {
    const ws = requireSheet(workbook, 'Summary');
    expect(columnValues(ws, 'A', 17, 19)).toEqual([
      '1. Riverside Surgery (D83001)',
      '2. Little Lane Practice (D83004)',
      null,
    ]);
  });

  it('is named in the Summary completeness note', () => {
    const note = String(requireSheet(workbook, 'Summary').getCell('C11').value);
    expect(note).toContain('left out of every comparison, most values unrecognised: 1 (D83002 Hilltop)');
  });

  it('keeps its row and counts on the Practices sheet, after the usable practices, with a note why', () => {
    const ws = requireSheet(workbook, 'Practices');
    expect(columnValues(ws, 'B', 2, 6)).toEqual(['D83001', 'D83004', 'D83002', 'D83003', 'D83005']);
    expect(ws.getCell('G4').value).toBe(HILLTOP.registered);
    expect(String(ws.getCell('C4').note)).toContain('Left out of every comparison');
    const statusColumn = (ws.getRow(1).values as unknown[]).indexOf('Status');
    expect(ws.getRow(4).getCell(statusColumn).value).toBe('unusable');
  });

  it('is listed in Data quality with its registered and unrecognised counts', () => {
    const ws = requireSheet(workbook, 'Data quality');
    let r = 1;
    while (
      r <= ws.rowCount &&
      ws.getCell(r, 1).value !== 'Practices left out of comparisons: values mostly unrecognised'
    )
      r++;
    while (r <= ws.rowCount && ws.getCell(r, 1).value !== 'Practice code') r++;
    expect([1, 2, 3, 4].map((c) => ws.getCell(r + 1, c).value)).toEqual(['D83002', 'Hilltop', 1000, 600]);
  });
});
