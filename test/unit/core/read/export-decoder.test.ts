import { describe, expect, it } from 'vitest';
import { ExportDecoder } from '../../../../lambdas/core/read/export-decoder';
import { ExportFormatError } from '../../../../lambdas/core/read/export-format-error';

function decodeInChunks(bytes: readonly number[], splits: readonly number[]): { text: string; fellBack: boolean } {
  const decoder = new ExportDecoder();
  const parts: Buffer[] = [];
  let from = 0;
  for (const to of [...splits, bytes.length]) {
    parts.push(decoder.push(Uint8Array.from(bytes.slice(from, to))));
    from = to;
  }
  parts.push(decoder.end());
  return { text: Buffer.concat(parts).toString('utf8'), fellBack: decoder.fellBack };
}

const cases = [
  { name: 'ASCII', bytes: [0x41, 0x2c, 0x42], text: 'A,B', fellBack: false },
  { name: 'UTF-8 é', bytes: [0x43, 0x61, 0x66, 0xc3, 0xa9], text: 'Café', fellBack: false },
  { name: 'UTF-8 ’ (three bytes)', bytes: [0x4f, 0xe2, 0x80, 0x99, 0x4e], text: 'O’N', fellBack: false },
  { name: 'UTF-8 emoji (four bytes)', bytes: [0xf0, 0x9f, 0x98, 0x80], text: '😀', fellBack: false },
  { name: 'Windows-1252 é', bytes: [0x43, 0x61, 0x66, 0xe9], text: 'Café', fellBack: true },
  { name: 'Windows-1252 £', bytes: [0xa3, 0x35], text: '£5', fellBack: true },
  { name: 'Windows-1252 ’', bytes: [0x4f, 0x92, 0x4e], text: 'O’N', fellBack: true },
  { name: 'Windows-1252 –', bytes: [0x41, 0x96, 0x42], text: 'A–B', fellBack: true },
  { name: 'Windows-1252 €', bytes: [0x80, 0x31], text: '€1', fellBack: true },
  { name: 'Windows-1252 é before ASCII', bytes: [0xe9, 0x2c, 0x41], text: 'é,A', fellBack: true },
  { name: 'a mix of UTF-8 and Windows-1252', bytes: [0xc3, 0xab, 0x2c, 0xe9], text: 'ë,é', fellBack: true },
  { name: 'an overlong encoding', bytes: [0xc0, 0xaf], text: 'À¯', fellBack: true },
  { name: 'an encoded surrogate', bytes: [0xed, 0xa0, 0x80], text: 'í\u00a0€', fellBack: true },
  { name: 'a sequence cut off by the end of input', bytes: [0x41, 0xe2, 0x82], text: 'Aâ‚', fellBack: true },
  { name: 'a UTF-8 BOM (removed)', bytes: [0xef, 0xbb, 0xbf, 0x41], text: 'A', fellBack: false },
  { name: 'only a UTF-8 BOM', bytes: [0xef, 0xbb, 0xbf], text: '', fellBack: false },
  {
    name: 'a BOM-like sequence after the start (kept)',
    bytes: [0x41, 0xef, 0xbb, 0xbf],
    text: 'A\ufeff',
    fellBack: false,
  },
];

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

describe('ExportDecoder', () => {
  it.each(cases)('decodes $name', ({ bytes, text, fellBack }) => {
    expect(decodeInChunks(bytes, [])).toEqual({ text, fellBack });
  });

  it.each(cases)('decodes $name the same wherever the chunks are split', ({ bytes, text, fellBack }) => {
    for (let a = 0; a <= bytes.length; a++) {
      for (let b = a; b <= bytes.length; b++) {
        expect(decodeInChunks(bytes, [a, b])).toEqual({ text, fellBack });
      }
    }
  });

  it('decodes one byte at a time', () => {
    const bytes = [0xef, 0xbb, 0xbf, 0x5a, 0x6f, 0xc3, 0xab, 0x2c, 0xa3, 0x35, 0x2c, 0xf0, 0x9f, 0x98, 0x80, 0x92];
    const splits = bytes.map((_, i) => i).slice(1);
    expect(decodeInChunks(bytes, splits)).toEqual({ text: 'Zoë,£5,😀’', fellBack: true });
  });

  it.each([
    { byte: 0x81, hex: '81' },
    { byte: 0x8d, hex: '8D' },
    { byte: 0x8f, hex: '8F' },
    { byte: 0x90, hex: '90' },
    { byte: 0x9d, hex: '9D' },
  ])('rejects byte 0x$hex, which Windows-1252 leaves undefined, naming its offset', ({ byte, hex }) => {
    const decoder = new ExportDecoder();
    const error = thrownBy(() => decoder.push(Uint8Array.from([0x41, 0x42, byte, 0x43])));
    expect(error).toBeInstanceOf(ExportFormatError);
    expect(error).toMatchObject({ reason: 'unsupported_encoding' });
    expect((error as Error).message).toContain(`byte 0x${hex} at byte offset 2 `);
  });

  it('counts the removed BOM in byte offsets', () => {
    expect(() => new ExportDecoder().push(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0x81]))).toThrow(
      /at byte offset 4\b/,
    );
  });
});
