import { escapeXml } from '../escape-xml';
import { CHART_STYLE } from './chart-style';

/**
 * A complete standalone SVG: fixed pixel size, white background, the bundled font for every text, and a `<title>` and
 * `<desc>` so the SVG is accessible where it is used directly (the PNG carries no text of its own; the workbook's
 * image alt text should repeat the description).
 */
export function svgDocument(input: {
  width: number;
  height: number;
  title: string;
  description: string;
  body: readonly string[];
}): string {
  const { width, height } = input;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" font-family="${escapeXml(CHART_STYLE.fontStack)}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<desc>${escapeXml(input.description)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${CHART_STYLE.background}"/>`,
    ...input.body,
    '</svg>',
  ].join('\n');
}
