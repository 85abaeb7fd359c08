import { createReadStream } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type DirectoryRejection, parseDirectoryCsv } from '../core/directory/parse-directory';
import { createIngestHandler } from '../handlers/ingest';
import { createMonthlyReportHandler } from '../handlers/monthly-report';
import type { IngestOutcome } from '../pipeline/ingest-export';
import { readSmallObject } from '../pipeline/read-small-object';
import { reportKeys } from '../pipeline/report-keys';
import type { ObjectStore } from '../ports';
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
  const ingest = createIngestHandler(session.runtime);
  const { config, objects } = session;
  const practices = new Set<string>();
  const quarantined: IngestSummary['quarantined'] = [];
  let patients = 0;
  for (const [i, file] of files.entries()) {
    const key = `exports/${file.relativePath}`;
    const size = (await stat(file.path)).size;
    await objects.put(config.exportsBucket, key, createReadStream(file.path), 'application/octet-stream');
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

/** Invokes the report handler for one period and copies its outputs to <out>/YYYY-MM/. */
export async function buildReport(
  session: LocalSession,
  period: string,
  onProgress?: (event: ProgressEvent) => void,
): Promise<PeriodOutput> {
  const { config, objects, outDir } = session;
  const result = await createMonthlyReportHandler(session.runtime)({ period });
  const dir = join(outDir, period);
  await copyOut(objects, config.reportsBucket, result.reportKey, join(dir, `icb-report-${period}.xlsx`));
  await copyOut(objects, config.reportsBucket, result.csvKey, join(dir, `practice-metrics-${period}.csv`));
  // Beside the month folders: every period's rows, rebuilt by each report.
  await copyOut(objects, config.reportsBucket, reportKeys.historyCsv(), join(outDir, 'practice-metrics-history.csv'));
  // Patient-level files: readable by this user only (0600), like the exports they came from should be.
  for (const key of result.gapListKeys) {
    await copyOut(objects, config.reportsBucket, key, join(dir, 'gap-lists', key.split('/').pop() as string), 0o600);
  }
  for (const code of result.practices) {
    const key = reportKeys.gapListNhsNumbers(code, period);
    const file = join(dir, 'gap-lists', reportKeys.gapListNhsNumbersFile(code, period));
    await copyOut(objects, config.reportsBucket, key, file, 0o600);
  }
  onProgress?.({ kind: 'report', period, reporting: result.reporting, expected: result.expected });
  return { period, dir, reporting: result.reporting, expected: result.expected, gapLists: result.gapListKeys.length };
}

/** Quarantined files and their reasons, copied to <out>/quarantine/ where people can open them. */
async function copyQuarantine(session: LocalSession): Promise<void> {
  const bucket = session.config.exportsBucket;
  for (const key of await session.objects.list(bucket, 'quarantine/')) {
    await copyOut(session.objects, bucket, key, join(session.outDir, key));
  }
}

async function copyOut(
  objects: ObjectStore,
  bucket: string,
  key: string,
  target: string,
  mode?: number,
): Promise<void> {
  const body = await readSmallObject(objects, bucket, key);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, body, mode === undefined ? {} : { mode });
  // writeFile's mode applies only to a new file: a re-run into the same folder tightens an old one too.
  if (mode !== undefined) await chmod(target, mode);
}
