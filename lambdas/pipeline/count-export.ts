import { FIELD_LABELS, REQUIRED_FIELDS } from '../core/fields/field-aliases';
import {
  describeExpectedColumns,
  type HeaderMapping,
  looksLikeHeader,
  mapHeader,
  missingRequired,
} from '../core/fields/header-mapping';
import { periodOf } from '../core/period';
import { describeFoundColumns } from '../core/privacy/describe-found-columns';
import { screenHeaderList } from '../core/privacy/screen-header-list';
import { assertOneDelimiter } from '../core/read/delimiter-switch';
import { ExportRejectedError } from '../core/read/export-rejected-error';
import { type ExportRecord, type OpenedExport, openExport } from '../core/read/open-export';
import type { IngestedFileFacts } from '../core/report/ingested-file-notes';
import type { PracticeSnapshot } from '../core/snapshot';
import { checkUsableTallies } from '../core/tally/check-usable-tallies';
import { type RowContext, rowLayout } from '../core/tally/interpret-row';
import type { PracticeTally } from '../core/tally/practice-tally';
import type { SpillFile } from '../core/tally/spill-file';
import { tallyExportRows } from '../core/tally/tally-export-rows';
import { findImpossibleDateInKey } from '../core/values/uk-date';
import { assertItemSize } from './assert-item-size';
import { type IngestDeps, ROWS_PER_PROGRESS } from './ingest-deps';
import { practiceSnapshot, type SnapshotSource } from './save-snapshot';

/** What the file's name(s) say before it is read. */
export interface ExportNaming {
  source: SnapshotSource;
  /** The object key (and `!member` for a zip member). */
  file: string;
  /** The member's name and the archive's key, or the key: searched in order for a practice code and a date. */
  names: string[];
  practiceCodeFromKey: string | undefined;
  dateFromName: string | undefined;
  uploadDate: string;
}

/** One file, read and counted: the snapshots to store and what Data quality says about the file. */
export interface CountedExport {
  toStore: { tally: PracticeTally; snapshot: PracticeSnapshot }[];
  facts: IngestedFileFacts;
}

/**
 * Reads and counts one delimited export and builds its snapshots, checked against the store's item size, without
 * writing anything. Depends only on the file's content (see contentPhase). Rejects with an ExportRejectedError.
 */
export async function countExport(
  deps: IngestDeps,
  body: AsyncIterable<Uint8Array>,
  naming: ExportNaming,
  spill: SpillFile,
): Promise<CountedExport> {
  const { practiceCodeFromKey } = naming;
  assertPossibleDateInName(naming);
  const required = practiceCodeFromKey ? REQUIRED_FIELDS : [...REQUIRED_FIELDS, 'practiceCode' as const];
  const opened = await openExport(body, {
    isHeader: (cells) => looksLikeHeader(cells, deps.config.userMapping),
    describeExpected: describeExpectedColumns(required),
  });
  try {
    const mapping = mapHeader(opened.header, deps.config.userMapping);
    assertRequiredColumns(opened, mapping, practiceCodeFromKey);
    return await countOpened(deps, opened, mapping, naming, spill);
  } finally {
    await opened.close();
  }
}

/** A name with an impossible date (`D10012_2026-02-30.csv`) is quarantined rather than dated by its upload. */
function assertPossibleDateInName({ names, dateFromName }: ExportNaming): void {
  if (dateFromName !== undefined) return;
  for (const name of names) {
    const impossible = findImpossibleDateInKey(name);
    if (impossible === undefined) continue;
    throw new ExportRejectedError(
      'bad_extract_date',
      `The file name holds "${impossible}", which is not a real date, so the extract date is unknown.`,
      'Correct the date in the file name (YYYY-MM-DD or YYYYMMDD, the day the report was run), or add an extract ' +
        'date column, and upload the export again.',
    );
  }
}

function assertRequiredColumns(opened: OpenedExport, mapping: HeaderMapping, practiceCodeFromKey?: string): void {
  const missing = missingRequired(mapping, practiceCodeFromKey === undefined);
  if (missing.length === 0) return;
  throw new ExportRejectedError(
    'missing_required_columns',
    `The header on line ${opened.headerLine} has no column for: ${missing.map((f) => FIELD_LABELS[f]).join(', ')}. ` +
      `Columns found: ${describeFoundColumns(opened.header, knownColumns(mapping))}`,
    `Expected ${describeExpectedColumns(missing)}. Rename the columns in the report, or map yours in a ` +
      'mapping file (README, "Column mapping").' +
      (missing.includes('practiceCode')
        ? ' Or put the practice code in the file name (e.g. D83001_2026-10-31.csv).'
        : ''),
  );
}

