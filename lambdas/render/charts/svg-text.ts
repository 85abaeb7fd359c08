import { escapeXml } from '../escape-xml';
import { CHART_STYLE } from './chart-style';
import { px } from './svg-number';

export interface SvgTextOptions {
  size: number;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  /** A white outline under the glyphs, so a label stays readable where it crosses lines or points. */
  halo?: boolean;
  /** Degrees, about (x, y); -90 for a y-axis title. */
  rotate?: number;
  /** Marks the element for tests and readers of the SVG, e.g. `label`. */
  className?: string;
}

/** One `<text>` element at baseline (x, y); the text is escaped. */
export function svgText(text: string, x: number, y: number, options: SvgTextOptions): string {
  const attributes = [`x="${px(x)}"`, `y="${px(y)}"`, `font-size="${options.size}"`];
  if (options.bold) attributes.push('font-weight="700"');
  if (options.anchor !== undefined && options.anchor !== 'start') attributes.push(`text-anchor="${options.anchor}"`);
  attributes.push(`fill="${options.fill ?? CHART_STYLE.text}"`);
  if (options.halo) {
    attributes.push('stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"');
  }
  if (options.rotate !== undefined) attributes.push(`transform="rotate(${options.rotate} ${px(x)} ${px(y)})"`);
  if (options.className !== undefined) attributes.push(`class="${escapeXml(options.className)}"`);
  return `<text ${attributes.join(' ')}>${escapeXml(text)}</text>`;
}
