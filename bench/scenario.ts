import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { measure, peakRssMb, startMemorySampler } from './measure';

/** One measurement, run in its own process so that its peak RSS is its own (see run.ts). */
export type Scenario =
  | { kind: 'floor'; file: string; chunkBytes: number; mode?: 'stream' | 'api' }
  | { kind: 'pipeline'; file: string; practices: number; report: boolean; workerBundle?: string }
  | { kind: 'local-servers'; file: string };

export interface ScenarioResult {
  kind: Scenario['kind'];
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** Largest live JavaScript heap seen (sampled), MB. */
  peakHeapUsedMb: number;
  /** Largest off-heap memory (Buffers) seen (sampled), MB. */
  peakExternalMb: number;
  /** Data rows read (records for the floor). */
  rows: number;
  /**
   * Ingest: from the start of ingestExport until every row is read, validated and counted into the
   * practice tallies (the pipeline's "export rows counted" log line): read → normalise → validate →
   * aggregate. Wall and CPU time.
   */
  countedMs?: number;
  countedCpuMs?: number;
  /** The same phase as the pipeline itself measured it (from the header to the last row). */
  countedLoggedMs?: number;
  ingestMs?: number;
  ingestCpuMs?: number;
  rssAfterIngestMb?: number;
  reportMs?: number;
  reportCpuMs?: number;
  gapLists?: number;
  gapListBytes?: number;
  stagedRowBytes?: number;
  icbReportBytes?: number;
  /** Local servers only: the ingest and monthly-report handlers' own time. */
  ingestHandlerMs?: number;
  ingestHandlerWarmMs?: number;
  reportHandlerMs?: number;
}

const PERIOD = '2026-09';
/** The file name carries the extract date, as an ICB's scheduled export would. */
const EXPORT_KEY = 'exports/icb-wide_2026-09-30.csv';

/**
 * Runs one scenario. Each loads only the modules it needs (dynamic imports), so that the parse floor's
 * memory is csv-parse's and not the whole pipeline's.
 */
export async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const sampler = startMemorySampler();
  const result = await run(scenario);
  const peaks = sampler.stop();
  return { ...result, peakHeapUsedMb: peaks.heapUsedMb, peakExternalMb: peaks.externalMb };
}

type Unsampled = Omit<ScenarioResult, 'peakHeapUsedMb' | 'peakExternalMb'>;

async function run(scenario: Scenario): Promise<Unsampled> {
  switch (scenario.kind) {
    case 'floor': {
      const { parseFloor } = await import('./parse-floor');
      const floor = await measure(() => parseFloor(scenario.file, scenario.chunkBytes, scenario.mode));
      // The header is a record too.
      const rows = floor.value.records - 1;
      return { kind: 'floor', wallMs: floor.wallMs, cpuMs: floor.cpuMs, peakRssMb: peakRssMb(), rows };
    }
    case 'pipeline':
      return runPipeline(scenario);
    case 'local-servers': {
      const { runPracticeThroughLocalServers } = await import('./practice-through-local-servers');
      return runPracticeThroughLocalServers(scenario.file, PERIOD);
    }
  }
}

async function runPipeline(scenario: Extract<Scenario, { kind: 'pipeline' }>): Promise<Unsampled> {
  const { ingestExport } = await import('../lambdas/pipeline/ingest-export');
  const { buildPeriodReport } = await import('../lambdas/pipeline/build-period-report');
  const { startGapListWorker } = await import('./gap-list-worker');
  const { BENCH_BUCKETS, openBenchStores } = await import('./bench-stores');
  const worker = scenario.workerBundle ? startGapListWorker(pathToFileURL(scenario.workerBundle)) : undefined;
  const stores = await openBenchStores(scenario.practices, worker);
  // Let the worker load exceljs before the clock starts, as a warm Lambda or a long CLI run would have.
  await worker?.render(await emptyGapList());
  try {
    await stores.objects.adopt(BENCH_BUCKETS.exports, EXPORT_KEY, scenario.file);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const startedCpuMs = (cpu.user + cpu.system) / 1000;
    const ingest = await measure(() => ingestExport(stores.ingestDeps, BENCH_BUCKETS.exports, EXPORT_KEY));
    if (ingest.value.status !== 'ingested') {
      throw new Error(`The benchmark export was not ingested: ${JSON.stringify(ingest.value.rejections)}`);
    }
    // Undefined for a pipeline from before this line was logged (comparing with an older checkout).
    const counted = stores.logs.find((line) => line.fields.message === 'export rows counted');
    const rssAfterIngestMb = peakRssMb();
    const result: Unsampled = {
      kind: 'pipeline',
      wallMs: 0,
      cpuMs: 0,
      peakRssMb: 0,
      rows: Number(counted?.fields.rows ?? Number.NaN),
      countedMs: counted === undefined ? undefined : counted.atMs - started,
      countedCpuMs: counted === undefined ? undefined : counted.cpuMs - startedCpuMs,
      countedLoggedMs: counted === undefined ? undefined : Number(counted.fields.ms),
      ingestMs: ingest.wallMs,
      ingestCpuMs: ingest.cpuMs,
      rssAfterIngestMb,
    };
    if (scenario.report) {
      const report = await measure(() => buildPeriodReport(stores.reportDeps, PERIOD));
      result.reportMs = report.wallMs;
      result.reportCpuMs = report.cpuMs;
      result.gapLists = report.value.gapListKeys.length;
      result.gapListBytes = await stores.objects.sizeOf(BENCH_BUCKETS.reports, 'gap-lists/');
      result.stagedRowBytes = await stores.objects.sizeOf(BENCH_BUCKETS.reports, 'staging/');
      result.icbReportBytes = (
        await stat(await stores.objects.link(BENCH_BUCKETS.reports, report.value.reportKey, 0))
      ).size;
    }
    const used = process.cpuUsage(cpu);
    result.wallMs = performance.now() - started;
    result.cpuMs = (used.user + used.system) / 1000;
    result.peakRssMb = peakRssMb();
    return result;
  } finally {
    await worker?.close();
    await stores.close();
  }
}

async function emptyGapList() {
  const { emptyCounts } = await import('../lambdas/core/metrics/practice-counts');
  const { practiceRow } = await import('../lambdas/core/report/practice-row');
  const identity = { period: PERIOD, practiceCode: 'Y10000', extractDate: '2026-09-30' };
  const assumptions = { costPerFragmentGbp: 0.025, invitesPerYear: 2, fragmentsPerInvite: 1, vatRate: 0 };
  return {
    ...identity,
    clinicalSystem: 'SystmOne',
    metrics: practiceRow(identity, emptyCounts(), assumptions),
    noPreference: [],
    fixContactDetails: [],
  };
}

/** Child process entry: `node --import tsx bench/scenario.ts '<scenario JSON>'` prints one result line. */
async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg === undefined) throw new Error("Usage: tsx bench/scenario.ts '<scenario JSON>' (run.ts starts these).");
  const result = await runScenario(JSON.parse(arg) as Scenario);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
