import { randomBytes } from 'node:crypto';
import { ExportRejectedError } from '../core/read/export-rejected-error';
import type { Logger } from '../logger';
import { isSourceFailure } from './source-failures';

/** A limit the file's content broke on the way to being stored (e.g. DynamoDB's item size). */
export class ContentLimitError extends Error {
  override readonly name = 'ContentLimitError';
}

/**
 * Runs the part of an ingest that depends only on the file's content (reading, counting, building the items to
 * store), before anything is written. A failure there recurs on every retry, so it quarantines the file
 * (`internal_error`) with a random reference in the error JSON and the log line, and the run goes on with the
 * other files. A rejection, or a failure of the source stream (a broken download), is passed on unchanged:
 * the first is quarantined as it says, the second retried.
 */
export async function contentPhase<T>(logger: Logger, file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExportRejectedError || isSourceFailure(error)) throw error;
    throw internalError(logger, file, error);
  }
}

function internalError(logger: Logger, file: string, error: unknown): ExportRejectedError {
  const reference = randomBytes(6).toString('hex');
  const limit = error instanceof ContentLimitError;
  // The name only, and the message of our own limit errors: a parser's message could quote the file.
  logger.error('export failed on its content; quarantined', {
    file,
    reference,
    error: error instanceof Error ? error.name : typeof error,
    ...(limit ? { errorMessage: error.message } : {}),
  });
  return new ExportRejectedError(
    'internal_error',
    `${limit ? error.message : 'The file could not be processed because of an internal error.'} ` +
      `Reference ${reference}.`,
    `Give the ICB's data team the reference ${reference} (it is in the log); retrying the same file fails the ` +
      'same way. The other files of the run were not affected.',
    { cause: error },
  ).withReference(reference);
}
