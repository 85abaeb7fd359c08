import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';

export type StreamingWorkbook = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

/**
 * Builds a workbook with exceljs's streaming writer and returns its bytes.
 *
 * Trade-off: the streaming writer compresses each row into the zip as soon as it is committed, so
 * memory holds the compressed output and the shared-string table instead of an object per cell
 * (a 10,000-patient gap list would otherwise need tens of MB while it is built, for every practice
 * the benchmark renders). In exchange, rows must be written top to bottom and committed, and a
 * sheet must be finished (`commit()`) before the next one is started. The bytes are still collected
 * into one Buffer, which is what the ObjectStore port and the email attachment take.
 */
export async function streamWorkbook(build: (workbook: StreamingWorkbook) => void | Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
  });
  // Shared strings: smaller files, and every text is written as a string cell, never a formula.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  try {
    await build(workbook);
    await workbook.commit();
    await finished(stream);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return Buffer.concat(chunks);
}
