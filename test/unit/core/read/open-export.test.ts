import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  ExportFormatError,
  type ExportRecord,
  type OpenedExport,
  openExport,
} from '../../../../lambdas/core/read/open-export';
import { bytesOf, chunked, randomSizes, utf8 } from './byte-source';

const HEADER_NAMES = new Set(['nhsnumber', 'nhsno']);
const options = {
  isHeader: (cells: readonly string[]) => cells.some((cell) => HEADER_NAMES.has(cell.toLowerCase().replace(/ /g, ''))),
  describeExpected: 'NHS number ("NHS Number", "NHS No")',
};

interface ReadResult {
  encoding: OpenedExport['encoding'];
  delimiter: OpenedExport['delimiter'];
  header: string[];
  headerLine: number;
  preambleLines: number;
  records: ExportRecord[];
  stats: ReturnType<OpenedExport['stats']>;
}

/** Opens the bytes (in the given chunk sizes) and reads every record. */
async function readAll(
  bytes: Uint8Array,
  sizes?: readonly number[],
  extra: { maxPreambleLines?: number } = {},
): Promise<ReadResult> {
  const opened = await openExport(chunked(bytes, sizes), { ...options, ...extra });
  const records: ExportRecord[] = [];
  for await (const record of opened.records) records.push(record);
  const { encoding, delimiter, header, headerLine, preambleLines } = opened;
  return { encoding, delimiter, header, headerLine, preambleLines, records, stats: opened.stats() };
}

/** The error `readAll` fails with (opening or iterating), or undefined. */
async function failure(bytes: Uint8Array, sizes?: readonly number[], extra = {}): Promise<ExportFormatError> {
  const error = await readAll(bytes, sizes, extra).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExportFormatError);
  return error as ExportFormatError;
}

describe('openExport: encodings', () => {
  const text = 'NHS Number,Surname,Forename,Note\n9990000018,Brontë,Zoë,£5 – O’Neill’s café\n';
  const row = ['9990000018', 'Brontë', 'Zoë', '£5 – O’Neill’s café'];

  it.each([
    { name: 'UTF-8', bytes: utf8(text), encoding: 'utf-8' },
    { name: 'UTF-8 with a BOM', bytes: bytesOf([0xef, 0xbb, 0xbf], text), encoding: 'utf-8' },
    { name: 'Windows-1252', bytes: new Uint8Array(iconv.encode(text, 'win1252')), encoding: 'windows-1252' },
  ])('reads $name without mojibake', async ({ bytes, encoding }) => {
    const result = await readAll(bytes);
    expect(result.encoding).toBe(encoding);
    expect(result.header).toEqual(['NHS Number', 'Surname', 'Forename', 'Note']);
    expect(result.records).toEqual([{ line: 2, cells: row }]);
  });

  it.each([
    { name: 'UTF-16LE with a BOM', bytes: new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true })) },
    { name: 'UTF-16BE with a BOM', bytes: new Uint8Array(iconv.encode(text, 'utf-16be', { addBOM: true })) },
    { name: 'UTF-16LE without a BOM', bytes: new Uint8Array(iconv.encode(text, 'utf-16le')) },
  ])('rejects $name as an unsupported encoding, with a hint to save as UTF-8', async ({ bytes }) => {
    const error = await failure(bytes);
    expect(error.reason).toBe('unsupported_encoding');
    expect(error.hint).toContain('UTF-8');
  });

  it('reads a file that mixes UTF-8 and Windows-1252 bytes', async () => {
    const bytes = bytesOf('NHS Number,Surname\n9990000018,Zoë\n9990000026,Caf', [0xe9], '\n');
    const result = await readAll(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.records.map((r) => r.cells[1])).toEqual(['Zoë', 'Café']);
  });

  it('reports Windows-1252 once a late row with a Windows-1252 byte has been read', async () => {
    const rows = Array.from({ length: 2000 }, () => '9990000018,Smith\n').join('');
    const bytes = bytesOf('NHS Number,Surname\n', rows, '9990000026,Caf', [0xe9], '\n');
    const opened = await openExport(chunked(bytes, [1024]), options);
    expect(opened.encoding).toBe('utf-8');
    const records: ExportRecord[] = [];
    for await (const record of opened.records) records.push(record);
    expect(opened.encoding).toBe('windows-1252');
    expect(records.at(-1)).toEqual({ line: 2002, cells: ['9990000026', 'Café'] });
  });

  it('rejects a byte that is neither UTF-8 nor Windows-1252', async () => {
    const error = await failure(bytesOf('NHS Number,Surname\n9990000018,Sm', [0x81], 'th\n'));
    expect(error.reason).toBe('unsupported_encoding');
    expect(error.message).toContain('0x81 at byte offset 32');
  });
});

