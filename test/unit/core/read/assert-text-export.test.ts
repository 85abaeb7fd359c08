import { describe, expect, it } from 'vitest';
import { assertTextExport } from '../../../../lambdas/core/read/assert-text-export';
import { ExportFormatError } from '../../../../lambdas/core/read/export-format-error';
import { bytesOf } from './byte-source';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const csv = 'NHS Number,Surname\n9990000018,Smith\n';

describe('assertTextExport', () => {
  it.each([
    { name: 'UTF-8 text', bytes: bytesOf(csv) },
    { name: 'UTF-8 text with a BOM', bytes: bytesOf([0xef, 0xbb, 0xbf], csv) },
    { name: 'Windows-1252 text', bytes: bytesOf('Surname\nCaf', [0xe9], '\n') },
    { name: 'tab-separated text with form feeds', bytes: bytesOf('NHS Number\tSurname\f\r\n') },
    { name: 'an empty sample', bytes: new Uint8Array(0) },
  ])('accepts $name', ({ bytes }) => {
    expect(thrownBy(() => assertTextExport(bytes))).toBeUndefined();
  });

  it.each([
    { name: 'UTF-16LE with a BOM', bytes: bytesOf([0xff, 0xfe], Buffer.from('NHS', 'utf16le').toJSON().data) },
    { name: 'UTF-16BE with a BOM', bytes: bytesOf([0xfe, 0xff, 0x00, 0x4e, 0x00, 0x48]) },
    { name: 'UTF-16LE without a BOM', bytes: Buffer.from(csv, 'utf16le') },
    { name: 'UTF-16BE without a BOM', bytes: Buffer.from(csv, 'utf16le').swap16() },
  ])('rejects $name as an unsupported encoding', ({ bytes }) => {
    const error = thrownBy(() => assertTextExport(bytes));
    expect(error).toBeInstanceOf(ExportFormatError);
    expect(error).toMatchObject({ reason: 'unsupported_encoding', hint: expect.stringContaining('UTF-8') });
  });

  it.each([
    { name: 'an Excel workbook', bytes: bytesOf([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), says: 'Excel workbook (.xlsx)' },
    { name: 'an old Excel workbook', bytes: bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), says: '(.xls)' },
    { name: 'a PDF', bytes: bytesOf('%PDF-1.7\n'), says: 'a PDF document' },
    { name: 'a PNG image', bytes: bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), says: 'a PNG image' },
    { name: 'a gzip archive', bytes: bytesOf([0x1f, 0x8b, 0x08, 0x00]), says: 'a gzip archive' },
    { name: 'text with a zero byte', bytes: bytesOf('NHS Number,Surname\n', [0x00], 'x\n'), says: '1 zero bytes' },
    { name: 'control characters', bytes: bytesOf([1, 2, 3, 4, 5, 6, 0x41, 0x42]), says: '6 other control' },
  ])('rejects $name as not text', ({ bytes, says }) => {
    const error = thrownBy(() => assertTextExport(bytes));
    expect(error).toBeInstanceOf(ExportFormatError);
    expect(error).toMatchObject({ reason: 'not_text', hint: expect.stringContaining('CSV') });
    expect((error as Error).message).toContain(says);
  });
});
