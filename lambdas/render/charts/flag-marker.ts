import type { FunnelFlag } from '../../core/report/tidy-columns';
import { CHART_STYLE } from './chart-style';
import { px } from './svg-number';

export type MarkerShape = 'circle' | 'triangle-up' | 'triangle-down';

export interface FlagMarker {
  /** Short legend text. */
  legend: string;
  colour: string;
  shape: MarkerShape;
  /** Outliers are solid, warnings hollow: with the shape, this tells the flags apart without colour. */
  filled: boolean;
  /** Whether the practice's code is written beside its point. */
  labelled: boolean;
}

/**
 * How each funnel flag is drawn. Colour is never the only cue: above the limits points up (▲), below points down
 * (▼), outliers are solid and warnings hollow, and every flagged practice is labelled with its code.
 */
export const FLAG_MARKERS: Readonly<Record<FunnelFlag, FlagMarker>> = {
  high_outlier: {
    legend: 'Above 99.8% limit',
    colour: CHART_STYLE.vermillion,
    shape: 'triangle-up',
    filled: true,
    labelled: true,
  },
  high_warning: {
    legend: 'Above 95% limit',
    colour: CHART_STYLE.orange,
    shape: 'triangle-up',
    filled: false,
    labelled: true,
  },
  in_control: { legend: 'Within limits', colour: CHART_STYLE.grey, shape: 'circle', filled: true, labelled: false },
  low_warning: {
    legend: 'Below 95% limit',
    colour: CHART_STYLE.bluishGreen,
    shape: 'triangle-down',
    filled: false,
    labelled: true,
  },
  low_outlier: {
    legend: 'Below 99.8% limit',
    colour: CHART_STYLE.blue,
    shape: 'triangle-down',
    filled: true,
    labelled: true,
  },
};

/** Legend order: top of the chart to bottom. */
export const FLAG_ORDER: readonly FunnelFlag[] = [
  'high_outlier',
  'high_warning',
  'in_control',
  'low_warning',
  'low_outlier',
];

/** Drawing size: flagged points are a little larger than in-control ones so they stand out. */
export function markerRadius(marker: FlagMarker): number {
  return marker.shape === 'circle' ? 4 : 6;
}

/** The flag's marker centred at (cx, cy), as one SVG element; `attributes` (already escaped) are added to it. */
export function flagMarkerSvg(marker: FlagMarker, cx: number, cy: number, attributes = ''): string {
  const r = markerRadius(marker);
  const extra = attributes === '' ? '' : `${attributes} `;
  const paint = marker.filled
    ? `fill="${marker.colour}" stroke="#ffffff" stroke-width="0.8"`
    : `fill="#ffffff" stroke="${marker.colour}" stroke-width="2"`;
  if (marker.shape === 'circle') {
    return `<circle ${extra}cx="${px(cx)}" cy="${px(cy)}" r="${r}" ${paint} fill-opacity="0.75"/>`;
  }
  const tip = marker.shape === 'triangle-up' ? -r : r;
  const base = marker.shape === 'triangle-up' ? r * 0.75 : -r * 0.75;
  const half = r * 0.95;
  const points = `${px(cx)},${px(cy + tip)} ${px(cx + half)},${px(cy + base)} ${px(cx - half)},${px(cy + base)}`;
  return `<polygon ${extra}points="${points}" ${paint} stroke-linejoin="round"/>`;
}