describe('openExport: delimiters', () => {
  it.each([
    { name: 'comma', delimiter: ',' },
    { name: 'tab', delimiter: '\t' },
    { name: 'pipe', delimiter: '|' },
    { name: 'semicolon', delimiter: ';' },
  ] as const)('sniffs a $name-separated export from its header', async ({ delimiter }) => {
    const d = delimiter;
    const text = `NHS Number${d}Surname${d}Note\n9990000018${d}Smith${d}"a${d}b"\n9990000026${d}Jones${d}\n`;
    const result = await readAll(utf8(text));
    expect(result.delimiter).toBe(delimiter);
    expect(result.header).toEqual(['NHS Number', 'Surname', 'Note']);
    expect(result.records).toEqual([
      { line: 2, cells: ['9990000018', 'Smith', `a${d}b`] },
      { line: 3, cells: ['9990000026', 'Jones', ''] },
    ]);
  });

  it('finds a semicolon-separated header that also contains commas', async () => {
    const result = await readAll(utf8('NHS No;Surname, Forename;DOB\n9990000018;Smith, Jo;01/02/1960\n'));
    expect(result.delimiter).toBe(';');
    expect(result.header).toEqual(['NHS No', 'Surname, Forename', 'DOB']);
    expect(result.records).toEqual([{ line: 2, cells: ['9990000018', 'Smith, Jo', '01/02/1960'] }]);
  });
});

describe('openExport: preamble and header', () => {
  const emis = [
    '"Patients without a recorded communication preference"',
    'Run date: 01/02/2026 09:30',
    '',
    'Population: All currently registered patients',
    '"NHS Number","Surname","Date of Birth"',
    '9990000018,"Smith",01/02/1960',
    '',
  ].join('\r\n');

  it('skips EMIS-style title and run-date lines above the header and counts them', async () => {
    const result = await readAll(utf8(emis));
    expect(result).toMatchObject({ headerLine: 5, preambleLines: 3, delimiter: ',' });
    expect(result.header).toEqual(['NHS Number', 'Surname', 'Date of Birth']);
    expect(result.records).toEqual([{ line: 6, cells: ['9990000018', 'Smith', '01/02/1960'] }]);
  });

  it('gives up when the header is not among the first maxPreambleLines non-empty lines', async () => {
    const error = await failure(utf8(emis), undefined, { maxPreambleLines: 3 });
    expect(error.reason).toBe('no_header');
    expect(error.message).toContain('No NHS number column was found in the first 4 lines');
    expect(error.hint).toContain('NHS number ("NHS Number", "NHS No")');
    expect(error.hint).toContain('mapping file');
  });

  it('finds the header when it is the last line allowed', async () => {
    const result = await readAll(utf8(emis), undefined, { maxPreambleLines: 4 });
    expect(result.headerLine).toBe(5);
  });

  it('rejects a file with no header at all', async () => {
    const error = await failure(utf8('Surname,Forename\nSmith,Jo\n'));
    expect(error.reason).toBe('no_header');
    expect(error.message).toContain('in the first 2 lines');
  });

  it('rejects a file whose first line is over 1 MiB long without a header', async () => {
    const error = await failure(utf8('x'.repeat(1_200_000)), [64 * 1024]);
    expect(error.reason).toBe('no_header');
    expect(error.message).toContain('line 1 is longer than');
  });

  it('finds a header that starts beyond the first 8 KB', async () => {
    const preamble = `${'Report notes '.repeat(100)}\n`.repeat(10);
    const result = await readAll(utf8(`${preamble}NHS Number\n9990000018\n`), [4096]);
    expect(result).toMatchObject({ headerLine: 11, preambleLines: 10 });
    expect(result.records).toEqual([{ line: 12, cells: ['9990000018'] }]);
  });
});

