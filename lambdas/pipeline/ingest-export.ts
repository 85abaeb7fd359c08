import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineConfig } from '../config';
import { FIELD_LABELS, REQUIRED_FIELDS } from '../core/fields/field-aliases';
import {
  describeExpectedColumns,
  type HeaderMapping,
  looksLikeHeader,
  mapHeader,
  missingRequired,
} from '../core/fields/header-mapping';
import { londonDate, periodOf } from '../core/period';
import { quoteInputTexts } from '../core/privacy/quote-input-texts';
import { ExportFormatError, type ExportRecord, type OpenedExport, openExport } from '../core/read/open-export';
import type { IngestedFileNote } from '../core/report/period-report';
import { type RowContext, rowLayout } from '../core/tally/interpret-row';
import { PracticeTally } from '../core/tally/practice-tally';
import { RowInterpreter } from '../core/tally/row-interpreter';
import type { SpillExtent, SpillFile } from '../core/tally/spill-file';
import { findPracticeCodeInKey } from '../core/values/ods-code';
import { findDateInKey } from '../core/values/uk-date';
import { ExportRejectedError } from '../errors';
import type { Logger } from '../logger';
import type { DirectoryStore, LedgerStore, ObjectStore, SnapshotStore, StoredObject } from '../ports';
import type { GapListWorker } from '../render/gap-list/gap-list-worker';
import { peekStream } from './peek-stream';
import { quarantineExport, quarantineKey } from './quarantine-export';
import { practiceSnapshot, type SnapshotSource } from './save-snapshot';
import { storePractices } from './store-practices';
import { isZip, ZipRejectedError, zipMembers } from './zip-members';

export interface IngestDeps {
  objects: ObjectStore;
  snapshots: SnapshotStore;
  ledger: LedgerStore;
  directory: DirectoryStore;
  config: Pick<
    PipelineConfig,
    'reportsBucket' | 'icbName' | 'assumptions' | 'suppressSmallNumbers' | 'tmpDir' | 'userMapping'
  >;
  logger: Logger;
  now: () => Date;
  /**
   * Renders gap list workbooks on a second thread while this one renders another practice's, for
   * multi-practice exports on machines with two or more cores. Without it everything runs in this thread.
   */
  gapListWorker?: GapListWorker;
}

export interface PracticeOutcome {
  practiceCode: string;
  period: string;
  registered: number;
  snapshot: 'written' | 'superseded';
}

export interface IngestOutcome {
  /** The object key (and `!member` for a zip member). */
  file: string;
  status: 'ingested' | 'rejected' | 'already_ingested';
  practices: PracticeOutcome[];
  rejections: { file: string; reason: string; message: string; hint: string }[];
}

/**
 * Ingests one export object: streams it, validates every row, and stores a snapshot per practice
 * and period with its gap list. A file that cannot be read is quarantined, never lost.
 * Idempotent on (bucket, key, etag): a redelivered event changes nothing.
 */
