import { describe, expect, it } from 'vitest';
import { funnelPlot } from '../../../../lambdas/core/metrics/funnel';
import {
  FUNNEL_CHART_SIZE,
  funnelChartSvg,
  renderFunnelChartPng,
} from '../../../../lambdas/render/charts/funnel-chart';
import { PNG_SIGNATURE, pngSize } from './png-image';
import { crowdedPractices, type SamplePractice, sampleReport } from './sample-report';

/**
 * Nine practices of 5,000 patients with 1,000 without a preference (20%) and one, B82010, with 2,000 (40%).
 * Worked by hand: p̄ = 11,000 / 50,000 = 22%; s = √(0.22 × 0.78 / 5,000) = 0.005858; raw z = −3.414 (×9) and
 * 30.73; the 90th percentile of z is −3.414 + 0.1 × 34.14 = 0, so φ = 9 × 3.414² / 10 = 10.4895;
 * τ² = (10 × 10.4895 − 9) / (10w − w) with w = 5,000 / 0.1716, = 0.00036568; adjusted z = −0.02 / 0.02 = −1
 * (in control) and 0.18 / 0.02 = 9 (high outlier).
 */
const TEN: SamplePractice[] = [
  ...Array.from({ length: 9 }, (_, i) => ({
    code: `A8100${i + 1}`,
    registered: 5000,
    noPreference: 1000,
    flag: 'in_control',
    z: -1,
  })),
  { code: 'B82010', registered: 5000, noPreference: 2000, flag: 'high_outlier', z: 9 },
];

const LABEL = /<text [^>]*class="label"[^>]*>([^<]*)<\/text>/g;
function labels(svg: string): string[] {
  return [...svg.matchAll(LABEL)].map((m) => m[1] as string);
}
function count(svg: string, fragment: string): number {
  return svg.split(fragment).length - 1;
}
function polyline(svg: string, className: string): [number, number][] {
  const match = new RegExp(`<polyline class="${className}" points="([^"]*)"`).exec(svg);
  if (match === null) throw new Error(`no polyline ${className}`);
  return (match[1] as string).split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
}

