import { describe, expect, it } from 'vitest';
import { ExportFormatError, type ExportRecord, openExport } from '../../../../lambdas/core/read/open-export';
import { chunked, randomSizes, utf8 } from './byte-source';

const options = {
  isHeader: (cells: readonly string[]) => cells.some((cell) => cell.toLowerCase().replace(/ /g, '') === 'nhsnumber'),
  describeExpected: 'NHS number ("NHS Number")',
};

const TEXT =
  'NHS Number,Surname,Note\n' +
  '9990000018,Adams,"two\nlines"\n' +
  '\n' +
  '9990000026,Baker,plain\r\n' +
  'Total,2,\n' +
  '9990000034,Clark,"a ""quote"""\n' +
  'Count,3,\n';

async function byRecord(sizes: readonly number[]): Promise<ExportRecord[]> {
  const opened = await openExport(chunked(utf8(TEXT), sizes), options);
  const records: ExportRecord[] = [];
  for await (const record of opened.records) records.push(record);
  return records;
}

async function byBatch(sizes: readonly number[]): Promise<{ records: ExportRecord[]; batches: number }> {
  const opened = await openExport(chunked(utf8(TEXT), sizes), options);
  const records: ExportRecord[] = [];
  let batches = 0;
  for (let batch = await opened.nextBatch(); batch !== undefined; batch = await opened.nextBatch()) {
    expect(batch.length).toBeGreaterThan(0);
    batches++;
    records.push(...batch);
  }
  return { records, batches };
}

describe('OpenedExport.nextBatch', () => {
  it('gives the rows records gives, with their lines, a summary line between patients included', async () => {
    const { records } = await byBatch([TEXT.length]);
    expect(records).toEqual([
      { line: 2, cells: ['9990000018', 'Adams', 'two\nlines'] },
      { line: 5, cells: ['9990000026', 'Baker', 'plain'] },
      { line: 6, cells: ['Total', '2', ''] },
      { line: 7, cells: ['9990000034', 'Clark', 'a "quote"'] },
    ]);
  });

  it.each([
    { name: 'one byte at a time', sizes: [1] },
    { name: 'seven bytes at a time', sizes: [7] },
    { name: 'random chunk sizes', sizes: randomSizes(7, 200, 13) },
  ])('gives the same rows whatever the chunks ($name)', async ({ sizes }) => {
    expect((await byBatch(sizes)).records).toEqual(await byRecord([TEXT.length]));
  });

  it('needs fewer awaits than rows when a chunk holds several rows', async () => {
    const { records, batches } = await byBatch([TEXT.length]);
    expect(batches).toBeLessThan(records.length);
  });

  it('rejects with no_data_rows at the end when the header has no rows below it', async () => {
    const opened = await openExport(chunked(utf8('NHS Number,Surname\n\n')), options);
    const error = await opened.nextBatch().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExportFormatError);
    expect((error as ExportFormatError).reason).toBe('no_data_rows');
  });

  it('parses a large chunk a slice at a time: a batch per 64 KiB, every row and line kept', async () => {
    // 5,000 rows of ~30 bytes (~150 KB) arriving as one chunk: three 64 KiB slices of ~2,200 rows each.
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `99900000${String(i % 100).padStart(2, '0')},Zoë${i},"note\n${i}"`,
    );
    const text = `NHS Number,Surname,Note\n${rows.join('\n')}\n`;
    const opened = await openExport(chunked(utf8(text), [text.length * 2]), options);
    const sizes: number[] = [];
    const records: ExportRecord[] = [];
    for (let batch = await opened.nextBatch(); batch !== undefined; batch = await opened.nextBatch()) {
      sizes.push(batch.length);
      records.push(...batch);
    }
    expect(records).toHaveLength(5000);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThan(2400);
    expect(records[4999]).toEqual({ line: 2 + 2 * 4999, cells: ['9990000099', 'Zoë4999', 'note\n4999'] });
    expect(records.every((r, i) => r.cells[1] === `Zoë${i}` && r.line === 2 + 2 * i)).toBe(true);
  });
});
