import { describe, expect, it } from 'vitest';
import { ExportRejectedError } from '../../../lambdas/core/read/export-rejected-error';
import { createLogger } from '../../../lambdas/logger';
import { assertItemSize, MAX_ITEM_BYTES } from '../../../lambdas/pipeline/assert-item-size';
import { contentPhase } from '../../../lambdas/pipeline/content-failure';
import { markSourceFailures } from '../../../lambdas/pipeline/source-failures';

function logged() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ service: 'test', level: 'debug', sink: (line) => lines.push(line) }) };
}

async function* brokenDownload(): AsyncGenerator<Uint8Array> {
  yield Buffer.from('NHS Number\n');
  throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

describe('contentPhase', () => {
  it('turns a fault of the code reading the file into internal_error, with a reference in the log line', async () => {
    const { lines, logger } = logged();
    const error = await contentPhase(logger, 'exports/a.csv', async () => {
      throw new TypeError("Cannot read properties of undefined (reading '9990000018')");
    }).catch((e: unknown) => e as ExportRejectedError);
    expect(error).toBeInstanceOf(ExportRejectedError);
    expect(error.reason).toBe('internal_error');
    expect(error.message).toBe(
      `The file could not be processed because of an internal error. Reference ${error.reference}.`,
    );
    const line = JSON.parse(lines.at(-1) as string);
    expect(line).toMatchObject({
      level: 'error',
      file: 'exports/a.csv',
      reference: error.reference,
      error: 'TypeError',
    });
    // The fault's own message might quote the file: it is not logged.
    expect(lines.join('\n')).not.toContain('9990000018');
  });

  it('says which limit a file broke, e.g. the stored item size', async () => {
    const { logger } = logged();
    const error = (await contentPhase(logger, 'exports/a.csv', async () =>
      assertItemSize({ values: 'x'.repeat(MAX_ITEM_BYTES) }, 'The snapshot for A81001'),
    ).catch((e: unknown) => e)) as ExportRejectedError;
    expect(error.reason).toBe('internal_error');
    expect(error.message).toMatch(
      new RegExp(
        `^The snapshot for A81001 would be ${MAX_ITEM_BYTES + 13} bytes, over the ${MAX_ITEM_BYTES}-byte limit`,
      ),
    );
  });

  it('passes a rejection on unchanged', async () => {
    const rejection = new ExportRejectedError('no_header', 'No header.', 'Add one.');
    await expect(contentPhase(logged().logger, 'f', () => Promise.reject(rejection))).rejects.toBe(rejection);
  });

  it('passes a broken download on unchanged, so that it is retried rather than quarantined', async () => {
    const body = markSourceFailures(brokenDownload());
    const failure = contentPhase(logged().logger, 'f', async () => {
      for await (const _ of body) {
        // read to the end
      }
    });
    await expect(failure).rejects.toMatchObject({ message: 'socket hang up', code: 'ECONNRESET' });
  });
});
