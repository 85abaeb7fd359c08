import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writePrivateFile } from '../adapters/private-file';
import { type DirectoryRejection, parseDirectoryCsv } from '../core/directory/parse-directory';
import { UsageError } from '../errors';
import { createIngestHandler } from '../handlers/ingest';
import { createMonthlyReportHandler } from '../handlers/monthly-report';
import type { IngestOutcome } from '../pipeline/ingest-export';
import { reportKeys } from '../pipeline/report-keys';
import { checkLocalPaths } from './check-local-paths';
import { type ExportFile, listExportFolder, type RefusedExportFile } from './list-export-files';
import { type LocalSession, withLocalSession } from './local-session';
import { type NotifySummary, notifyInSession } from './notify-local';
import { sqsEventForNewObject } from './s3-event';

export interface LocalRunOptions {
  exportsDir: string;
  practicesFile?: string;
  outDir: string;
  /** Settings as Lambda environment variables (ICB name, SMS assumptions…): the shell's, the config file's, flags. */
  env?: Readonly<Record<string, string | undefined>>;
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { kind: 'directory'; practices: number; rejected: DirectoryRejection[] }
  /** Rows read so far from a large file, every ROWS_PER_PROGRESS rows (the ingest's own count). */
  | { kind: 'reading'; index: number; total: number; file: string; rows: number }
  | { kind: 'ingest'; index: number; total: number; file: string; outcome: IngestOutcome }
  | { kind: 'report'; period: string; reporting: number; expected: number };

export interface PeriodOutput {
  period: string;
  dir: string;
  reporting: number;
  expected: number;
  gapLists: number;
}

export interface IngestSummary {
  exports: number;
  practices: string[];
  patients: number;
  quarantined: { file: string; reason: string; message: string }[];
}

export interface LocalRunSummary extends IngestSummary {
  outDir: string;
  /** Files of the exports folder that were not read (symbolic links out of it), with why. */
  refused: RefusedExportFile[];
  periods: PeriodOutput[];
  /** The latest period's practice emails (SPEC §6: only the latest period is notified). */
  notify?: NotifySummary;
}

/**
 * Local mode: the deployed pipeline on this machine. Starts the in-process S3/DynamoDB servers
 * (state in <out>/.state, so re-runs keep history), uploads each export and hands the ingest
 * handler (built on the servers' runtime) the event S3 would send, builds every period's report with
 * the report handler, notifies the latest period through the notify handler, and copies the outputs to <out>/YYYY-MM/.
 */
export async function runLocal(options: LocalRunOptions): Promise<LocalRunSummary> {
  await checkLocalPaths(options);
  return withLocalSession(options.outDir, options.env ?? {}, async (session) => {
    if (options.practicesFile) await importDirectory(session, options.practicesFile, options.onProgress);
    const { files, refused } = await listExportFolder(options.exportsDir);
    const ingested = await ingestFiles(session, files, options.onProgress);
    const periods: PeriodOutput[] = [];
    for (const period of await session.table.listPeriods()) {
      periods.push(await buildReport(session, period, options.onProgress));
    }
    await copyQuarantine(session);
    const latest = periods.at(-1)?.period;
    const notify = latest ? await notifyInSession(session, { period: latest }) : undefined;
    return { ...ingested, refused, outDir: options.outDir, periods, notify };
  });
}

export async function importDirectory(
  session: LocalSession,
  file: string,
  onProgress?: (event: ProgressEvent) => void,
): Promise<{ practices: number; rejected: DirectoryRejection[] }> {
  const { entries, rejected } = parseDirectoryCsv(await readFile(file, 'utf8'));
  const header = rejected.find((rejection) => rejection.field === 'header');
  // Without its header no line can be read: going on would report every practice "not in directory".
  if (header) throw new UsageError(`The practice directory ${file} has no recognisable header. ${header.message}`);
  await session.table.upsertPractices(entries);
  onProgress?.({ kind: 'directory', practices: entries.length, rejected });
  return { practices: entries.length, rejected };
}

/** Uploads each file to the exports bucket (under exports/) and invokes the ingest handler for it. */
export async function ingestFiles(
  session: LocalSession,
  files: readonly ExportFile[],
  onProgress?: (event: ProgressEvent) => void,
): Promise<IngestSummary> {
  let reading = { index: 0, file: '' };
  const ingest = createIngestHandler({
    ...session.runtime,
    onRowsRead: (_key, rows) => onProgress?.({ kind: 'reading', ...reading, total: files.length, rows }),
  });
  const { config } = session;
  const practices = new Set<string>();
  const quarantined: IngestSummary['quarantined'] = [];
  let patients = 0;
  for (const [i, file] of files.entries()) {
    reading = { index: i + 1, file: file.relativePath };
    const key = `exports/${file.relativePath}`;
    const size = await handOver(session, file, key);
    const response = await ingest(sqsEventForNewObject(config.exportsBucket, key, size, ''));
    if (response.batchItemFailures.length > 0) {
      // Not "nothing was changed": practices of the file stored before the failure stay stored (a re-run
      // ingests the file again, idempotently), as do the files before it.
      throw new Error(
        `Ingest failed for ${file.relativePath} (see the log above); the files after it were not ingested. ` +
          'Run again to retry it: anything of it already stored is replaced, never counted twice.',
      );
    }
    for (const outcome of response.outcomes) {
      for (const p of outcome.practices) {
        practices.add(p.practiceCode);
        if (p.snapshot === 'written') patients += p.registered;
      }
      quarantined.push(
        ...outcome.rejections.map(({ file: name, reason, message }) => ({ file: name, reason, message })),
      );
      onProgress?.({ kind: 'ingest', index: i + 1, total: files.length, file: file.relativePath, outcome });
    }
  }
  return { exports: files.length, practices: [...practices].sort(), patients, quarantined };
}

/**
 * Puts an export into the exports bucket, as the practice's transfer would leave it (the handler then reads it
 * through the SDK as in AWS); returns its size. A file gone or unreadable since the folder was listed stops the
 * run with a message naming it.
 */
async function handOver(session: LocalSession, file: ExportFile, key: string): Promise<number> {
  try {
    const { size } = await stat(file.path);
    await session.putFile(session.config.exportsBucket, key, file.path, 'application/octet-stream');
    return size;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(
      `Could not read ${file.relativePath} in the exports folder${typeof code === 'string' ? ` (${code})` : ''}: ` +
        'was it moved, deleted or made unreadable after the run started? The files before it were ingested; ' +
        'run again to read it and the files after it.',
      { cause: error },
    );
  }
}

/** Invokes the report handler for one period and copies its outputs to <out>/YYYY-MM/. */
export async function buildReport(
  session: LocalSession,
  period: string,
  onProgress?: (event: ProgressEvent) => void,
): Promise<PeriodOutput> {
  const { config, outDir } = session;
  const objects = session.objectFile;
  const result = await createMonthlyReportHandler(session.runtime)({ period });
  const dir = join(outDir, period);
  await copyOut(objects, config.reportsBucket, result.reportKey, join(dir, `icb-report-${period}.xlsx`));
  await copyOut(objects, config.reportsBucket, result.csvKey, join(dir, `practice-metrics-${period}.csv`));
  // Beside the month folders: every period's rows, rebuilt by each report.
  await copyOut(objects, config.reportsBucket, reportKeys.historyCsv(), join(outDir, 'practice-metrics-history.csv'));
  // Patient-level files: readable by this user only (0600), like the exports they came from should be.
  for (const key of result.gapListKeys) {
    const target = join(dir, 'gap-lists', key.split('/').pop() as string);
    await copyOut(objects, config.reportsBucket, key, target, 'private');
  }
  for (const code of result.practices) {
    const key = reportKeys.gapListNhsNumbers(code, period);
    const file = join(dir, 'gap-lists', reportKeys.gapListNhsNumbersFile(code, period));
    await copyOut(objects, config.reportsBucket, key, file, 'private');
  }
  onProgress?.({ kind: 'report', period, reporting: result.reporting, expected: result.expected });
  return { period, dir, reporting: result.reporting, expected: result.expected, gapLists: result.gapListKeys.length };
}

/** Quarantined files and their reasons, copied to <out>/quarantine/ where people can open them. */
async function copyQuarantine(session: LocalSession): Promise<void> {
  const bucket = session.config.exportsBucket;
  for (const key of await session.objects.list(bucket, 'quarantine/')) {
    // A quarantined export is the practice's raw extract: patient data.
    await copyOut(session.objectFile, bucket, key, join(session.outDir, key), 'private');
  }
}

/**
 * Copies an output from the S3 server's own file: a file read, where a GET through the SDK and the
 * server's HTTP stack cost ~10-20 ms each for ~450 outputs (docs/performance.md). Gap lists and
 * quarantined exports hold patient data: `private` files are readable by their owner only (0600).
 */
async function copyOut(
  objectFile: LocalSession['objectFile'],
  bucket: string,
  key: string,
  target: string,
  access: 'private' | 'shareable' = 'shareable',
): Promise<void> {
  const body = await readFile(objectFile(bucket, key));
  if (access === 'private') return writePrivateFile(target, body);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, body);
}