describe('openExport: line endings, quoting and line numbers', () => {
  it.each([
    { name: 'LF', eol: '\n' },
    { name: 'CRLF', eol: '\r\n' },
  ])('reads $name line endings with no carriage returns left in cells', async ({ eol }) => {
    const text = ['NHS Number,Surname', '9990000018,Smith', '', '9990000026,Jones', ''].join(eol);
    const result = await readAll(utf8(text));
    expect(result.records).toEqual([
      { line: 2, cells: ['9990000018', 'Smith'] },
      { line: 4, cells: ['9990000026', 'Jones'] },
    ]);
  });

  it('reads a file that mixes LF and CRLF', async () => {
    const result = await readAll(
      utf8('NHS Number,Surname\n9990000018,Smith\r\n9990000026,Jones\n9990000034,Brown\r\n'),
    );
    expect(result.records.map((r) => r.cells)).toEqual([
      ['9990000018', 'Smith'],
      ['9990000026', 'Jones'],
      ['9990000034', 'Brown'],
    ]);
  });

  it('keeps line numbers right across quoted delimiters, quotes and newlines', async () => {
    const text = [
      'NHS Number,Surname,Address,Note', // 1
      '9990000018,"Smith, Jo","1 High St\nLeeds","said ""hi"""', // 2-3
      '9990000026,Jones,"A\r\nB\r\nC",x', // 4-6 (embedded CRLF)
      '', // 7
      '   ', // 8: whitespace only, skipped
      ',,,', // 9: every cell empty, skipped
      '9990000034,Brown,,', // 10
      '9990000042,"Green', // 11-12: newline inside a quoted surname
      '",,"last"', // 12
    ].join('\n');
    const result = await readAll(utf8(text));
    expect(result.records).toEqual([
      { line: 2, cells: ['9990000018', 'Smith, Jo', '1 High St\nLeeds', 'said "hi"'] },
      { line: 4, cells: ['9990000026', 'Jones', 'A\r\nB\r\nC', 'x'] },
      { line: 10, cells: ['9990000034', 'Brown', '', ''] },
      { line: 11, cells: ['9990000042', 'Green\n', '', 'last'] },
    ]);
  });

  it('numbers the first row right when empty lines follow the header', async () => {
    const result = await readAll(utf8('NHS Number,Surname\n\n\n9990000018,Smith\n\n9990000026,Jones'));
    expect(result.records).toEqual([
      { line: 4, cells: ['9990000018', 'Smith'] },
      { line: 6, cells: ['9990000026', 'Jones'] },
    ]);
  });

  it('rejects old Mac line endings (carriage returns alone) with a clear message', async () => {
    const error = await failure(utf8('NHS Number,Surname\r9990000018,Smith\r'));
    expect(error.reason).toBe('malformed_csv');
    expect(error.message).toContain('carriage returns alone');
  });

  it('keeps a quote inside an unquoted field as written', async () => {
    const result = await readAll(utf8('NHS Number,Note\n9990000018,5" tall\n'));
    expect(result.records).toEqual([{ line: 2, cells: ['9990000018', '5" tall'] }]);
  });

  it('leaves surrounding spaces in cells for the caller to trim', async () => {
    const result = await readAll(utf8('NHS Number , Surname\n 9990000018 , Smith \n'));
    expect(result.header).toEqual(['NHS Number', 'Surname']);
    expect(result.records).toEqual([{ line: 2, cells: [' 9990000018 ', ' Smith '] }]);
  });

  it('counts rows with more or fewer cells than the header', async () => {
    const text =
      'NHS Number,Surname,DOB\n9990000018,Smith\n9990000026,Jones,01/02/1960\n9990000034,Brown,01/02/1960,x\n';
    const result = await readAll(utf8(text));
    expect(result.records.map((r) => r.cells.length)).toEqual([2, 3, 4]);
    expect(result.stats).toEqual({ trailingSummaryLines: 0, raggedRows: 2, dataRows: 3 });
  });
});

