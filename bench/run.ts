import { stat, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_EXPORTS, ensureExport } from './bench-data';
import { formatBenchReport } from './bench-report';
import type { BenchResults } from './bench-results';
import { buildBenchBundles } from './build-bundles';
import { cdkAssetSizes, handlerBundleSizes } from './bundle-sizes';
import { type CliMeasurements, formatCliReport } from './cli-report';
import { type CliRunResult, prepareCliInput, runCliScenario } from './cli-scenario';
import { summariseCpuProfile } from './cpu-profile-summary';
import { runChild } from './run-child';
import type { Scenario, ScenarioResult } from './scenario';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, 'bench', 'data');
const SEED = 42;
/** The floor is the fastest of these ways to feed csv-parse: 64 KiB or 1 MiB reads, as a stream or not. */
const FLOORS = [
  { chunkBytes: 64 * 1024, mode: 'stream' },
  { chunkBytes: 1024 * 1024, mode: 'stream' },
  { chunkBytes: 1024 * 1024, mode: 'api' },
] as const;

const HELP = `npm run bench [-- options]

Generates (once, deterministically) ICB-wide exports of 1,000,000 and 2,000,000 patients over 150
practices and a 20,000-patient practice export under bench/data/, then measures, each scenario in its
own process: the csv-parse floor, the ingest, the full pipeline and peak memory, one practice through
the real handlers and local servers, and the Lambda bundle sizes. Prints a report; writes
bench/data/results.json and bench/data/results.md.

  --reps N     repetitions of the 1M full pipeline, one more of the floor and the ingest (best time
               is kept; default 2, or 3 with --only cli)
  --profile    also profile one 1M full-pipeline run (node --cpu-prof) and print its top frames
  --quick      1 repetition, no run with the gap list worker (a smoke test, ~3 minutes)
  --only cli   just the CLI end to end: \`pcm-report run\` on the 1M export (fresh --out, directory,
               notify) in a child process, taking turns with the parse floor; --reps runs (default 3)
  --help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string' },
      profile: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (values.only !== undefined && values.only !== 'cli') throw new Error(`--only takes "cli" (got ${values.only}).`);
  const onlyCli = values.only === 'cli';
  const reps = values.quick ? 1 : Number(values.reps ?? (onlyCli ? 3 : 2));
  if (!Number.isInteger(reps) || reps < 1)
    throw new Error(`--reps must be a whole number of at least 1 (got ${values.reps}).`);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0] ?? 0;
  const say = (line: string) => process.stderr.write(`${line}\n`);

  const generating = (path: string) => say(`generating ${path} (first run only)…`);
  const icb1m = await ensureExport(DATA, BENCH_EXPORTS.icb1m, SEED, generating);
  const cliInput = await prepareCliInput(join(DATA, 'cli'), icb1m);
  const cliRun = async (label: string): Promise<CliRunResult> => {
    say(`${label}…`);
    return runCliScenario(ROOT, cliInput, join(DATA, 'cli', 'out'));
  };
  if (onlyCli) {
    await runOnlyCli(reps, icb1m.path, cliRun, say);
    return;
  }
  const icb2m = await ensureExport(DATA, BENCH_EXPORTS.icb2m, SEED, generating);
  const icb2mLarge = await ensureExport(DATA, BENCH_EXPORTS.icb2mLargePractices, SEED, generating);
  const practice20k = await ensureExport(DATA, BENCH_EXPORTS.practice20k, SEED, generating);
  const bundles = await buildBenchBundles(ROOT, join(DATA, 'build'));
  const env = { PCM_FONT_DIR: join(ROOT, 'assets', 'fonts') };
  const child = (scenario: Scenario, nodeArgs: string[] = []) => runChild(bundles.scenario, scenario, env, nodeArgs);
  const repeat = async (times: number, label: string, scenario: Scenario): Promise<ScenarioResult[]> => {
    const runs: ScenarioResult[] = [];
    for (let i = 0; i < times; i++) {
      say(`${label} (${i + 1}/${times})…`);
      runs.push(await child(scenario));
    }
    return runs;
  };
  const pipeline = (file: string, practices: number, report: boolean, worker = false): Scenario => ({
    kind: 'pipeline',
    file,
    practices,
    report,
    workerBundle: worker ? bundles.gapListWorker : undefined,
  });

  // One thread is what Lambda runs (the ingest function has well under one vCPU); the gap list worker
  // is the two-core alternative, measured for comparison. The floor and the ingest take turns, so that
  // both see the same conditions when other work shares the machine; the best of each is compared.
  const floor1m: ScenarioResult[] = [];
  const floorWays1m: string[] = [];
  const ingest1m: ScenarioResult[] = [];
  for (let i = 0; i < reps + 1; i++) {
    for (const { chunkBytes, mode } of FLOORS) {
      const way = `${chunkBytes / 1024} KiB reads, ${mode === 'api' ? 'Parser.api' : 'stream'}`;
      say(`parse floor 1M, ${way} (${i + 1}/${reps + 1})…`);
      floor1m.push(await child({ kind: 'floor', file: icb1m.path, chunkBytes, mode }));
      floorWays1m.push(way);
    }
    say(`ingest 1M (${i + 1}/${reps + 1})…`);
    ingest1m.push(await child(pipeline(icb1m.path, icb1m.practices, false)));
  }
  const full1m = await repeat(reps, 'full pipeline 1M', pipeline(icb1m.path, icb1m.practices, true));
  const full1mWorker = values.quick
    ? []
    : await repeat(1, 'full pipeline 1M, gap list worker', pipeline(icb1m.path, icb1m.practices, true, true));
  const cli1m: CliRunResult[] = [];
  for (let i = 0; i < reps; i++) cli1m.push(await cliRun(`pcm-report run 1M, whole process (${i + 1}/${reps})`));
  const floor2m: ScenarioResult[] = [];
  for (const { chunkBytes, mode } of FLOORS) {
    say(`parse floor 2M, ${chunkBytes / 1024} KiB reads, ${mode}…`);
    floor2m.push(await child({ kind: 'floor', file: icb2m.path, chunkBytes, mode }));
  }
  // As many runs as at 1M, so that the two peaks are the worst of the same number of runs.
  const full2m = await repeat(reps, 'full pipeline 2M (300 practices)', pipeline(icb2m.path, icb2m.practices, true));
  const full2mLargePractices = await repeat(
    1,
    'full pipeline 2M (150 practices)',
    pipeline(icb2mLarge.path, icb2mLarge.practices, true),
  );
  const practiceRuns = await repeat(3, 'one 20k practice, in-memory stores', pipeline(practice20k.path, 1, true));
  const localServers20k = await repeat(1, 'one 20k practice, real handlers + local servers', {
    kind: 'local-servers',
    file: practice20k.path,
  });
  say('bundle sizes…');
  const results: BenchResults = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadBefore,
      loadAfter: loadavg()[0] ?? 0,
    },
    startedAt,
    totalSeconds: 0,
    files: await Promise.all(
      [icb1m, icb2m, icb2mLarge, practice20k].map(async (f) => ({
        name: f.path.slice(ROOT.length),
        rows: f.patients,
        practices: f.practices,
        bytes: (await stat(f.path)).size,
      })),
    ),
    floor1m,
    floorWays1m,
    floor2m,
    ingest1m,
    full1m,
    full1mWorker,
    full2m,
    full2mLargePractices,
    practice20k: practiceRuns,
    localServers20k,
    cli1m,
    bundles: await handlerBundleSizes(ROOT),
    cdkAssets: await cdkAssetSizes(ROOT),
  };
  results.totalSeconds = (performance.now() - started) / 1000;
  let profileText = '';
  if (values.profile) {
    say('profiling one full pipeline 1M run…');
    const dir = join(DATA, 'profiles', startedAt.replace(/[:.]/g, '-'));
    // Run from the TypeScript sources (tsx) so that frames name our modules; memory is not measured here.
    await runChild(join(ROOT, 'bench', 'scenario.ts'), pipeline(icb1m.path, icb1m.practices, true), env, [
      '--import',
      'tsx',
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
    ]);
    const { readdir } = await import('node:fs/promises');
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'))) {
      const path = join(dir, file);
      const whole = await summariseCpuProfile(path, 25);
      // The loader thread of tsx writes a second, idle profile.
      if (whole.totalMs < 1000 || (whole.byArea[0]?.area === '(idle)' && (whole.byArea[0]?.selfPct ?? 0) > 90))
        continue;
      const ingest = await summariseCpuProfile(path, 25, 'saveSnapshot');
      profileText += `\nCPU profile of one 1M full-pipeline run, one thread: ${path.slice(ROOT.length)}\n`;
      for (const [title, summary] of [
        ['ingest until the first snapshot is saved (reading and counting)', ingest],
        ['the whole pipeline', whole],
      ] as const) {
        profileText += `${title}, ${summary.totalMs} ms sampled; self time by area:\n`;
        for (const a of summary.byArea.slice(0, 12))
          profileText += `  ${a.selfPct.toFixed(1).padStart(5)}%  ${a.area}\n`;
        profileText += 'top frames by self time:\n';
        for (const f of summary.top) profileText += `  ${f.selfPct.toFixed(1).padStart(5)}%  ${f.frame}\n`;
      }
    }
  }
  const report = formatBenchReport(results) + profileText;
  process.stdout.write(`${report}\n`);
  await writeFile(join(DATA, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(DATA, 'results.md'), `\`\`\`text\n${report}\n\`\`\`\n`);
  say(`free memory now ${Math.round(freemem() / 2 ** 20)} MB; results in bench/data/results.{json,md}`);
}

