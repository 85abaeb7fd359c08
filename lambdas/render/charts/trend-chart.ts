import { monthName, shortMonthName } from '../../core/period';
import type { PeriodReport } from '../../core/report/period-report';
import { roundMetric } from '../rounding';
import { formatChartPct, formatPctTick } from './chart-format';
import { CHART_STYLE } from './chart-style';
import type { Box } from './label-placement';
import { niceScale } from './nice-scale';
import { svgDocument } from './svg-document';
import { px } from './svg-number';
import { svgText } from './svg-text';
import { svgToPng } from './svg-to-png';
import { valueAxisSvg, yPixel } from './value-axis';

/** Size to embed the trend chart at, in pixels (the PNG has PNG_SCALE times as many). */
export const TREND_CHART_SIZE = { width: 800, height: 400 } as const;

const PLOT: Box = { x: 72, y: 70, width: 800 - 72 - 24, height: 290 };

// Short month names (`Oct 2026`) fit twelve months side by side.
export { shortMonthName };

/**
 * The ICB trend chart for the Summary sheet (SPEC §4.1): the ICB's % of patients with no recorded preference for each
 * period of the report's trend (the last 12 months), as a line with points and value labels. A month without
 * data breaks the line and says so; a single month still draws one labelled point.
 */
export function trendChartSvg(report: PeriodReport): string {
  const { periods, icb } = report.trend;
  const first = periods[0] ?? report.period;
  const last = periods[periods.length - 1] ?? report.period;
  const range = first === last ? monthName(last) : `${shortMonthName(first)} to ${shortMonthName(last)}`;
  const title = `ICB trend: % of patients with no recorded preference, ${range}`;

  let max = 0;
  let anyValue = false;
  for (const value of icb) {
    if (value === undefined || !Number.isFinite(value)) continue;
    anyValue = true;
    max = Math.max(max, value);
  }
  const yScale = niceScale(0, anyValue ? Math.min(100, Math.max(max * 1.18, 5)) : 100, 6);
  const band = PLOT.width / Math.max(1, periods.length);
  const xAt = (i: number) => PLOT.x + (i + 0.5) * band;
  const valueAt = (i: number): number | undefined => {
    const value = icb[i];
    return value !== undefined && Number.isFinite(value) ? value : undefined;
  };

  const body: string[] = [];
  body.push(svgText(title, 16, 28, { size: CHART_STYLE.titleSize, bold: true }));
  body.push(
    svgText(latestChange(periods, icb), 16, 50, { size: CHART_STYLE.subtitleSize, fill: CHART_STYLE.mutedText }),
  );
  body.push(...valueAxisSvg(PLOT, yScale, (tick) => formatPctTick(tick, yScale.step), '% with no recorded preference'));

  const bottom = PLOT.y + PLOT.height;
  body.push(
    `<line x1="${PLOT.x}" y1="${bottom}" x2="${PLOT.x + PLOT.width}" y2="${bottom}" stroke="${CHART_STYLE.axis}" stroke-width="1"/>`,
  );
  for (let i = 0; i < periods.length; i++) {
    body.push(
      svgText(shortMonthName(periods[i] as string), xAt(i), bottom + 20, {
        size: CHART_STYLE.tickSize,
        anchor: 'middle',
        fill: CHART_STYLE.axis,
        className: 'month',
      }),
    );
  }

  // Line segments join neighbouring months that both have a value, so a gap in the data stays visible.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) {
      body.push(
        `<polyline points="${run.join(' ')}" fill="none" stroke="${CHART_STYLE.blue}" stroke-width="2.5" stroke-linejoin="round"/>`,
      );
    }
    run = [];
  };
  for (let i = 0; i < periods.length; i++) {
    const value = valueAt(i);
    if (value === undefined) {
      flush();
      continue;
    }
    run.push(`${px(xAt(i))},${px(yPixel(PLOT, yScale, value))}`);
  }
  flush();

  for (let i = 0; i < periods.length; i++) {
    const value = valueAt(i);
    const x = xAt(i);
    if (value === undefined) {
      body.push(
        svgText('no data', x, bottom - 8, {
          size: CHART_STYLE.labelSize - 1,
          anchor: 'middle',
          fill: CHART_STYLE.mutedText,
          className: 'no-data',
        }),
      );
      continue;
    }
    const y = yPixel(PLOT, yScale, value);
    body.push(
      `<circle class="point" cx="${px(x)}" cy="${px(y)}" r="4.5" fill="${CHART_STYLE.blue}" stroke="#ffffff" stroke-width="1.2"/>`,
    );
    const below = isValley(valueAt(i - 1), value, valueAt(i + 1));
    body.push(
      svgText(formatChartPct(value), x, below ? y + 21 : y - 11, {
        size: CHART_STYLE.labelSize,
        bold: true,
        anchor: 'middle',
        halo: true,
        className: 'value',
      }),
    );
  }

  if (!anyValue) {
    body.push(
      svgText('No ICB figures for these months yet.', PLOT.x + PLOT.width / 2, PLOT.y + PLOT.height / 2, {
        size: 14,
        anchor: 'middle',
        fill: CHART_STYLE.mutedText,
      }),
    );
  }

  const description = periods
    .map((period, i) => {
      const value = valueAt(i);
      return `${monthName(period)}: ${value === undefined ? 'no data' : formatChartPct(value)}`;
    })
    .join('; ');
  return svgDocument({ ...TREND_CHART_SIZE, title, description: `${title}. ${description}.`, body });
}

/** The trend chart as PNG bytes, PNG_SCALE × TREND_CHART_SIZE. */
export function renderTrendChartPng(report: PeriodReport): Buffer {
  return svgToPng(trendChartSvg(report));
}

/** A point lower than both neighbours gets its label below, where the line is not. */
function isValley(before: number | undefined, value: number, after: number | undefined): boolean {
  if (before === undefined && after === undefined) return false;
  return (before === undefined || before > value) && (after === undefined || after > value);
}

/** E.g. `October 2026: 22.6%, down 1.2 percentage points on September 2026.` */
function latestChange(periods: readonly string[], icb: readonly (number | undefined)[]): string {
  const n = periods.length;
  const latest = icb[n - 1];
  const lastPeriod = periods[n - 1];
  if (lastPeriod === undefined || latest === undefined || !Number.isFinite(latest)) {
    return lastPeriod === undefined ? 'No months to show.' : `${monthName(lastPeriod)}: no ICB figure.`;
  }
  const head = `${monthName(lastPeriod)}: ${formatChartPct(latest)}`;
  const previous = icb[n - 2];
  const previousPeriod = periods[n - 2];
  if (previous === undefined || previousPeriod === undefined || !Number.isFinite(previous)) return `${head}.`;
  const change = roundMetric(latest - previous, 'pct') ?? 0;
  if (change === 0) return `${head}, no change on ${monthName(previousPeriod)}.`;
  const direction = change < 0 ? 'down' : 'up';
  const points = Math.abs(change).toFixed(1);
  return `${head}, ${direction} ${points} percentage point${points === '1.0' ? '' : 's'} on ${monthName(previousPeriod)} (lower is better).`;
}
