import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trendChartSvg } from '../../../lambdas/render/charts/trend-chart';
import { renderIcbWorkbook } from '../../../lambdas/render/icb-workbook';
import { TWELVE_MONTH_LABELS_TO_OCT_2026, TWELVE_PERIODS_TO_OCT_2026 } from '../../support/twelve-months';
import { columnValues, loadWorkbook, periodReportFixture, requireSheet } from './fixtures';

/*
 * SPEC §4.1: the Trend sheet and chart show the last 12 months, every month, blank where no practice reported.
 * Twelve months, November 2025 to October 2026, with figures only in December 2025, August and October 2026.
 */
const u = undefined;
const report = periodReportFixture({
  trend: {
    periods: TWELVE_PERIODS_TO_OCT_2026,
    icb: [u, 40, u, u, u, u, u, u, u, 15, u, 25],
    practices: [
      { practiceCode: 'D83001', practiceName: 'Riverside Surgery', values: [u, 40, u, u, u, u, u, u, u, 30, u, 25] },
    ],
  },
});
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  workbook = await loadWorkbook(await renderIcbWorkbook(report));
});

describe('a 12-month trend with gaps', () => {
  it('gives the Trend sheet a column for every month, blank where nothing was reported', () => {
    const ws = requireSheet(workbook, 'Trend');
    expect((ws.getRow(2).values as unknown[]).slice(3)).toEqual(TWELVE_MONTH_LABELS_TO_OCT_2026);
    const icb = ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map((c) => columnValues(ws, c, 3, 4));
    expect(icb).toEqual([[null, null], [40, 40], ...Array(7).fill([null, null]), [15, 30], [null, null], [25, 25]]);
  });

  it('draws every month on the chart, marks the nine empty ones, and breaks the line at each gap', () => {
    const svg = trendChartSvg(report);
    expect(svg.match(/class="month"/g)).toHaveLength(12);
    expect(svg.match(/class="no-data"/g)).toHaveLength(9);
    expect(svg.match(/class="point"/g)).toHaveLength(3);
    // No two neighbouring months both have a value, so there is no line segment at all.
    expect(svg).not.toContain('<polyline');
    expect(svg).toContain('September 2026: no data; October 2026: 25.0%');
  });
});
