import iconv from 'iconv-lite';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A templates file's bytes as text: UTF-8 (a BOM is dropped), or Windows-1252 when the bytes are not
 * valid UTF-8, as Excel's "CSV (Comma delimited)" writes on Windows. Without this, a ’ or £ saved by
 * Excel would become U+FFFD and be reported as a UCS-2 character the template never had.
 * (iconv-lite, not TextDecoder: Node 20's TextDecoder decodes 'windows-1252' as Latin-1, so ’ (0x92) became U+0092.)
 */
export function decodeTemplateFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'win1252');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
