import iconv from 'iconv-lite';
import type { ExportLayout } from './format-export';

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * The bytes of an export in its encoding. Windows-1252 text must be representable: a character the code
 * page lacks would silently become `?`, so it is refused instead.
 */
export function encodeText(text: string, encoding: ExportLayout['encoding']): Uint8Array {
  if (encoding === 'windows-1252') {
    const bytes = iconv.encode(text, 'win1252');
    if (iconv.decode(bytes, 'win1252') !== text) {
      throw new Error('encodeText: the text holds a character Windows-1252 cannot represent; use UTF-8 instead.');
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const utf8 = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return utf8;
  const withBom = new Uint8Array(BOM.length + utf8.length);
  withBom.set(BOM, 0);
  withBom.set(utf8, BOM.length);
  return withBom;
}
