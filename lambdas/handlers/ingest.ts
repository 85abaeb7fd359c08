import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { loadPipelineConfig } from '../config';
import { errorFields } from '../logger';
import { type IngestOutcome, ingestExport } from '../pipeline/ingest-export';
import { cachedRuntime } from './runtime';
import { s3EventObjects } from './s3-event-keys';

/**
 * S3 ObjectCreated (via SQS) → ingest each export. A message whose export fails unexpectedly is
 * reported as a partial batch failure, so SQS retries it and, in the end, moves it to the DLQ.
 * Bad files are not failures: they are quarantined.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse & { outcomes: IngestOutcome[] }> {
  const { objects, table, logger, config, now } = cachedRuntime(loadPipelineConfig(process.env), 'pcm-reporter-ingest');
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  const outcomes: IngestOutcome[] = [];
  for (const record of event.Records) {
    try {
      for (const { bucket, key, etag } of s3EventObjects(record.body)) {
        const outcome = await ingestExport(
          { objects, snapshots: table, ledger: table, directory: table, config, logger, now },
          bucket,
          key,
          etag,
        );
        outcomes.push(outcome);
      }
    } catch (error) {
      logger.error('ingest failed; message will be retried', { messageId: record.messageId, ...errorFields(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures, outcomes };
}
