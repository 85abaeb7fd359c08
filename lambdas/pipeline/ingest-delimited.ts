import { FIELD_LABELS, REQUIRED_FIELDS } from '../core/fields/field-aliases';
import {
  describeExpectedColumns,
  type HeaderMapping,
  looksLikeHeader,
  mapHeader,
  missingRequired,
} from '../core/fields/header-mapping';
import { periodOf, previousPeriod } from '../core/period';
import { quoteInputTexts } from '../core/privacy/quote-input-texts';
import { ExportRejectedError } from '../core/read/export-rejected-error';
import { type ExportRecord, type OpenedExport, openExport } from '../core/read/open-export';
import { ingestedFileNotes } from '../core/report/ingested-file-notes';
import type { PracticeSnapshot } from '../core/snapshot';
import { checkUsableTallies } from '../core/tally/check-usable-tallies';
import { type RowContext, rowLayout } from '../core/tally/interpret-row';
import type { SpillFile } from '../core/tally/spill-file';
import { tallyExportRows } from '../core/tally/tally-export-rows';
import { findPracticeCodeInKey } from '../core/values/ods-code';
import { findDateInKey } from '../core/values/uk-date';
import type { IngestDeps } from './ingest-deps';
import { practiceSnapshot, type SnapshotSource } from './save-snapshot';
import { storePractices } from './store-practices';

export interface PracticeOutcome {
  practiceCode: string;
  period: string;
  registered: number;
  snapshot: 'written' | 'superseded';
}

/**
 * Reads one delimited export (a whole object or a zip member) into per-practice snapshots. A file that
 * cannot be used rejects with an ExportRejectedError before anything is stored.
 */
export async function ingestDelimited(
  deps: IngestDeps,
  body: AsyncIterable<Uint8Array>,
  source: SnapshotSource,
  file: string,
  names: string[],
  uploadDate: string,
): Promise<PracticeOutcome[]> {
  const practiceCodeFromKey = firstDefined(names, findPracticeCodeInKey);
  const dateFromName = firstDefined(names, findDateInKey);
  const required = practiceCodeFromKey ? REQUIRED_FIELDS : [...REQUIRED_FIELDS, 'practiceCode' as const];

  const opened = await openExport(body, {
    isHeader: (cells) => looksLikeHeader(cells, deps.config.userMapping),
    describeExpected: describeExpectedColumns(required),
  });
  try {
    return await ingestOpened(deps, opened, { source, file, names, uploadDate, practiceCodeFromKey, dateFromName });
  } finally {
    await opened.close();
  }
}

async function ingestOpened(
  deps: IngestDeps,
  opened: OpenedExport,
  input: {
    source: SnapshotSource;
    file: string;
    names: string[];
    uploadDate: string;
    practiceCodeFromKey: string | undefined;
    dateFromName: string | undefined;
  },
): Promise<PracticeOutcome[]> {
  const { source, file, names, uploadDate, practiceCodeFromKey, dateFromName } = input;
  const context: RowContext = { practiceCodeFromKey, fileExtractDate: dateFromName ?? uploadDate };
  const mapping = mapHeader(opened.header, deps.config.userMapping);
  const missing = missingRequired(mapping, practiceCodeFromKey === undefined);
  if (missing.length > 0) {
    throw new ExportRejectedError(
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

  const spill = deps.scratch.openSpillFile();
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
  const counted = await tallyExportRows(batchesOf(opened), rowLayout(mapping), context, input.spill);
  checkUsableTallies(counted, context.fileExtractDate, input.uploadDate, context.practiceCodeFromKey);
  const { tallies, unattributedRows, foreignRows } = counted;

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
  const toStore = [...tallies.values()].map((tally) => {
    const extractDate = tally.extractDate ?? context.fileExtractDate;
    const period = periodOf(extractDate);
    return { tally, snapshot: practiceSnapshot(tally, { period, extractDate, clinicalSystem, source, ingestedAt }) };
  });
  const previous = await Promise.all(toStore.map(({ snapshot }) => previousRegistered(deps, snapshot)));
  const results = await storePractices(deps, toStore);
  const practices = toStore.map(({ tally, snapshot }, i) => ({
    practiceCode: tally.practiceCode,
    period: snapshot.period,
    registered: tally.counts.registered,
    extractDateColumn: tally.extractDate,
    snapshot: results[i] ?? 'superseded',
    previous: previous[i],
  }));

  const notes = ingestedFileNotes(
    {
      file,
      unattributedRows,
      preambleLines: opened.preambleLines,
      trailingSummaryLines: stats.trailingSummaryLines,
      raggedRows: stats.raggedRows,
      ignoredHeaders: mapping.ignored,
      duplicateHeaders: mapping.duplicates,
      dateFromName,
      namedPractice: context.practiceCodeFromKey,
      foreignRows,
    },
    practices,
  );
  for (const [period, note] of notes) {
    await deps.ledger.putFileRecord({ kind: 'ingested', period, ...note });
  }
  return practices.map(({ practiceCode, period, registered, snapshot }) => ({
    practiceCode,
    period,
    registered,
    snapshot,
  }));
}

/**
 * The registered count of the snapshot this one replaces (same period) or, failing that, of the period before:
 * a new snapshot under half of it is flagged in Data quality.
 */
async function previousRegistered(
  deps: IngestDeps,
  snapshot: PracticeSnapshot,
): Promise<{ period: string; registered: number } | undefined> {
  for (const period of [snapshot.period, previousPeriod(snapshot.period)]) {
    const stored = await deps.snapshots.getSnapshot(snapshot.practiceCode, period);
    if (stored) return { period, registered: stored.counts.registered };
  }
  return undefined;
}

/** The export's data rows as the batches its reader yields. */
async function* batchesOf(opened: OpenedExport): AsyncGenerator<readonly ExportRecord[]> {
  for (let batch = await opened.nextBatch(); batch !== undefined; batch = await opened.nextBatch()) yield batch;
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
