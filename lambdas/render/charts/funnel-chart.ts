import { type FunnelInput, funnelPlot } from '../../core/metrics/funnel';
import { suppressSmallNumbers } from '../../core/metrics/suppress-small-numbers';
import { monthName } from '../../core/period';
import type { PeriodReport } from '../../core/report/period-report';
import type { PracticeMetrics } from '../../core/report/tidy-columns';
import { escapeXml } from '../escape-xml';
import { formatChartCount, formatChartPct, formatPctTick } from './chart-format';
import { CHART_STYLE } from './chart-style';
import { FLAG_MARKERS, FLAG_ORDER, type FlagMarker, flagMarkerSvg, markerRadius } from './flag-marker';
import { type Box, type LabelRequest, placeLabels } from './label-placement';
import { type NiceScale, niceScale } from './nice-scale';
import { svgDocument } from './svg-document';
import { px } from './svg-number';
import { svgText } from './svg-text';
import { svgToPng } from './svg-to-png';
import { estimateTextWidth } from './text-width';
import { valueAxisSvg, yPixel } from './value-axis';

/** Size to embed the funnel plot at, in pixels (the PNG has PNG_SCALE times as many). */
export const FUNNEL_CHART_SIZE = { width: 800, height: 500 } as const;

const PLOT: Box = { x: 72, y: 66, width: 800 - 72 - 34, height: 312 };
const LEGEND_ROW_1 = 446;
const LEGEND_ROW_2 = 472;
const LABEL_HEIGHT = 13;
/** Samples along each limit curve: dense enough to look smooth where the funnel bends. */
const CURVE_SAMPLES = 160;

interface PlottedPractice {
  code: string;
  registered: number;
  pct: number;
  /** As given in the report; an unknown or missing flag is drawn as in control. */
  flag: string | undefined;
  marker: FlagMarker;
  z: number;
}

function markerFor(flag: string | undefined): FlagMarker {
  return (FLAG_MARKERS as Record<string, FlagMarker | undefined>)[flag ?? 'in_control'] ?? FLAG_MARKERS.in_control;
}

/**
 * Practices that can be drawn: reporting (registered > 0, a percentage), and in a shareable copy not hiding a small
 * count, since a point's position gives its percentage and size, from which a suppressed count could be worked back.
 */
function plottedPractices(report: PeriodReport): { plotted: PlottedPractice[]; hidden: number } {
  const plotted: PlottedPractice[] = [];
  let hidden = 0;
  for (const row of report.practices) {
    if (row.registered === undefined || row.registered <= 0 || row.no_preference_pct === undefined) continue;
    if (row.status === 'unusable') continue;
    if (report.suppressSmallNumbers && suppressSmallNumbers(row).no_preference_pct === undefined) {
      hidden++;
      continue;
    }
    const marker = markerFor(row.funnel_flag);
    plotted.push({
      code: row.practice_code,
      registered: row.registered,
      pct: row.no_preference_pct,
      flag: row.funnel_flag,
      marker,
      z: row.funnel_z ?? 0,
    });
  }
  return { plotted, hidden };
}

/** The same inputs the period report's flags were computed from, so the curves and the flags agree. */
function funnelInputs(rows: readonly PracticeMetrics[]): FunnelInput[] {
  const inputs: FunnelInput[] = [];
  for (const row of rows) {
    if (row.registered === undefined || row.no_preference === undefined || row.registered <= 0) continue;
    if (row.status === 'unusable') continue;
    inputs.push({ practiceCode: row.practice_code, noPreference: row.no_preference, registered: row.registered });
  }
  return inputs;
}

function xPixel(scale: NiceScale, value: number): number {
  return PLOT.x + ((value - scale.min) / (scale.max - scale.min)) * PLOT.width;
}

/**
 * The ICB funnel plot for the Summary sheet (SPEC §4.1): each practice's % with no recorded preference against its
 * size, the ICB average, and the 95% and 99.8% control limits drawn from the same p̄ and τ² as the funnel flags
 * (lambdas/core/metrics/funnel.ts). Flagged practices are labelled with their practice code; in-control ones are not.
 */