/**
 * `--only cli`: the parse floor (each way) and the CLI take turns, so that both see the same conditions
 * on a shared machine; the CLI's median wall is compared with the fastest floor of the same run.
 */
async function runOnlyCli(
  reps: number,
  file: string,
  cliRun: (label: string) => Promise<CliRunResult>,
  say: (line: string) => void,
): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0] ?? 0;
  const bundles = await buildBenchBundles(ROOT, join(DATA, 'build'));
  const measured: CliMeasurements = { floors: [], floorWays: [], cli: [] };
  for (let i = 0; i < reps; i++) {
    for (const { chunkBytes, mode } of FLOORS) {
      const way = `${chunkBytes / 1024} KiB reads, ${mode === 'api' ? 'Parser.api' : 'stream'}`;
      say(`parse floor 1M, ${way} (${i + 1}/${reps})…`);
      measured.floors.push(await runChild(bundles.scenario, { kind: 'floor', file, chunkBytes, mode }, {}));
      measured.floorWays.push(way);
    }
    measured.cli.push(await cliRun(`pcm-report run 1M, whole process (${i + 1}/${reps})`));
  }
  const report = [
    `pcm-reporter benchmark, CLI only, ${startedAt}`,
    `machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}; ` +
      `load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`,
    '',
    ...formatCliReport(measured),
  ].join('\n');
  process.stdout.write(`${report}\n`);
  await writeFile(
    join(DATA, 'results-cli.json'),
    `${JSON.stringify({ startedAt, loadBefore, ...measured }, null, 2)}\n`,
  );
  await writeFile(join(DATA, 'results-cli.md'), `\`\`\`text\n${report}\n\`\`\`\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
