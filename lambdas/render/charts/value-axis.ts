import { CHART_STYLE } from './chart-style';
import type { Box } from './label-placement';
import type { NiceScale } from './nice-scale';
import { px } from './svg-number';
import { svgText } from './svg-text';

/** Maps a value on `scale` to a y pixel inside `plot` (larger values higher up). */
export function yPixel(plot: Box, scale: NiceScale, value: number): number {
  return plot.y + plot.height - ((value - scale.min) / (scale.max - scale.min)) * plot.height;
}

/**
 * The vertical value axis of a chart: light horizontal grid lines at each tick, tick labels to the left of the plot,
 * the axis line and a rotated axis title centred on the plot's height.
 */
export function valueAxisSvg(plot: Box, scale: NiceScale, format: (tick: number) => string, title: string): string[] {
  const out: string[] = [];
  for (const tick of scale.ticks) {
    const y = yPixel(plot, scale, tick);
    out.push(
      `<line x1="${px(plot.x)}" y1="${px(y)}" x2="${px(plot.x + plot.width)}" y2="${px(y)}" ` +
        `stroke="${CHART_STYLE.grid}" stroke-width="1"/>`,
    );
    out.push(
      svgText(format(tick), plot.x - 8, y + 4, { size: CHART_STYLE.tickSize, anchor: 'end', fill: CHART_STYLE.axis }),
    );
  }
  out.push(
    `<line x1="${px(plot.x)}" y1="${px(plot.y)}" x2="${px(plot.x)}" y2="${px(plot.y + plot.height)}" ` +
      `stroke="${CHART_STYLE.axis}" stroke-width="1"/>`,
  );
  out.push(
    svgText(title, 20, plot.y + plot.height / 2, {
      size: CHART_STYLE.axisTitleSize,
      anchor: 'middle',
      fill: CHART_STYLE.text,
      rotate: -90,
    }),
  );
  return out;
}