describe('openExport: trailing summary lines', () => {
  const header = 'NHS Number,Surname\n9990000018,Smith\n9990000026,Jones\n';

  it.each([
    { name: 'a Total line', tail: 'Total,2\n', trailing: 1 },
    { name: 'a lower-case count line', tail: 'count of patients: 2\n', trailing: 1 },
    { name: 'a Total line whose first cells are empty', tail: ',,Total patients,2\n', trailing: 1 },
    { name: 'a Total and a Count line with a blank line between', tail: 'TOTAL,2\n\n  Count,2\n', trailing: 2 },
    { name: 'a quoted Total line', tail: '"Total: 2 patients"\n', trailing: 1 },
  ])('counts $name at the end and never yields it', async ({ tail, trailing }) => {
    const result = await readAll(utf8(header + tail));
    expect(result.records).toEqual([
      { line: 2, cells: ['9990000018', 'Smith'] },
      { line: 3, cells: ['9990000026', 'Jones'] },
    ]);
    expect(result.stats).toEqual({ trailingSummaryLines: trailing, raggedRows: 0, dataRows: 2 });
  });

  it('yields Total and Count lines in order when a patient row follows them', async () => {
    const text = 'NHS Number,Surname\n9990000018,Smith\nTotalcare,Ltd\nCount,x\n9990000026,Jones\nTotal,3\n';
    const result = await readAll(utf8(text));
    expect(result.records).toEqual([
      { line: 2, cells: ['9990000018', 'Smith'] },
      { line: 3, cells: ['Totalcare', 'Ltd'] },
      { line: 4, cells: ['Count', 'x'] },
      { line: 5, cells: ['9990000026', 'Jones'] },
    ]);
    expect(result.stats).toEqual({ trailingSummaryLines: 1, raggedRows: 0, dataRows: 4 });
  });

  it('does not treat a row starting with a shorter word as a summary', async () => {
    const result = await readAll(utf8('NHS Number,Surname\n9990000018,Smith\nTot,x\n'));
    expect(result.records.map((r) => r.cells[0])).toEqual(['9990000018', 'Tot']);
    expect(result.stats.trailingSummaryLines).toBe(0);
  });
});

