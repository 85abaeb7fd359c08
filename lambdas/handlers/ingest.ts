import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { errorFields } from '../logger';
import { type IngestOutcome, ingestExport } from '../pipeline/ingest-export';
import { onFirstInvocation } from './on-first-invocation';
import type { Runtime } from './runtime';
import { runtimeFromEnvironment } from './runtime-from-environment';
import { s3EventObjects } from './s3-event-keys';

export type IngestHandlerResult = SQSBatchResponse & { outcomes: IngestOutcome[] };

/**
 * S3 ObjectCreated (via SQS) → ingest each export. A message whose export fails unexpectedly is
 * reported as a partial batch failure, so SQS retries it and, in the end, moves it to the DLQ.
 * Bad files are not failures: they are quarantined.
 */
export function createIngestHandler(runtime: Runtime): (event: SQSEvent) => Promise<IngestHandlerResult> {
  const { objects, table, scratch, logger, config, now } = runtime;
  const deps = { objects, snapshots: table, ledger: table, directory: table, scratch, config, logger, now };
  return async (event) => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    const outcomes: IngestOutcome[] = [];
    for (const record of event.Records) {
      let current: { bucket?: string; key?: string } = {};
      try {
        for (const { bucket, key, etag } of s3EventObjects(record.body)) {
          current = { bucket, key };
          outcomes.push(await ingestExport(deps, bucket, key, etag));
        }
      } catch (error) {
        // Object keys are file names chosen by the ICB, never patient data: the on-call engineer needs them.
        logger.error('ingest failed; message will be retried', {
          messageId: record.messageId,
          ...current,
          ...errorFields(error),
        });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures, outcomes };
  };
}

/** The Lambda entry. */
export const handler = onFirstInvocation(() =>
  createIngestHandler(runtimeFromEnvironment(process.env, 'pcm-reporter-ingest')),
);
