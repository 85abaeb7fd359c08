import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeHeader } from '../../../../lambdas/core/fields/header-mapping';
import { type ExportRecord, openExport } from '../../../../lambdas/core/read/open-export';
import { type Dialect, writeDelimited } from '../../../support/delimited-writer';

/*
 * Property: whatever a careful CSV writer writes, in any dialect the SPEC supports (§2.2: comma,
 * tab, pipe or semicolon; CRLF or LF; quoted or not; UTF-8 with or without BOM, or Windows-1252),
 * and however the bytes are split into chunks, the reader gives back exactly the records written,
 * with the physical line each starts on. Seeded, so a failure replays.
 */

const SEED = 61026;

const HEADER_NAMES = [
  'Surname',
  'Forename',
  'Date of Birth',
  'Practice Code',
  'Preferred Contact Method',
  'Mobile',
  'Email',
  'SMS Consent',
  'QOF Registers',
  'Notes',
];

/**
 * Text a cell may hold: letters, digits, every delimiter, quotes, spaces and embedded line breaks (LF or
 * CRLF). A bare CR is left out: the reader drops a CR that ends a cell (so that a stray CR before a line
 * break never reaches a value), which would change a quoted cell ending in one; cells are trimmed anyway.
 */
const COMMON_UNITS = [
  'a',
  'Z',
  'é',
  'ë',
  'ñ',
  'ß',
  '0',
  '7',
  ' ',
  '  ',
  ',',
  ';',
  '|',
  '\t',
  '"',
  "'",
  '-',
  '/',
  '.',
  '@',
  '=',
  '\n',
  '\r\n',
];
/** Only in UTF-8 files: characters Windows-1252 cannot hold. */
const UTF8_ONLY_UNITS = ['Ł', 'ğ', 'Ω', '中', '😀', '€', '£', '’'];

/**
 * Windows-1252 files: the reader decodes each byte sequence that is valid UTF-8 as UTF-8 and every other
 * byte as Windows-1252 (it streams, so it cannot decide per file). A Windows-1252 file whose bytes happen
 * to form valid UTF-8 (`é£` is E9 A3 and would need one more continuation byte; `à££` is E0 A3 A3, which is
 * U+08E3) would be misread; no name or preference value looks like that, so such pairs are left out here.
 */
const cellText = (encoding: Dialect['encoding']) =>
  fc.string({
    unit: fc.constantFrom(...COMMON_UNITS, ...(encoding === 'utf-8' ? UTF8_ONLY_UNITS : [])),
    maxLength: 12,
  });

/** A first cell that makes the row a patient row: not blank, and not a "Total…"/"Count…" summary line. */
const firstCell = (encoding: Dialect['encoding']) =>
  cellText(encoding).filter((text) => text.trim() !== '' && !/^\s*(total|count)/i.test(text));

const dialect: fc.Arbitrary<Dialect> = fc
  .record({
    delimiter: fc.constantFrom(',' as const, '\t' as const, '|' as const, ';' as const),
    lineEnding: fc.constantFrom('\n' as const, '\r\n' as const),
    quoting: fc.constantFrom('minimal' as const, 'all' as const),
    encoding: fc.constantFrom('utf-8' as const, 'windows-1252' as const),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map((d) => ({ ...d, bom: d.encoding === 'utf-8' && d.bom }));

const exportFile = dialect.chain((d) =>
  fc.record({
    dialect: fc.constant(d),
    header: fc
      .shuffledSubarray(HEADER_NAMES, { minLength: 1, maxLength: 6 })
      .chain((names) => fc.shuffledSubarray(['NHS Number', ...names], { minLength: names.length + 1 })),
    preamble: fc.array(
      fc.string({ unit: fc.constantFrom('R', 'e', 'p', 'o', 't', ' ', ':', '2', '0', '-'), minLength: 1 }),
      {
        maxLength: 3,
      },
    ),
    rows: fc.array(
      fc
        .tuple(firstCell(d.encoding), fc.array(cellText(d.encoding), { maxLength: 8 }))
        .map(([first, rest]) => [first, ...rest]),
      { minLength: 1, maxLength: 25 },
    ),
    chunkSizes: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
  }),
);

/** Feeds the bytes in chunks of the given sizes, cycling, as a network stream would. */
async function* chunked(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let i = 0;
  for (let at = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] as number;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function readAll(bytes: Uint8Array, sizes: readonly number[]) {
  const opened = await openExport(chunked(bytes, sizes), {
    isHeader: (cells) => looksLikeHeader(cells),
    describeExpected: 'an NHS number column',
  });
  const records: ExportRecord[] = [];
  for await (const record of opened.records) records.push(record);
  return { opened, records };
}

/** The file as a writer produces it: preamble lines, the header, then the rows. */
function fileBytes(input: { dialect: Dialect; header: string[]; preamble: string[]; rows: string[][] }): Buffer {
  const preamble = input.preamble.filter((line) => line.trim() !== '').map((line) => [line]);
  return writeDelimited([...preamble, input.header, ...input.rows], input.dialect);
}

describe('reader properties', () => {
  it('reads back exactly the records any supported dialect wrote, whatever the chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(exportFile, async (input) => {
        const { opened, records } = await readAll(fileBytes(input), input.chunkSizes);
        expect(opened.header).toEqual(input.header);
        expect(opened.delimiter).toBe(input.dialect.delimiter);
        expect(records.map((r) => r.cells)).toEqual(input.rows);
        expect(opened.stats().dataRows).toBe(input.rows.length);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('gives each record the physical line it starts on, counting line breaks inside quoted cells', async () => {
    await fc.assert(
      fc.asyncProperty(exportFile, async (input) => {
        const { opened, records } = await readAll(fileBytes(input), input.chunkSizes);
        const preambleLines = input.preamble.filter((line) => line.trim() !== '').length;
        expect(opened.headerLine).toBe(preambleLines + 1);
        expect(opened.preambleLines).toBe(preambleLines);
        let line = preambleLines + 2;
        const expected: number[] = [];
        for (const row of input.rows) {
          expected.push(line);
          line += 1 + row.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
        }
        expect(records.map((r) => r.line)).toEqual(expected);
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it('reports Windows-1252 only for files that are not valid UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(exportFile, async (input) => {
        const bytes = fileBytes(input);
        const { opened } = await readAll(bytes, input.chunkSizes);
        const ascii = bytes.every((b) => b < 0x80);
        expect(opened.encoding).toBe(input.dialect.encoding === 'windows-1252' && !ascii ? 'windows-1252' : 'utf-8');
      }),
      { seed: SEED + 2, numRuns: 200 },
    );
  });

  it.each([
    { name: 'a Windows-1252 pound sign and curly apostrophe', text: '£5 O’Brien', encoding: 'windows-1252' as const },
    { name: 'a UTF-8 pound sign and curly apostrophe', text: '£5 O’Brien', encoding: 'utf-8' as const },
  ])('reads $name without mojibake', async ({ text, encoding }) => {
    const bytes = writeDelimited(
      [
        ['NHS Number', 'Surname'],
        ['9990002002', text],
      ],
      { encoding },
    );
    const { records } = await readAll(bytes, [7]);
    expect(records.map((r) => r.cells)).toEqual([['9990002002', text]]);
  });
});