describe('openExport: files that cannot be read', () => {
  it.each([
    { name: 'an empty file', bytes: new Uint8Array(0) },
    { name: 'a file of blank lines', bytes: utf8('\r\n  \n\t\n') },
    { name: 'a file holding only a BOM', bytes: bytesOf([0xef, 0xbb, 0xbf]) },
  ])('rejects $name as empty', async ({ bytes }) => {
    const error = await failure(bytes);
    expect(error.reason).toBe('empty_file');
  });

  it.each([
    { name: 'a header only', text: 'NHS Number,Surname\n' },
    { name: 'a header without a final newline', text: 'NHS Number,Surname' },
    { name: 'a header and blank lines', text: 'NHS Number,Surname\n\n,\n' },
    { name: 'a header and a Total line', text: 'NHS Number,Surname\nTotal,0\n' },
  ])('rejects $name with no_data_rows when the records run out', async ({ text }) => {
    const opened = await openExport(chunked(utf8(text)), options);
    expect(opened.headerLine).toBe(1);
    const iterator = opened.records[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({
      reason: 'no_data_rows',
      message: 'The export has a header on line 1 but no patient rows below it.',
    });
  });

  it.each([
    { name: 'an Excel workbook', bytes: bytesOf([0x50, 0x4b, 0x03, 0x04], 'xl/workbook.xml'), says: 'Excel' },
    { name: 'a PDF', bytes: bytesOf('%PDF-1.4\n%âãÏÓ\n'), says: 'PDF' },
    {
      name: 'a PNG image',
      bytes: bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      says: 'PNG',
    },
    { name: 'binary data', bytes: bytesOf('NHS Number\n', [0, 0, 0, 7, 0xff, 0x10]), says: 'binary data' },
  ])('rejects $name as not text', async ({ bytes, says }) => {
    const error = await failure(bytes);
    expect(error.reason).toBe('not_text');
    expect(error.message).toContain(says);
  });

  it('rejects an unterminated quote with its line and code but none of its content', async () => {
    const text = 'NHS Number,Surname\n9990000018,Smith\n9990000026,"Secret Surname\n9990000034,Hidden\n';
    const opened = await openExport(chunked(utf8(text)), options);
    const seen: ExportRecord[] = [];
    const error = await (async () => {
      for await (const record of opened.records) seen.push(record);
    })().then(
      () => undefined,
      (e: unknown) => e as ExportFormatError,
    );
    expect(seen).toEqual([{ line: 2, cells: ['9990000018', 'Smith'] }]);
    expect(error).toBeInstanceOf(ExportFormatError);
    expect(error?.reason).toBe('malformed_csv');
    expect(error?.message).toBe(
      'The record starting on line 3 cannot be read as comma-separated text: a quoted field is never closed ' +
        '(CSV_QUOTE_NOT_CLOSED).',
    );
    for (const secret of ['Secret', 'Hidden', '9990000026', '9990000034', 'Smith']) {
      expect(`${error?.message} ${error?.hint}`).not.toContain(secret);
    }
  });
});

describe('openExport: chunk boundaries', () => {
  // Preamble, BOM, multi-byte UTF-8 and Windows-1252 bytes, quoted newlines, CRLF, blank lines, a trailing Total.
  const bytes = bytesOf(
    [0xef, 0xbb, 0xbf],
    'Practice report\r\nRun date: 01/02/2026\r\n\r\n',
    'NHS Number\tSurname\tNote\r\n',
    '9990000018\tBrontë\t"two\r\nlines"\r\n',
    '\r\n',
    '9990000026\tCaf',
    [0xe9],
    '\t"say ""hi"""\r\n',
    '9990000034\tO’Neill\t😀\r\n',
    'Total\t3\r\n',
  );
  const expected: ReadResult = {
    encoding: 'windows-1252',
    delimiter: '\t',
    header: ['NHS Number', 'Surname', 'Note'],
    headerLine: 4,
    preambleLines: 2,
    records: [
      { line: 5, cells: ['9990000018', 'Brontë', 'two\r\nlines'] },
      { line: 8, cells: ['9990000026', 'Café', 'say "hi"'] },
      { line: 9, cells: ['9990000034', 'O’Neill', '😀'] },
    ],
    stats: { trailingSummaryLines: 1, raggedRows: 0, dataRows: 3 },
  };

  it.each([
    { name: 'in one chunk', sizes: undefined },
    { name: 'one byte at a time', sizes: [1] },
    { name: 'two bytes at a time', sizes: [2] },
    { name: 'three bytes at a time', sizes: [3] },
    { name: 'in random chunk sizes (seed 1)', sizes: randomSizes(1, 200, 7) },
    { name: 'in random chunk sizes (seed 2)', sizes: randomSizes(2, 200, 31) },
    { name: 'in random chunk sizes (seed 3)', sizes: randomSizes(3, 200, 97) },
  ])('gives the same result read $name', async ({ sizes }) => {
    expect(await readAll(bytes, sizes)).toEqual(expected);
  });

  it('gives the same line numbers for a long file in random chunk sizes', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `9990000018,"Row ${i}\nsecond line"\n`).join('');
    const result = await readAll(utf8(`NHS Number,Note\n${rows}`), randomSizes(4, 10_000, 4096));
    expect(result.records).toHaveLength(3000);
    expect(result.records[0]).toEqual({ line: 2, cells: ['9990000018', 'Row 0\nsecond line'] });
    expect(result.records[2999]).toEqual({ line: 6000, cells: ['9990000018', 'Row 2999\nsecond line'] });
  });
});

describe('openExport: streaming', () => {
  it('yields the first records before the source has been read to the end', async () => {
    let chunksRead = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      yield utf8('NHS Number,Surname\n');
      for (let i = 0; i < 1000; i++) {
        chunksRead++;
        yield utf8('9990000018,Smith\n'.repeat(100));
      }
    }
    const opened = await openExport(source(), options);
    for await (const record of opened.records) {
      expect(record).toEqual({ line: 2, cells: ['9990000018', 'Smith'] });
      break;
    }
    expect(chunksRead).toBeLessThan(10);
  });

  it('closes the source when the reader stops early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield utf8('NHS Number,Surname\n');
        for (;;) yield utf8('9990000018,Smith\n'.repeat(1000));
      } finally {
        closed = true;
      }
    }
    const opened = await openExport(source(), options);
    for await (const _record of opened.records) break;
    expect(closed).toBe(true);
  });

  it('closes the source when the file is rejected', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield bytesOf('%PDF-1.4\n');
        for (;;) yield new Uint8Array(8192);
      } finally {
        closed = true;
      }
    }
    await expect(openExport(source(), options)).rejects.toMatchObject({ reason: 'not_text' });
    expect(closed).toBe(true);
  });
});
