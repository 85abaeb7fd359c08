import { createReadStream } from 'node:fs';
import { Parser } from 'csv-parse';

/**
 * How the floor drives csv-parse: as a stream (`Parser` piped from the file, records read as they come),
 * or through the parser under the stream (`Parser.api.parse`, chunk by chunk with a callback per record:
 * what csv-parse/sync does, and what the pipeline's ExportRecords uses).
 */
export type FloorMode = 'stream' | 'api';

/**
 * The parse floor: one bare csv-parse pass over an export, records as arrays, nothing else (no
 * decoding checks, mapping, validation or counting beyond the number of records). Whatever the
 * pipeline does per row comes on top of this; its ratio to this pass is the benchmark's yardstick.
 * `chunkBytes` is the read size (csv-parse is fed whole chunks).
 */
export async function parseFloor(
  path: string,
  chunkBytes: number,
  mode: FloorMode = 'stream',
): Promise<{ records: number }> {
  return mode === 'api' ? parseWithApi(path, chunkBytes) : parseAsStream(path, chunkBytes);
}

async function parseAsStream(path: string, chunkBytes: number): Promise<{ records: number }> {
  let records = 0;
  const parser = new Parser({ delimiter: ',' });
  await new Promise<void>((resolve, reject) => {
    parser.on('readable', () => {
      while (parser.read() !== null) records++;
    });
    parser.on('end', resolve);
    parser.on('error', reject);
    const input = createReadStream(path, { highWaterMark: chunkBytes });
    input.on('error', reject);
    input.pipe(parser);
  });
  return { records };
}

interface CsvParserApi {
  parse(chunk: Buffer | undefined, end: boolean, push: (cells: string[]) => void, close: () => void): Error | undefined;
}

async function parseWithApi(path: string, chunkBytes: number): Promise<{ records: number }> {
  let records = 0;
  const api = (new Parser({ delimiter: ',' }) as unknown as { api: CsvParserApi }).api;
  const push = () => {
    records++;
  };
  const close = () => {};
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const error = api.parse(chunk as Buffer, false, push, close);
    if (error !== undefined) throw error;
  }
  const error = api.parse(undefined, true, push, close);
  if (error !== undefined) throw error;
  return { records };
}
