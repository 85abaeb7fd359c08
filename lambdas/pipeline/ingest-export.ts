import { mappingFingerprint } from '../core/fields/mapping-fingerprint';
import { londonDate } from '../core/period';
import { ExportRejectedError, type RejectionReason } from '../core/read/export-rejected-error';
import type { StoredObject } from '../ports';
import { ingestDelimited, type PracticeOutcome } from './ingest-delimited';
import type { IngestDeps } from './ingest-deps';
import { peekStream } from './peek-stream';
import { quarantineExport, quarantineKey } from './quarantine-export';
import type { SnapshotSource } from './save-snapshot';
import { markSourceFailures } from './source-failures';
import { isZip, ZipRejectedError, zipMembers } from './zip-members';

export interface IngestOutcome {
  /** The object key (and `!member` for a zip member). */
  file: string;
  status: 'ingested' | 'rejected' | 'already_ingested';
  practices: PracticeOutcome[];
  rejections: { file: string; reason: RejectionReason; message: string; hint: string; reference?: string }[];
}

/**
 * Ingests one export object: streams it, validates every row, and stores a snapshot per practice
 * and period with its gap list. A file that cannot be read is quarantined, never lost.
 * Idempotent on (bucket, key, etag) and the mappings it is read with: a redelivered event changes nothing, but
 * an export handled under another column or value mapping is read again (SPEC §2.3c).
 */
export async function ingestExport(
  deps: IngestDeps,
  bucket: string,
  key: string,
  eventEtag?: string,
): Promise<IngestOutcome> {
  const log = deps.logger.child({ file: key });
  const mappings = mappingFingerprint(deps.config.userMapping, deps.config.valueMapping);
  const handled = async (etag: string) => {
    const entry = await deps.ledger.getIngest(bucket, key, etag);
    return entry !== undefined && entry.mappings === mappings;
  };
  // A redelivered event for an export already handled (perhaps quarantined, so no longer at its key).
  if (eventEtag && (await handled(eventEtag))) {
    log.info('export already ingested; nothing to do');
    return { file: key, status: 'already_ingested', practices: [], rejections: [] };
  }
  let object: StoredObject;
  try {
    object = await deps.objects.get(bucket, key);
  } catch (error) {
    // Quarantined, but the ledger has no entry for this event (no eTag in the event, or the ledger write
    // failed after the landing copy was removed): the JSON report beside the kept file says it was handled.
    const report = `${quarantineKey(key)}.error.json`;
    if ((await deps.objects.list(bucket, report)).includes(report)) {
      log.info('export already quarantined; nothing to do');
      return { file: key, status: 'already_ingested', practices: [], rejections: [] };
    }
    throw error;
  }
  if (await handled(object.etag)) {
    destroy(object.body);
    log.info('export already ingested; nothing to do');
    return { file: key, status: 'already_ingested', practices: [], rejections: [] };
  }

  try {
    return await ingestObject(deps, bucket, key, object, mappings);
  } finally {
    // Whatever happened, the body is not left open: an undrained S3 body keeps its socket (and `run`) alive.
    destroy(object.body);
  }
}

async function ingestObject(
  deps: IngestDeps,
  bucket: string,
  key: string,
  object: StoredObject,
  mappings: ReturnType<typeof mappingFingerprint>,
): Promise<IngestOutcome> {
  const log = deps.logger.child({ file: key });
  const uploadDate = londonDate(object.lastModified);
  // Errors of the stream itself (a broken download) are retried; errors caused by its content are quarantined.
  const { head, body } = await peekStream(markSourceFailures(object.body), 4);
  const source: SnapshotSource = { bucket, key, etag: object.etag };
  const practices: PracticeOutcome[] = [];
  const rejections: IngestOutcome['rejections'] = [];

  const ingestText = async (text: AsyncIterable<Uint8Array>, names: string[], member?: string) => {
    const file = member ? `${key}!${member}` : key;
    try {
      practices.push(...(await ingestDelimited(deps, text, { ...source, member }, file, names, uploadDate)));
    } catch (error) {
      // A zip problem met while reading a member (a bomb, a corrupt entry) rejects the whole archive, below.
      if (!(error instanceof ExportRejectedError) || error instanceof ZipRejectedError) throw error;
      const { reason, message, hint, reference } = error;
      rejections.push({ file, reason, message, hint, ...(reference ? { reference } : {}) });
      log.warn('export rejected', { reason, member: member ? 'yes' : 'no', ...(reference ? { reference } : {}) });
    }
  };

  if (isZip(head)) {
    try {
      for await (const entry of zipMembers(body, deps.scratch)) {
        await ingestText(entry.body, [entry.name, key], entry.name);
      }
    } catch (error) {
      if (!(error instanceof ExportRejectedError)) throw error;
      rejections.push({ file: key, reason: error.reason, message: error.message, hint: error.hint });
    }
  } else {
    await ingestText(body, [key]);
  }

  if (rejections.length > 0) {
    await quarantineExport(deps, bucket, key, rejections);
  }
  const status = practices.length > 0 ? 'ingested' : 'rejected';
  await deps.ledger.putIngest({
    bucket,
    key,
    etag: object.etag,
    status,
    at: deps.now().toISOString(),
    periods: [...new Set(practices.map((p) => p.period))],
    practiceCodes: [...new Set(practices.map((p) => p.practiceCode))],
    ...(mappings && { mappings }),
  });
  log.info('export processed', {
    status,
    practices: practices.length,
    registered: practices.reduce((sum, p) => sum + p.registered, 0),
    rejectedFiles: rejections.length,
  });
  return { file: key, status, practices, rejections };
}

function destroy(body: AsyncIterable<Uint8Array>): void {
  (body as { destroy?: () => void }).destroy?.();
}