export async function ingestExport(
  deps: IngestDeps,
  bucket: string,
  key: string,
  eventEtag?: string,
): Promise<IngestOutcome> {
  const log = deps.logger.child({ file: key });
  // A redelivered event for an export already handled (perhaps quarantined, so no longer at its key).
  if (eventEtag && (await deps.ledger.getIngest(bucket, key, eventEtag))) {
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
  if (await deps.ledger.getIngest(bucket, key, object.etag)) {
    destroy(object.body);
    log.info('export already ingested; nothing to do');
    return { file: key, status: 'already_ingested', practices: [], rejections: [] };
  }

  const uploadDate = londonDate(object.lastModified);
  const { head, body } = await peekStream(object.body, 4);
  const source: SnapshotSource = { bucket, key, etag: object.etag };
  const practices: PracticeOutcome[] = [];
  const rejections: IngestOutcome['rejections'] = [];

  const ingestText = async (text: AsyncIterable<Uint8Array>, names: string[], member?: string) => {
    const file = member ? `${key}!${member}` : key;
    try {
      practices.push(...(await ingestDelimited(deps, text, { ...source, member }, file, names, uploadDate)));
    } catch (error) {
      if (!(error instanceof ExportRejectedError || error instanceof ExportFormatError)) throw error;
      rejections.push({ file, reason: error.reason, message: error.message, hint: error.hint });
      log.warn('export rejected', { reason: error.reason, member: member ? 'yes' : 'no' });
    }
  };

  if (isZip(head)) {
    try {
      for await (const entry of zipMembers(body, deps.config.tmpDir)) {
        await ingestText(entry.body, [entry.name, key], entry.name);
      }
    } catch (error) {
      if (!(error instanceof ZipRejectedError)) throw error;
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
  });
  log.info('export processed', {
    status,
    practices: practices.length,
    registered: practices.reduce((sum, p) => sum + p.registered, 0),
    rejectedFiles: rejections.length,
  });
  return { file: key, status, practices, rejections };
}

/** Reads one delimited export (a whole object or a zip member) into per-practice snapshots. */
async function ingestDelimited(
  deps: IngestDeps,
  body: AsyncIterable<Uint8Array>,
  source: SnapshotSource,
  file: string,
  names: string[],
  uploadDate: string,
): Promise<PracticeOutcome[]> {
  const practiceCodeFromKey = firstDefined(names, findPracticeCodeInKey);
  const dateFromName = firstDefined(names, findDateInKey);
  const context: RowContext = { practiceCodeFromKey, fileExtractDate: dateFromName ?? uploadDate };
  const required = practiceCodeFromKey ? REQUIRED_FIELDS : [...REQUIRED_FIELDS, 'practiceCode' as const];

  const opened = await openExport(body, {
    isHeader: (cells) => looksLikeHeader(cells, deps.config.userMapping),
    describeExpected: describeExpectedColumns(required),
  });
  const mapping = mapHeader(opened.header, deps.config.userMapping);
  const missing = missingRequired(mapping, practiceCodeFromKey === undefined);
  if (missing.length > 0) {
    throw new ExportRejectedError(
      file,
      'missing_required_columns',
      `The header on line ${opened.headerLine} has no column for: ${missing.map((f) => FIELD_LABELS[f]).join(', ')}. ` +
        `Columns found: ${quoteInputTexts(opened.header)}`,
      `Expected ${describeExpectedColumns(missing)}. Rename the columns in the report, or map yours in a ` +
        'mapping file (README, "Column mapping").' +
        (missing.includes('practiceCode')
          ? ' Or put the practice code in the file name (e.g. D83001_2026-10-31.csv).'
          : ''),
    );
  }

  const spill = openSpillFile(deps.config.tmpDir);
  try {
    return await tallyAndSave(deps, opened, mapping, context, { source, file, names, dateFromName, uploadDate, spill });
  } finally {
    spill.close();
  }
}

/** Counts every row into one tally per practice, then saves each practice's snapshot and gap list. */
async function tallyAndSave(
  deps: IngestDeps,
  opened: OpenedExport,
  mapping: HeaderMapping,
  context: RowContext,
  input: {
    source: SnapshotSource;
    file: string;
    names: string[];
    dateFromName: string | undefined;
    uploadDate: string;
    spill: SpillFile;
  },
): Promise<PracticeOutcome[]> {
  const { source, file, names, dateFromName } = input;
  const started = performance.now();
  const interpreter = new RowInterpreter(rowLayout(mapping), context);
  const row = interpreter.row;
  const tallies = new Map<string, PracticeTally>();
  let tally: PracticeTally | undefined;
  let unattributedRows = 0;
  for (let batch = await opened.nextBatch(); batch !== undefined; batch = await opened.nextBatch()) {
    for (let i = 0; i < batch.length; i++) {
      const status = interpreter.read((batch[i] as ExportRecord).cells);
      if (status === 'unattributed') {
        unattributedRows++;
        continue;
      }
      // Exports usually list one practice's rows together: look up the tally only when the code changes.
      if (tally === undefined || tally.practiceCode !== row.practiceCode) {
        tally?.park();
        tally = tallies.get(row.practiceCode);
        if (!tally) {
          tally = new PracticeTally(row.practiceCode, input.spill);
          tallies.set(row.practiceCode, tally);
        }
      }
      if (status === 'ok') tally.count(row);
      else tally.reject(status);
    }
  }
  if (tallies.size === 0) {
    throw new ExportRejectedError(
      file,
      'no_practice_code',
      `None of the ${unattributedRows} data rows could be attributed to a practice: the practice code is ` +
        'missing or not an ODS code (a letter and five digits, e.g. D83001).',
      'Add a "Practice Code" column, or put the practice code in the file name (e.g. D83001_2026-10-31.csv).',
    );
  }

  for (const tally of tallies.values()) {
    const extractDate = tally.extractDate ?? context.fileExtractDate;
    if (extractDate > input.uploadDate) {
      throw new ExportRejectedError(
        file,
        'extract_date_in_future',
        `The extract date ${extractDate} is after the day the file was uploaded (${input.uploadDate}), so it cannot ` +
          'be the date the report was run.',
        'Check the extract date column, or the date in the file name (YYYY-MM-DD or YYYYMMDD), then correct it ' +
          'and upload the export again.',
      );
    }
  }

  const stats = opened.stats();
  // Read, validated and counted: the part of an ingest that grows with the export (docs/performance.md).
  deps.logger.info('export rows counted', {
    file,
    rows: stats.dataRows,
    practices: tallies.size,
    ms: Math.round(performance.now() - started),
  });
  const clinicalSystem = guessClinicalSystem(names, opened.preambleLines);
  const ingestedAt = deps.now().toISOString();
  const counted = [...tallies.values()].map((tally) => {
    const extractDate = tally.extractDate ?? context.fileExtractDate;
    const period = periodOf(extractDate);
    return { tally, snapshot: practiceSnapshot(tally, { period, extractDate, clinicalSystem, source, ingestedAt }) };
  });
  const results = await storePractices(deps, counted);
  const saved = new Map(
    counted.map(({ tally, snapshot }, i) => [tally, { period: snapshot.period, result: results[i] ?? 'superseded' }]),
  );

  const outcomes: PracticeOutcome[] = [];
  const notesByPeriod = new Map<string, IngestedFileNote>();
  for (const tally of tallies.values()) {
    const { period, result } = saved.get(tally) as { period: string; result: 'written' | 'superseded' };
    outcomes.push({ practiceCode: tally.practiceCode, period, registered: tally.counts.registered, snapshot: result });

    const note: IngestedFileNote = notesByPeriod.get(period) ?? {
      file,
      practiceCodes: [],
      unattributedRows,
      preambleLines: opened.preambleLines,
      trailingSummaryLines: stats.trailingSummaryLines,
      ignoredHeaders: mapping.ignored,
      notes: [],
    };
    note.practiceCodes.push(tally.practiceCode);
    if (dateFromName && tally.extractDate && tally.extractDate !== dateFromName) {
      note.notes.push(
        `${tally.practiceCode}: the extract date column (${tally.extractDate}) differs from the date in the file ` +
          `name (${dateFromName}); the column was used.`,
      );
    }
    if (result === 'superseded') {
      note.notes.push(`${tally.practiceCode}: a later extract for ${period} is already stored; this one was not used.`);
    }
    notesByPeriod.set(period, note);
  }
  for (const [period, note] of notesByPeriod) {
    if (stats.raggedRows > 0) note.notes.push(`${stats.raggedRows} rows had more or fewer fields than the header.`);
    if (mapping.duplicates.length > 0) {
      note.notes.push(`Duplicate column names, the first was used: ${mapping.duplicates.join(', ')}.`);
    }
    await deps.ledger.putFileRecord({ kind: 'ingested', period, ...note });
  }
  return outcomes;
}

function firstDefined<T>(names: readonly string[], find: (name: string) => T | undefined): T | undefined {
  for (const name of names) {
    const found = find(name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A best guess for the report when the directory does not say; the directory wins. */
function guessClinicalSystem(names: readonly string[], preambleLines: number): string {
  const joined = names.join(' ').toLowerCase();
  if (joined.includes('emis')) return 'EMIS Web';
  if (joined.includes('systmone') || joined.includes('tpp')) return 'SystmOne';
  return preambleLines > 0 ? 'EMIS Web' : 'Unknown';
}

/**
 * A SpillFile over a temporary file in `dir` (Lambda: /tmp), for the gap list rows of a large export.
 * It is created on the first write (small exports never need it) and unlinked as soon as it is open, so
 * patient data never outlives the process on disk; where that is not allowed (Windows) it is removed on
 * close. Writes and reads are synchronous: a few hundred blocks of 64 KB per export, between CPU-bound parsing.
 */
function openSpillFile(dir: string): SpillFile & { close(): void } {
  let fd: number | undefined;
  let path: string | undefined;
  let removeOnClose = false;
  let size = 0;
  const open = (): number => {
    mkdirSync(dir, { recursive: true });
    path = join(dir, `pcm-gap-rows-${randomUUID()}.tmp`);
    const opened = openSync(path, 'w+', 0o600);
    try {
      unlinkSync(path);
    } catch {
      removeOnClose = true;
    }
    fd = opened;
    return opened;
  };
  return {
    write(bytes: Uint8Array): SpillExtent {
      writeSync(fd ?? open(), bytes, 0, bytes.length, size);
      const extent = { offset: size, length: bytes.length };
      size += bytes.length;
      return extent;
    },
    read(extent: SpillExtent): Buffer {
      const bytes = Buffer.allocUnsafe(extent.length);
      let done = 0;
      while (done < extent.length) {
        const read = readSync(fd ?? open(), bytes, done, extent.length - done, extent.offset + done);
        if (read === 0) throw new Error(`The gap row spill file ended early at byte ${extent.offset + done}.`);
        done += read;
      }
      return bytes;
    },
    close(): void {
      if (fd !== undefined) closeSync(fd);
      if (removeOnClose && path !== undefined) rmSync(path, { force: true });
      fd = undefined;
    },
  };
}

function destroy(body: AsyncIterable<Uint8Array>): void {
  (body as { destroy?: () => void }).destroy?.();
}
