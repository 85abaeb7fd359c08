import { describe, expect, it } from 'vitest';
import {
  renderTrendChartPng,
  shortMonthName,
  TREND_CHART_SIZE,
  trendChartSvg,
} from '../../../../lambdas/render/charts/trend-chart';
import { TWELVE_MONTH_LABELS_TO_OCT_2026, TWELVE_PERIODS_TO_OCT_2026 } from '../../../support/twelve-months';
import { PNG_SIGNATURE, pngSize } from './png-image';
import { sampleReport } from './sample-report';

const TWELVE = TWELVE_PERIODS_TO_OCT_2026;
const VALUES = [31.24, 30.8, 29.95, undefined, 28.1, 27.6, 27.9, 26.2, 25.04, 24.4, 23.8, 22.6];

function texts(svg: string, className: string): string[] {
  return [...svg.matchAll(new RegExp(`<text [^>]*class="${className}"[^>]*>([^<]*)</text>`, 'g'))].map(
    (m) => m[1] as string,
  );
}

function trendReport(periods: string[], icb: (number | undefined)[]) {
  return sampleReport({ period: periods.at(-1) as string, practices: [], trend: { periods, icb } });
}

describe('shortMonthName', () => {
  it.each([
    { period: '2026-10', expected: 'Oct 2026' },
    { period: '2026-01', expected: 'Jan 2026' },
    { period: '2025-12', expected: 'Dec 2025' },
  ])('writes $period as $expected', ({ period, expected }) => {
    expect(shortMonthName(period)).toBe(expected);
  });
});

describe('trendChartSvg', () => {
  const svg = trendChartSvg(trendReport(TWELVE, VALUES));

  it('titles the chart with the months it covers', () => {
    expect(svg).toContain('>ICB trend: % of patients with no recorded preference, Nov 2025 to Oct 2026</text>');
  });

  it('labels every month under the axis', () => {
    expect(texts(svg, 'month')).toEqual(TWELVE_MONTH_LABELS_TO_OCT_2026);
  });

  it('draws a labelled point for each month with a value, rounded like the tables', () => {
    expect(svg.split('class="point"').length - 1).toBe(11);
    expect(texts(svg, 'value')).toEqual([
      '31.2%',
      '30.8%',
      '30.0%',
      '28.1%',
      '27.6%',
      '27.9%',
      '26.2%',
      '25.0%',
      '24.4%',
      '23.8%',
      '22.6%',
    ]);
  });

  it('breaks the line at a month without data and says so', () => {
    expect(svg.split('<polyline').length - 1).toBe(2);
    expect(texts(svg, 'no-data')).toEqual(['no data']);
  });

  it('gives the latest value and its change on the month before (22.6 − 23.8 = −1.2)', () => {
    expect(svg).toContain('October 2026: 22.6%, down 1.2 percentage points on September 2026 (lower is better).');
  });

  it('renders a PNG at twice the embedded size', () => {
    const png = renderTrendChartPng(trendReport(TWELVE, VALUES));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(TREND_CHART_SIZE).toEqual({ width: 800, height: 400 });
    expect(pngSize(png)).toEqual({ width: 1600, height: 800 });
  });
});

describe('trendChartSvg with one month', () => {
  const report = trendReport(['2026-10'], [22.64]);
  const svg = trendChartSvg(report);

  it('draws one labelled point and no line', () => {
    expect(svg).toContain('>ICB trend: % of patients with no recorded preference, October 2026</text>');
    expect(svg.split('class="point"').length - 1).toBe(1);
    expect(svg).not.toContain('<polyline');
    expect(texts(svg, 'value')).toEqual(['22.6%']);
    expect(texts(svg, 'month')).toEqual(['Oct 2026']);
    expect(svg).toContain('October 2026: 22.6%.');
  });

  it('still renders a PNG', () => {
    expect(pngSize(renderTrendChartPng(report))).toEqual({ width: 1600, height: 800 });
  });

  it('says when there is no ICB figure at all', () => {
    const empty = trendChartSvg(trendReport(['2026-10'], [undefined]));
    expect(empty).toContain('No ICB figures for these months yet.');
    expect(empty).toContain('October 2026: no ICB figure.');
  });

  it.each([
    { values: [23.4, 23.4], expected: 'October 2026: 23.4%, no change on September 2026.' },
    { values: [22.0, 23.0], expected: 'October 2026: 23.0%, up 1.0 percentage point on September 2026' },
    { values: [undefined, 23.0], expected: 'October 2026: 23.0%.' },
  ])('describes the change from $values as "$expected"', ({ values, expected }) => {
    expect(trendChartSvg(trendReport(['2026-09', '2026-10'], values))).toContain(expected);
  });
});
