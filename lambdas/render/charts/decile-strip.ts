import { CHART_STYLE } from './chart-style';
import { svgDocument } from './svg-document';
import { px } from './svg-number';
import { svgText } from './svg-text';
import { svgToPng } from './svg-to-png';

/** Size to embed the decile strip at, in pixels (the PNG has PNG_SCALE times as many). */
export const DECILE_STRIP_SIZE = { width: 640, height: 136 } as const;

const BOX = { x: 22, y: 40, width: 56, height: 44, gap: 4 } as const;
/** The label over the pointer: the strip sits on the practice's own gap list, so "you" is the practice. */
const POINTER_LABEL = 'Your practice';

/** The caption under the strip, e.g. `Decile 3 of 10 — 1 means fewest patients without a preference`. */
export function decileCaption(decile: number | undefined): string {
  if (decile === undefined) return 'No decile: the practice has no figures for this month.';
  return `Decile ${decile} of 10 — 1 means fewest patients without a preference`;
}

function validDecile(decile: number | undefined): number | undefined {
  return decile !== undefined && Number.isInteger(decile) && decile >= 1 && decile <= 10 ? decile : undefined;
}

/**
 * Where a practice sits among the ICB's practices, for its gap list Summary (SPEC §4.2): ten boxes, deciles 1 to 10,
 * with the practice's decile filled and pointed at (so position, not colour alone, shows it), and a caption.
 * It depends on the decile alone (the practice's % and the ICB median are in the table above it), so there are
 * only eleven strips and each is drawn once per process (renderDecileStripPng).
 */
export function decileStripSvg(decile: number | undefined): string {
  const selectedDecile = validDecile(decile);
  const caption = decileCaption(selectedDecile);
  const body: string[] = [];

  for (let d = 1; d <= 10; d++) {
    const x = BOX.x + (d - 1) * (BOX.width + BOX.gap);
    const selected = d === selectedDecile;
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
      // Kept inside the strip when the first or last box is the practice's.
      const labelX = Math.min(Math.max(cx, BOX.x + 45), BOX.x + 10 * BOX.width + 9 * BOX.gap - 45);
      body.push(
        svgText(POINTER_LABEL, labelX, BOX.y - 17, { size: 13, bold: true, anchor: 'middle', className: 'practice' }),
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

  return svgDocument({
    ...DECILE_STRIP_SIZE,
    title: "The practice's position among the ICB's practices",
    description: caption,
    body,
  });
}

const rendered = new Map<number | undefined, Buffer>();

/**
 * The decile strip as PNG bytes, PNG_SCALE × DECILE_STRIP_SIZE. Drawn once per decile and process: a
 * render costs ~10 ms, and an ICB-wide export renders a gap list per practice.
 */
export function renderDecileStripPng(decile: number | undefined): Buffer {
  const key = validDecile(decile);
  let png = rendered.get(key);
  if (png === undefined) {
    png = svgToPng(decileStripSvg(key));
    rendered.set(key, png);
  }
  return png;
}
