/** Test helpers: read the sample files back the simple way (no pipeline code involved). */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';

/** UTF-8 (BOM dropped) when the bytes are valid UTF-8, else Windows-1252. */
export function decodeExport(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

export interface ExportTable {
  preambleLines: number;
  delimiter: string;
  header: string[];
  rows: string[][];
  trailer: string[][];
}

/** Skips the preamble (lines before the first mentioning "NHS"), sniffs the delimiter, splits off trailer lines. */
export function readExportTable(text: string): ExportTable {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => /nhs/i.test(line));
  if (headerIndex < 0) throw new Error('no header line mentioning NHS');
  const headerLine = lines[headerIndex] as string;
  const delimiter = [',', '\t', '|', ';'].reduce((best, candidate) =>
    headerLine.split(candidate).length > headerLine.split(best).length ? candidate : best,
  );
  const records: string[][] = parse(lines.slice(headerIndex).join('\n'), {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const [header = [], ...body] = records;
  const isTrailer = (row: string[]): boolean => /^(total|count)/i.test(row.find((f) => f.trim() !== '') ?? '');
  return {
    preambleLines: headerIndex,
    delimiter,
    header,
    rows: body.filter((row) => !isTrailer(row)),
    trailer: body.filter(isTrailer),
  };
}

/** The members of a zip archive, by name. */
export function unzipMembers(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const members = new Map<string, Uint8Array>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            members.set(entry.fileName, new Uint8Array(Buffer.concat(chunks)));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(members));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
