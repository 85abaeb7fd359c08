import { formatChartPct } from './chart-format';
import { CHART_STYLE } from './chart-style';
import { svgDocument } from './svg-document';
import { px } from './svg-number';
import { svgText } from './svg-text';
import { svgToPng } from './svg-to-png';

/** Size to embed the decile strip at, in pixels (the PNG has PNG_SCALE times as many). */
export const DECILE_STRIP_SIZE = { width: 640, height: 160 } as const;

export interface DecileStripInput {
  /** 1–10 (1 = fewest patients without a preference); undefined when the practice did not report. */
  decile?: number;
  /** The practice's % with no recorded preference, unrounded. */
  practicePct?: number;
  /** The ICB median of practices' % with no recorded preference, unrounded. */
  medianPct?: number;
  practiceCode: string;
}

const BOX = { x: 22, y: 40, width: 56, height: 44, gap: 4 } as const;

/** The caption under the strip, e.g. `Decile 3 of 10 — 1 means fewest patients without a preference`. */
export function decileCaption(decile: number | undefined, practiceCode: string): string {
  if (decile === undefined) return `No decile for ${practiceCode}: it has no figures for this month.`;
  return `Decile ${decile} of 10 — 1 means fewest patients without a preference`;
}

function validDecile(decile: number | undefined): number | undefined {
  return decile !== undefined && Number.isInteger(decile) && decile >= 1 && decile <= 10 ? decile : undefined;
}

/**
 * Where a practice sits among the ICB's practices, for its gap list Summary (SPEC §4.2): ten boxes, deciles 1 to 10,
 * with the practice's decile filled and pointed at with its code (so position, not colour alone, shows it), a
 * caption, and the practice's % against the ICB median when given.
 */
export function decileStripSvg(input: DecileStripInput): string {
  const decile = validDecile(input.decile);
  const caption = decileCaption(decile, input.practiceCode);
  const body: string[] = [];

  for (let d = 1; d <= 10; d++) {
    const x = BOX.x + (d - 1) * (BOX.width + BOX.gap);
    const selected = d === decile;
    const fill = selected ? CHART_STYLE.blue : '#eeeeee';
    const stroke = selected ? CHART_STYLE.text : '#c8c8c8';
    body.push(
      `<rect class="${selected ? 'decile selected' : 'decile'}" data-decile="${d}" x="${x}" y="${BOX.y}" ` +
        `width="${BOX.width}" height="${BOX.height}" rx="4" fill="${fill}" stroke="${stroke}" ` +
        `stroke-width="${selected ? 2 : 1}"/>`,
    );
    body.push(
      svgText(String(d), x + BOX.width / 2, BOX.y + BOX.height / 2 + 6, {
        size: 17,
        bold: selected,
        anchor: 'middle',
        fill: selected ? '#ffffff' : CHART_STYLE.mutedText,
      }),
    );
    if (selected) {
      const cx = x + BOX.width / 2;
      body.push(
        `<polygon points="${px(cx - 7)},${BOX.y - 12} ${px(cx + 7)},${BOX.y - 12} ${px(cx)},${BOX.y - 3}" ` +
          `fill="${CHART_STYLE.text}"/>`,
      );
      body.push(
        svgText(input.practiceCode, cx, BOX.y - 17, { size: 13, bold: true, anchor: 'middle', className: 'practice' }),
      );
    }
  }

  const right = BOX.x + 10 * BOX.width + 9 * BOX.gap;
  const ends = BOX.y + BOX.height + 17;
  body.push(svgText('Fewest without a preference', BOX.x, ends, { size: 12, fill: CHART_STYLE.mutedText }));
  body.push(
    svgText('Most without a preference', right, ends, { size: 12, anchor: 'end', fill: CHART_STYLE.mutedText }),
  );
  body.push(svgText(caption, BOX.x, ends + 24, { size: 14, bold: true, className: 'caption' }));
  const comparison = comparisonLine(input);
  if (comparison !== undefined) {
    body.push(svgText(comparison, BOX.x, ends + 45, { size: 13, fill: CHART_STYLE.text, className: 'comparison' }));
  }

  return svgDocument({
    ...DECILE_STRIP_SIZE,
    title: `${input.practiceCode}: position among the ICB's practices`,
    description: comparison === undefined ? caption : `${caption}. ${comparison}`,
    body,
  });
}

/** The decile strip as PNG bytes, PNG_SCALE × DECILE_STRIP_SIZE. */
export function renderDecileStripPng(input: DecileStripInput): Buffer {
  return svgToPng(decileStripSvg(input));
}

/** E.g. `D83001: 12.3% of patients have no recorded preference (ICB median 18.0%).` */
function comparisonLine(input: DecileStripInput): string | undefined {
  const { practicePct, medianPct } = input;
  const median = medianPct !== undefined && Number.isFinite(medianPct) ? formatChartPct(medianPct) : undefined;
  if (practicePct === undefined || !Number.isFinite(practicePct)) {
    return median === undefined ? undefined : `ICB median: ${median} of patients with no recorded preference.`;
  }
  const own = `${input.practiceCode}: ${formatChartPct(practicePct)} of patients have no recorded preference`;
  return median === undefined ? `${own}.` : `${own} (ICB median ${median}).`;
}