describe('funnelChartSvg', () => {
  const svg = funnelChartSvg(sampleReport({ period: '2026-10', practices: TEN }));

  it('titles the chart with the month', () => {
    expect(svg).toContain('>Practices compared: % of patients with no recorded preference, October 2026</text>');
    expect(svg).toContain('<title>Practices compared: % of patients with no recorded preference, October 2026</title>');
  });

  it('draws one point per reporting practice, marked with its code and flag', () => {
    expect(count(svg, 'class="point"')).toBe(10);
    expect(svg).toContain('data-practice="B82010" data-flag="high_outlier"');
    expect(svg).toContain('data-practice="A81001" data-flag="in_control"');
  });

  it('labels the high outlier with its practice code and leaves in-control practices unlabelled', () => {
    expect(labels(svg)).toEqual(['B82010']);
  });

  it('states the ICB average worked out by hand (11,000 of 50,000 = 22.0%)', () => {
    expect(svg).toContain('10 practices, ICB average 22.0%.');
    expect(svg).toContain('>ICB average (22.0%)</text>');
  });

  it('draws the limits from the same p̄ and τ² as the flags', () => {
    // y axis 10–45% over pixels 378 (bottom) to 66; x axis 0–6,000 over pixels 72 to 766. At n = 6,000:
    // sd = √(0.1716 / 6,000 + 0.00036568) = 1.98561%; upper 95% limit 22 + 1.96 × 1.98561 = 25.892% → y 236.34;
    // lower 99.8% limit 22 − 3.09 × 1.98561 = 15.864% → y 325.72; the ICB average 22% → y 271.03.
    const upper95 = polyline(svg, 'limit-high95');
    const lower998 = polyline(svg, 'limit-low998');
    expect(upper95.at(-1)?.[0]).toBe(766);
    expect(upper95.at(-1)?.[1]).toBeCloseTo(236.34, 1);
    expect(lower998.at(-1)?.[1]).toBeCloseTo(325.72, 1);
    expect(svg).toMatch(/class="icb-average" x1="72" y1="271.03"/);
  });

  it('has axis titles and a legend naming every flag and line', () => {
    for (const text of [
      '% with no recorded preference',
      'Registered patients (practice size)',
      'Above 99.8% limit',
      'Above 95% limit',
      'Within limits',
      'Below 95% limit',
      'Below 99.8% limit',
      '95% limits',
      '99.8% limits',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it('describes the flagged practices in the SVG description', () => {
    expect(svg).toContain(
      '<desc>Funnel plot for October 2026 of 10 practices. ICB average 22.0%. Above 99.8% limit: B82010.</desc>',
    );
  });

  it('renders a PNG at twice the embedded size', () => {
    const png = renderFunnelChartPng(sampleReport({ period: '2026-10', practices: TEN }));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(FUNNEL_CHART_SIZE).toEqual({ width: 800, height: 500 });
    expect(pngSize(png)).toEqual({ width: 1600, height: 1000 });
  });
});

describe('funnelChartSvg with few or many practices', () => {
  it('says there is nothing to compare when no practice reported', () => {
    const report = sampleReport({
      period: '2026-10',
      practices: [{ code: 'A81001' }, { code: 'A81002', registered: 0, noPreference: 0 }],
    });
    const svg = funnelChartSvg(report);
    expect(count(svg, 'class="point"')).toBe(0);
    expect(count(svg, '<polyline')).toBe(0);
    expect(svg).toContain('No practice reported in October 2026, so there is nothing to compare yet.');
    expect(pngSize(renderFunnelChartPng(report))).toEqual({ width: 1600, height: 1000 });
  });

  it('draws a single practice on the average line without labels', () => {
    const report = sampleReport({
      period: '2026-10',
      practices: [{ code: 'A81001', registered: 6200, noPreference: 1400, flag: 'in_control', z: 0 }],
    });
    const svg = funnelChartSvg(report);
    expect(count(svg, 'class="point"')).toBe(1);
    expect(labels(svg)).toEqual([]);
    expect(svg).toContain('Only one practice reported');
    expect(pngSize(renderFunnelChartPng(report))).toEqual({ width: 1600, height: 1000 });
  });

  it('labels only the flagged practices among 150, and accounts for any it had no room for', () => {
    const practices = crowdedPractices(
      150,
      (inputs) => funnelPlot(inputs).byPractice as Map<string, { z: number; flag: string }>,
    );
    const flagged = practices.filter((p) => p.flag !== 'in_control').map((p) => p.code);
    expect(flagged.length).toBeGreaterThan(10);
    const svg = funnelChartSvg(sampleReport({ period: '2026-10', practices }));
    expect(count(svg, 'class="point"')).toBe(150);
    const shown = labels(svg);
    expect(new Set(shown).size).toBe(shown.length);
    for (const code of shown) expect(flagged).toContain(code);
    const footnote = /class="footnote">(\d+) flagged practices? not labelled/.exec(svg);
    expect(shown.length + Number(footnote?.[1] ?? 0)).toBe(flagged.length);
  });

  it('hides practices with small counts in a shareable copy and says so', () => {
    const report = sampleReport({
      period: '2026-10',
      practices: [...TEN, { code: 'C83001', registered: 900, noPreference: 5, flag: 'low_outlier', z: -4 }],
      suppressSmallNumbers: true,
    });
    const svg = funnelChartSvg(report);
    expect(count(svg, 'class="point"')).toBe(10);
    expect(svg).not.toContain('C83001');
    expect(svg).toContain('1 not shown (small numbers): see the Practices sheet.');
  });

  it('escapes text taken from the data', () => {
    const svg = funnelChartSvg(
      sampleReport({
        period: '2026-10',
        practices: [...TEN.slice(0, 9), { code: 'B<&>"1', registered: 5000, noPreference: 2000, flag: 'high_outlier' }],
      }),
    );
    expect(labels(svg)).toEqual(['B&lt;&amp;&gt;&quot;1']);
    expect(svg).toContain('data-practice="B&lt;&amp;&gt;&quot;1"');
    expect(svg).not.toContain('B<&>');
  });
});