/** The header positions that matched a field or a register: known vocabulary, quoted as they are. */
function knownColumns(mapping: HeaderMapping): Set<number> {
  const known = new Set<number>(Object.values(mapping.fields));
  for (const { index } of mapping.registerColumns) known.add(index);
  return known;
}

async function countOpened(
  deps: IngestDeps,
  opened: OpenedExport,
  mapping: HeaderMapping,
  naming: ExportNaming,
  spill: SpillFile,
): Promise<CountedExport> {
  const { source, file, names, practiceCodeFromKey, dateFromName, uploadDate } = naming;
  const context: RowContext = { practiceCodeFromKey, fileExtractDate: dateFromName ?? uploadDate };
  const started = performance.now();
  const counted = await tallyExportRows(
    batchesOf(opened, file, deps.onRowsRead),
    rowLayout(mapping, opened.header.length),
    context,
    spill,
    deps.config.valueMapping,
  );
  checkUsableTallies(counted, context.fileExtractDate, uploadDate, practiceCodeFromKey);
  const stats = opened.stats();
  // Read, validated and counted: the part of an ingest that grows with the export (docs/performance.md).
  deps.logger.info('export rows counted', {
    file,
    rows: stats.dataRows,
    practices: counted.tallies.size,
    ms: Math.round(performance.now() - started),
  });
  const clinicalSystem = guessClinicalSystem(names, opened.preambleLines);
  const ingestedAt = deps.now().toISOString();
  const toStore = [...counted.tallies.values()].map((tally) => {
    const extractDate = tally.extractDate ?? context.fileExtractDate;
    const period = periodOf(extractDate);
    const snapshot = practiceSnapshot(tally, { period, extractDate, clinicalSystem, source, ingestedAt });
    assertItemSize(snapshot, `The snapshot for ${tally.practiceCode}`);
    return { tally, snapshot };
  });
  return {
    toStore,
    facts: {
      file,
      unattributedRows: counted.unattributedRows,
      preambleLines: opened.preambleLines,
      trailingSummaryLines: stats.trailingSummaryLines,
      raggedRows: stats.raggedRows,
      rowsMissingOptionalColumns: counted.rowsMissingOptionalColumns,
      ignoredHeaders: screenHeaderList(mapping.ignored, counted.names),
      duplicateHeaders: screenHeaderList(mapping.duplicates, counted.names),
      dateFromName,
      uploadDate,
      hasExtractDateColumn: mapping.fields.extractDate !== undefined,
      namedPractice: practiceCodeFromKey,
      foreignRows: counted.foreignRows,
    },
  };
}

/**
 * The export's data rows as the batches its reader yields, checked for a change of delimiter, telling
 * `onRowsRead` every ROWS_PER_PROGRESS rows.
 */
async function* batchesOf(
  opened: OpenedExport,
  file: string,
  onRowsRead?: (file: string, rows: number) => void,
): AsyncGenerator<readonly ExportRecord[]> {
  const header = { cells: opened.header.length, line: opened.headerLine };
  let rows = 0;
  let nextReport = ROWS_PER_PROGRESS;
  for (let batch = await opened.nextBatch(); batch !== undefined; batch = await opened.nextBatch()) {
    for (const record of batch) if (record.cells.length === 1) assertOneDelimiter(record, opened.delimiter, header);
    rows += batch.length;
    if (onRowsRead && rows >= nextReport) {
      onRowsRead(file, rows);
      nextReport = rows + ROWS_PER_PROGRESS;
    }
    yield batch;
  }
}

/** A best guess for the report when the directory does not say; the directory wins. */
function guessClinicalSystem(names: readonly string[], preambleLines: number): string {
  const joined = names.join(' ').toLowerCase();
  if (joined.includes('emis')) return 'EMIS Web';
  if (joined.includes('systmone') || joined.includes('tpp')) return 'SystmOne';
  return preambleLines > 0 ? 'EMIS Web' : 'Unknown';
}
