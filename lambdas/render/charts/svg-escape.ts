const SVG_SPECIAL = /[&<>"']/g;
const SVG_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for SVG element content and attribute values. Practice names and codes come from the directory
 * and exports, so a `<` or `&` in them must not break (or inject into) the chart.
 */
export function escapeSvgText(text: string): string {
  return text.replace(SVG_SPECIAL, (ch) => SVG_ENTITIES[ch] as string);
}
