const NARROW = new Set(' .,:;!|iIjlrtf1()[]\'"’-–'.split(''));
const WIDE = new Set('MWmw—%@'.split(''));

/**
 * Approximate width in pixels of `text` set in the bundled font at `fontSize`. SVG-to-PNG has no layout engine we
 * can ask in advance, so label placement and legend spacing use this estimate (close to Atkinson Hyperlegible's
 * advances, slightly generous so that estimated boxes do not underlap the real text).
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) ems += 0.32;
    else if (WIDE.has(ch)) ems += 0.9;
    else if (ch >= 'A' && ch <= 'Z') ems += 0.66;
    else if (ch >= '0' && ch <= '9') ems += 0.6;
    else ems += 0.55;
  }
  return ems * fontSize * (bold ? 1.08 : 1);
}
