import type { PipelineConfig } from '../config';
import { FIELD_LABELS, REQUIRED_FIELDS } from '../core/fields/field-aliases';
import { describeExpectedColumns, looksLikeHeader, mapHeader, missingRequired } from '../core/fields/header-mapping';
import { londonDate, periodOf } from '../core/period';
import { ExportFormatError, openExport } from '../core/read/open-export';
import type { IngestedFileNote } from '../core/report/period-report';
import { interpretRow, type RowContext, rowLayout } from '../core/tally/interpret-row';
import { PracticeTally } from '../core/tally/practice-tally';
import { findPracticeCodeInKey } from '../core/values/ods-code';
import { findDateInKey } from '../core/values/uk-date';
import { ExportRejectedError } from '../errors';
import type { Logger } from '../logger';
import type { DirectoryStore, LedgerStore, ObjectStore, SnapshotStore } from '../ports';
import { peekStream } from './peek-stream';
import { quarantineExport } from './quarantine-export';
import { type SnapshotSource, saveSnapshot } from './save-snapshot';
import { isZip, ZipRejectedError, zipMembers } from './zip-members';

export interface IngestDeps {
  objects: ObjectStore;
  snapshots: SnapshotStore;
  ledger: LedgerStore;
  directory: DirectoryStore;
  config: Pick<PipelineConfig, 'reportsBucket' | 'assumptions' | 'tmpDir' | 'userMapping'>;
  logger: Logger;
  now: () => Date;
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
  const object = await deps.objects.get(bucket, key);
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
        `Columns found: ${opened.header.map((h) => `"${h}"`).join(', ')}.`,
      `Expected ${describeExpectedColumns(missing)}. Rename the columns in the report, or map yours in a ` +
        'mapping file (README, "Column mapping").',
    );
  }

  const layout = rowLayout(mapping);
  const tallies = new Map<string, PracticeTally>();
  let unattributedRows = 0;
  for await (const record of opened.records) {
    const outcome = interpretRow(record.cells, layout, context);
    if (!outcome.ok && outcome.reason === 'unattributed') {
      unattributedRows++;
      continue;
    }
    const practiceCode = outcome.ok ? outcome.row.practiceCode : outcome.practiceCode;
    let tally = tallies.get(practiceCode);
    if (!tally) {
      tally = new PracticeTally(practiceCode);
      tallies.set(practiceCode, tally);
    }
    if (outcome.ok) tally.add(outcome.row);
    else tally.reject(outcome.reason);
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

  const stats = opened.stats();
  const clinicalSystem = guessClinicalSystem(names, opened.preambleLines);
  const directory = new Map((await deps.directory.listPractices()).map((entry) => [entry.practiceCode, entry]));
  const outcomes: PracticeOutcome[] = [];
  const notesByPeriod = new Map<string, IngestedFileNote>();
  for (const tally of tallies.values()) {
    const extractDate = tally.extractDate ?? context.fileExtractDate;
    const period = periodOf(extractDate);
    const result = await saveSnapshot(deps, {
      tally,
      period,
      extractDate,
      clinicalSystem,
      source,
      directoryEntry: directory.get(tally.practiceCode),
    });
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

function destroy(body: AsyncIterable<Uint8Array>): void {
  (body as { destroy?: () => void }).destroy?.();
}
