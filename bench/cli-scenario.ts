import { spawn } from 'node:child_process';
import { access, copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';
import { type BenchExport, benchDirectory } from './bench-data';

/** One `pcm-report run` as the user starts it, timed from outside. */
export interface CliRunResult {
  wallMs: number;
  /** The largest resident set of any process of the run (tsx's loader and the CLI are separate processes). */
  peakRssMb: number;
  /** The summary line the CLI printed ("Done in … s: …"), as a check that the run did the whole job. */
  doneLine: string;
}

/** What `pcm-report run` reads: a folder holding the export, and a directory CSV listing its practices. */
export interface CliInput {
  exportsDir: string;
  practicesFile: string;
}

const GNU_TIME = '/usr/bin/time';

/** The directory CSV for a generated export's practices, in the column order SPEC §5 gives. */
export function directoryCsv(practices: number): string {
  const lines = ['practice_code,practice_name,pcn,clinical_system,email'];
  for (const p of benchDirectory(practices)) {
    lines.push([p.practiceCode, p.practiceName, p.pcn, p.clinicalSystem, p.email].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Puts the export alone in a folder (hard-linked: 88 MB need not be copied) and writes the directory
 * CSV beside it. The CLI reads every file in the folder, so nothing else may be in it.
 */
export async function prepareCliInput(dir: string, exported: BenchExport): Promise<CliInput> {
  const exportsDir = join(dir, 'exports');
  await rm(exportsDir, { recursive: true, force: true });
  await mkdir(exportsDir, { recursive: true });
  const target = join(exportsDir, basename(exported.path));
  await link(exported.path, target).catch(() => copyFile(exported.path, target));
  const practicesFile = join(dir, 'practices.csv');
  await writeFile(practicesFile, directoryCsv(exported.practices));
  return { exportsDir, practicesFile };
}

/** GNU time's `%M` output (kilobytes) as MB; its file may carry a "Command exited…" line first. */
export function parseMaxRssKb(text: string): number {
  const last = text.trim().split('\n').at(-1) ?? '';
  const kb = Number(last.trim());
  if (!Number.isFinite(kb) || last.trim() === '') throw new Error(`Unexpected /usr/bin/time output: ${text}`);
  return kb / 1024;
}

/**
 * Runs `pcm-report run` into a fresh `outDir` exactly as `npm start -- run …` would (the package's
 * start script, through sh, with node_modules/.bin on the PATH) but without npm's own start-up, under
 * GNU time for the peak RSS. Notify runs too: it is part of `run` (emails to the outbox folder).
 */
export async function runCliScenario(root: string, input: CliInput, outDir: string): Promise<CliRunResult> {
  await access(GNU_TIME).catch(() => {
    throw new Error(`${GNU_TIME} is needed for the CLI scenario's peak RSS: apt-get install -y time`);
  });
  const start = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  await rm(outDir, { recursive: true, force: true });
  const rssFile = `${outDir}.rss`;
  const args = ['run', '--exports', input.exportsDir, '--practices', input.practicesFile, '--out', outDir];
  const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(GNU_TIME, ['-f', '%M', '-o', rssFile, 'sh', '-c', `${start} "$@"`, 'sh', ...args], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        err += chunk;
      });
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
    },
  );
  const wallMs = performance.now() - started;
  const doneLine = stdout.split('\n').find((line) => line.startsWith('Done in')) ?? '';
  if (code !== 0 || doneLine === '') {
    throw new Error(`pcm-report run failed (exit ${code}):\n${stderr.trim().slice(-2000)}\n${stdout.trim()}`);
  }
  const peakRssMb = parseMaxRssKb(await readFile(rssFile, 'utf8'));
  await rm(rssFile, { force: true });
  return { wallMs, peakRssMb, doneLine };
}