export function funnelChartSvg(report: PeriodReport): string {
  const month = monthName(report.period);
  const title = `Practices compared: % of patients with no recorded preference, ${month}`;
  const { plotted, hidden } = plottedPractices(report);
  const funnel = funnelPlot(funnelInputs(report.practices));
  const averagePct = Number.isFinite(funnel.pBar) ? 100 * funnel.pBar : undefined;

  let xMax = 0;
  let minRegistered = Number.POSITIVE_INFINITY;
  let yLow = averagePct ?? Number.POSITIVE_INFINITY;
  let yHigh = averagePct ?? Number.NEGATIVE_INFINITY;
  for (const p of plotted) {
    xMax = Math.max(xMax, p.registered);
    minRegistered = Math.min(minRegistered, p.registered);
    yLow = Math.min(yLow, p.pct);
    yHigh = Math.max(yHigh, p.pct);
  }
  if (averagePct !== undefined && plotted.length > 0) {
    const widest = funnel.limits(minRegistered);
    yLow = Math.min(yLow, widest.low998);
    yHigh = Math.max(yHigh, widest.high998);
  }
  const xScale = niceScale(0, xMax > 0 ? xMax * 1.04 : 10_000, 7);
  const yScale =
    Number.isFinite(yLow) && Number.isFinite(yHigh)
      ? niceScale(Math.max(0, yLow - 1), Math.min(100, yHigh + 1), 7)
      : niceScale(0, 100, 6);

  const body: string[] = [];
  body.push(svgText(title, 16, 28, { size: CHART_STYLE.titleSize, bold: true }));
  body.push(
    svgText(subtitle(plotted.length, averagePct), 16, 50, {
      size: CHART_STYLE.subtitleSize,
      fill: CHART_STYLE.mutedText,
    }),
  );

  body.push(...valueAxisSvg(PLOT, yScale, (tick) => formatPctTick(tick, yScale.step), '% with no recorded preference'));
  body.push(...countAxisSvg(xScale));
  body.push(
    `<clipPath id="plot-area"><rect x="${PLOT.x}" y="${PLOT.y}" width="${PLOT.width}" height="${PLOT.height}"/></clipPath>`,
  );

  if (averagePct !== undefined) {
    body.push('<g clip-path="url(#plot-area)" fill="none">');
    body.push(limitCurveSvg(funnel, xScale, yScale, 'low998', 'high998', '2 3', 1.6));
    body.push(limitCurveSvg(funnel, xScale, yScale, 'low95', 'high95', '7 4', 1.3));
    const y = yPixel(PLOT, yScale, averagePct);
    body.push(
      `<line class="icb-average" x1="${PLOT.x}" y1="${px(y)}" x2="${PLOT.x + PLOT.width}" y2="${px(y)}" ` +
        `stroke="${CHART_STYLE.text}" stroke-width="1.6"/>`,
    );
    body.push('</g>');
  }

  if (plotted.length === 0) {
    body.push(
      svgText(
        `No practice reported in ${month}, so there is nothing to compare yet.`,
        PLOT.x + PLOT.width / 2,
        PLOT.y + PLOT.height / 2,
        {
          size: 14,
          anchor: 'middle',
          fill: CHART_STYLE.mutedText,
        },
      ),
    );
  }

  // In-control points first, so flagged points are drawn on top of the crowd.
  const drawOrder = [...plotted].sort((a, b) => Number(a.marker.labelled) - Number(b.marker.labelled));
  const obstacles: Box[] = [];
  const positions = new Map<string, { x: number; y: number }>();
  body.push('<g class="points">');
  for (const p of drawOrder) {
    const x = xPixel(xScale, p.registered);
    const y = yPixel(PLOT, yScale, p.pct);
    positions.set(p.code, { x, y });
    const r = markerRadius(p.marker) + 1;
    obstacles.push({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    const attributes = `class="point" data-practice="${escapeXml(p.code)}" data-flag="${escapeXml(p.flag ?? '')}"`;
    body.push(flagMarkerSvg(p.marker, x, y, attributes));
  }
  body.push('</g>');

  const { placed, unplaced } = placeLabels(labelRequests(plotted, positions), obstacles, PLOT);
  body.push('<g class="labels">');
  for (const label of placed) {
    if (label.leader !== undefined) {
      const { x1, y1, x2, y2 } = label.leader;
      body.push(
        `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${CHART_STYLE.mutedText}" stroke-width="0.8"/>`,
      );
    }
    body.push(
      svgText(label.text, label.box.x + 1, label.box.y + 10.6, {
        size: CHART_STYLE.labelSize,
        bold: true,
        halo: true,
        className: 'label',
      }),
    );
  }
  body.push('</g>');

  body.push(...legendSvg(averagePct, footnote(unplaced.length, hidden)));

  return svgDocument({
    ...FUNNEL_CHART_SIZE,
    title,
    description: describe(plotted, averagePct, month),
    body,
  });
}

/** The funnel plot as PNG bytes, PNG_SCALE × FUNNEL_CHART_SIZE. */
export function renderFunnelChartPng(report: PeriodReport): Buffer {
  return svgToPng(funnelChartSvg(report));
}

function subtitle(count: number, averagePct: number | undefined): string {
  if (count === 0) return 'Each point will be a practice, placed by its number of registered patients.';
  if (count === 1) return 'Only one practice reported, so there is no other practice to compare it with yet.';
  const practices = count === 1 ? '1 practice' : `${formatChartCount(count)} practices`;
  const average = averagePct === undefined ? '' : `, ICB average ${formatChartPct(averagePct)}`;
  return `${practices}${average}. Points outside the funnel differ from the average by more than chance explains.`;
}

function footnote(unlabelled: number, hidden: number): string | undefined {
  const notes: string[] = [];
  if (unlabelled > 0) {
    notes.push(`${unlabelled} flagged practice${unlabelled === 1 ? '' : 's'} not labelled (no room)`);
  }
  if (hidden > 0) notes.push(`${hidden} not shown (small numbers)`);
  return notes.length === 0 ? undefined : `${notes.join('; ')}: see the Practices sheet.`;
}

/** Outliers before warnings, the most extreme first: when space runs out, the least important labels go. */
function labelRequests(
  plotted: readonly PlottedPractice[],
  positions: Map<string, { x: number; y: number }>,
): LabelRequest[] {
  const flagged = plotted.filter((p) => p.marker.labelled);
  flagged.sort((a, b) => Number(b.marker.filled) - Number(a.marker.filled) || Math.abs(b.z) - Math.abs(a.z));
  return flagged.map((p) => {
    const at = positions.get(p.code) as { x: number; y: number };
    return {
      id: p.code,
      text: p.code,
      anchorX: at.x,
      anchorY: at.y,
      width: estimateTextWidth(p.code, CHART_STYLE.labelSize, true) + 2,
      height: LABEL_HEIGHT,
      clearance: markerRadius(p.marker) + 1,
    };
  });
}

/** The horizontal axis: practice size, from 0, with tick marks and thousands-separated labels. */
function countAxisSvg(scale: NiceScale): string[] {
  const bottom = PLOT.y + PLOT.height;
  const out = [
    `<line x1="${PLOT.x}" y1="${bottom}" x2="${PLOT.x + PLOT.width}" y2="${bottom}" stroke="${CHART_STYLE.axis}" stroke-width="1"/>`,
  ];
  for (const tick of scale.ticks) {
    const x = xPixel(scale, tick);
    out.push(
      `<line x1="${px(x)}" y1="${bottom}" x2="${px(x)}" y2="${bottom + 5}" stroke="${CHART_STYLE.axis}" stroke-width="1"/>`,
    );
    out.push(
      svgText(formatChartCount(tick), x, bottom + 19, {
        size: CHART_STYLE.tickSize,
        anchor: 'middle',
        fill: CHART_STYLE.axis,
      }),
    );
  }
  out.push(
    svgText('Registered patients (practice size)', PLOT.x + PLOT.width / 2, bottom + 40, {
      size: CHART_STYLE.axisTitleSize,
      anchor: 'middle',
    }),
  );
  return out;
}

/** One pair of limit curves (upper and lower) as two polylines, sampled more densely at small sizes where they bend. */
function limitCurveSvg(
  funnel: ReturnType<typeof funnelPlot>,
  xScale: NiceScale,
  yScale: NiceScale,
  low: 'low95' | 'low998',
  high: 'high95' | 'high998',
  dash: string,
  width: number,
): string {
  const start = Math.max(1, xScale.max / 2000);
  const ratio = (xScale.max / start) ** (1 / (CURVE_SAMPLES - 1));
  const upper: string[] = [];
  const lower: string[] = [];
  let n = start;
  for (let i = 0; i < CURVE_SAMPLES; i++) {
    const limits = funnel.limits(n);
    const x = px(xPixel(xScale, n));
    upper.push(`${x},${px(yPixel(PLOT, yScale, limits[high]))}`);
    lower.push(`${x},${px(yPixel(PLOT, yScale, limits[low]))}`);
    n *= ratio;
  }
  const style = `stroke="${CHART_STYLE.axis}" stroke-width="${width}" stroke-dasharray="${dash}"`;
  return [
    `<polyline class="limit-${high}" points="${upper.join(' ')}" ${style}/>`,
    `<polyline class="limit-${low}" points="${lower.join(' ')}" ${style}/>`,
  ].join('\n');
}

/** Two legend rows under the x-axis title: the five point styles, then the lines (and any footnote, right-aligned). */
function legendSvg(averagePct: number | undefined, note: string | undefined): string[] {
  const out: string[] = [];
  const size = CHART_STYLE.legendSize;
  let x = PLOT.x;
  for (const flag of FLAG_ORDER) {
    const marker = FLAG_MARKERS[flag];
    out.push(flagMarkerSvg(marker, x + 6, LEGEND_ROW_1 - 4));
    out.push(svgText(marker.legend, x + 16, LEGEND_ROW_1, { size }));
    x += 16 + estimateTextWidth(marker.legend, size) + 22;
  }

  x = PLOT.x;
  const lines: [string, string, number][] = [
    [averagePct === undefined ? 'ICB average' : `ICB average (${formatChartPct(averagePct)})`, '', 1.6],
    ['95% limits', '7 4', 1.3],
    ['99.8% limits', '2 3', 1.6],
  ];
  for (const [text, dash, width] of lines) {
    const dashAttr = dash === '' ? '' : ` stroke-dasharray="${dash}"`;
    const colour = dash === '' ? CHART_STYLE.text : CHART_STYLE.axis;
    out.push(
      `<line x1="${x}" y1="${LEGEND_ROW_2 - 4}" x2="${x + 26}" y2="${LEGEND_ROW_2 - 4}" stroke="${colour}" stroke-width="${width}"${dashAttr}/>`,
    );
    out.push(svgText(text, x + 32, LEGEND_ROW_2, { size }));
    x += 32 + estimateTextWidth(text, size) + 22;
  }
  if (note !== undefined) {
    out.push(
      svgText(note, PLOT.x + PLOT.width, LEGEND_ROW_2, {
        size: CHART_STYLE.legendSize,
        anchor: 'end',
        fill: CHART_STYLE.mutedText,
        className: 'footnote',
      }),
    );
  }
  return out;
}

/** Plain-text summary for the SVG's <desc> and the workbook image's alt text. */
function describe(plotted: readonly PlottedPractice[], averagePct: number | undefined, month: string): string {
  if (plotted.length === 0) return `Funnel plot for ${month}: no practice reported.`;
  const counts = new Map<string, string[]>();
  for (const p of plotted) {
    if (p.flag === undefined || !p.marker.labelled) continue;
    const list = counts.get(p.flag) ?? [];
    list.push(p.code);
    counts.set(p.flag, list);
  }
  const parts = FLAG_ORDER.filter((flag) => counts.has(flag)).map(
    (flag) => `${FLAG_MARKERS[flag].legend}: ${(counts.get(flag) as string[]).join(', ')}`,
  );
  const average = averagePct === undefined ? '' : ` ICB average ${formatChartPct(averagePct)}.`;
  return (
    `Funnel plot for ${month} of ${plotted.length} practices.${average} ` +
    (parts.length === 0 ? 'Every practice is within the limits.' : `${parts.join('; ')}.`)
  );
}
