const XML_SPECIAL = /[&<>"'\n]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\n': '&#10;',
};

/**
 * Text made safe for XML or HTML element content and quoted attribute values: the SVG charts, a streamed
 * sheet's drawing part and the practice email. Practice names come from the directory CSV, so they are
 * data, never markup. A newline becomes `&#10;` because XML turns a literal one in an attribute into a space.
 */
export function escapeXml(text: string): string {
  return text.replace(XML_SPECIAL, (c) => ENTITIES[c] as string);
}
