import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FUNNEL_CHART_SIZE, renderFunnelChartPng } from '../../../../lambdas/render/charts/funnel-chart';
import { renderTrendChartPng, TREND_CHART_SIZE } from '../../../../lambdas/render/charts/trend-chart';
import { sampleReport } from './sample-report';

/** The embedding the workbook renderers are meant to use, checked here so the hand-over snippet is known to work. */
describe('chart PNGs in an exceljs workbook', () => {
  it('embed at their display size and read back as PNG images', async () => {
    const report = sampleReport({
      period: '2026-10',
      practices: [
        { code: 'A81001', registered: 5000, noPreference: 1000, flag: 'in_control', z: -1 },
        { code: 'B82010', registered: 5000, noPreference: 2000, flag: 'high_outlier', z: 9 },
      ],
      trend: { periods: ['2026-09', '2026-10'], icb: [31.5, 30] },
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Summary');
    const funnelId = workbook.addImage({
      buffer: renderFunnelChartPng(report) as unknown as ExcelJS.Buffer,
      extension: 'png',
    });
    sheet.addImage(funnelId, { tl: { col: 0, row: 28 }, ext: { ...FUNNEL_CHART_SIZE }, editAs: 'oneCell' });
    const trendId = workbook.addImage({
      buffer: renderTrendChartPng(report) as unknown as ExcelJS.Buffer,
      extension: 'png',
    });
    sheet.addImage(trendId, { tl: { col: 0, row: 54 }, ext: { ...TREND_CHART_SIZE }, editAs: 'oneCell' });

    const bytes = await workbook.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes);
    const images = (back.getWorksheet('Summary') as ExcelJS.Worksheet).getImages();
    expect(images).toHaveLength(2);
    expect(images.map((image) => Math.round(image.range.tl.nativeRow))).toEqual([28, 54]);
    const media = back.getImage(Number(images[0]?.imageId));
    expect(media.extension).toBe('png');
  });
});
