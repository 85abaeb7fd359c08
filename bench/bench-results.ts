import type { BundleSize, CdkAssetSize } from './bundle-sizes';
import type { CliRunResult } from './cli-scenario';
import type { ScenarioResult } from './scenario';

/** The machine a run was measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average before and after the run: other work on the machine skews wall times. */
  loadBefore: number;
  loadAfter: number;
}

/** Everything one `npm run bench` measured, as written to bench/data/results.json. */
export interface BenchResults {
  machine: Machine;
  startedAt: string;
  totalSeconds: number;
  files: { name: string; rows: number; practices: number; bytes: number }[];
  floor1m: ScenarioResult[];
  /** How each floor run fed csv-parse (read size, stream or Parser.api). */
  floorWays1m: string[];
  floor2m: ScenarioResult[];
  ingest1m: ScenarioResult[];
  full1m: ScenarioResult[];
  /** The full pipeline with gap lists rendered on a second thread (GapListWorker) at ingest. */
  full1mWorker: ScenarioResult[];
  /** 2,000,000 patients over 300 practices: the same practice sizes as the 1M export. */
  full2m: ScenarioResult[];
  /** 2,000,000 patients over 150 practices: practices twice the size. */
  full2mLargePractices: ScenarioResult[];
  practice20k: ScenarioResult[];
  localServers20k: ScenarioResult[];
  /** `pcm-report run` on the 1M export as a child process, whole process (issue 17). */
  cli1m: CliRunResult[];
  bundles: BundleSize[];
  cdkAssets: CdkAssetSize[];
}

/** The figures the targets are about, derived from the runs (best of each, peaks as worst). */
export interface Summary {
  floor1mMs: number;
  floor1mWay: string;
  floor2mMs: number;
  counted1mMs: number;
  counted1mRowsPerSecond: number;
  counted2mMs: number;
  ingestHandler1mMs: number;
  full1mMs: number;
  full1mWorkerMs: number;
  peakRss1mWorkerMb: number;
  full2mMs: number;
  peakRss1mMb: number;
  peakRssIngest1mMb: number;
  peakRss2mMb: number;
  rssGrowth: number;
  peakRss2mLargePracticesMb: number;
  rssGrowthLargePractices: number;
  ingestRatio: number;
  fullRatio: number;
  /** The same ratio in CPU time: fairer when other work shares the machine (both phases use one core). */
  ingestCpuRatio: number;
  /**
   * The median over the interleaved rounds of (ingest ÷ that round's fastest floor): steadier than the
   * ratio of the two bests when other work comes and goes on the machine.
   */
  ingestRatioMedianOfRounds: number;
}

const min = (values: number[]) => (values.length === 0 ? Number.NaN : Math.min(...values));
const max = (values: number[]) => (values.length === 0 ? Number.NaN : Math.max(...values));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0
    ? Number.NaN
    : sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const full = (r: ScenarioResult) => (r.ingestMs ?? Number.NaN) + (r.reportMs ?? Number.NaN);

export function summarise(results: BenchResults): Summary {
  const floorBest = results.floor1m.reduce<ScenarioResult | undefined>(
    (best, r) => (best === undefined || r.wallMs < best.wallMs ? r : best),
    undefined,
  );
  const floor1mMs = floorBest?.wallMs ?? Number.NaN;
  const floorIndex = floorBest === undefined ? -1 : results.floor1m.indexOf(floorBest);
  const ingestRuns = [...results.ingest1m, ...results.full1m];
  const counted1mMs = min(ingestRuns.map((r) => r.countedMs ?? Number.NaN));
  const rows = ingestRuns[0]?.rows ?? 0;
  const floorCpu = min(results.floor1m.map((r) => r.cpuMs));
  const peakRss1mMb = max(results.full1m.map((r) => r.peakRssMb));
  const peakRss2mMb = max(results.full2m.map((r) => r.peakRssMb));
  const full1mMs = min(results.full1m.map(full));
  return {
    floor1mMs,
    floor1mWay: results.floorWays1m[floorIndex] ?? '?',
    floor2mMs: min(results.floor2m.map((r) => r.wallMs)),
    counted1mMs,
    counted1mRowsPerSecond: rows / (counted1mMs / 1000),
    counted2mMs: min(results.full2m.map((r) => r.countedMs ?? Number.NaN)),
    ingestHandler1mMs: min(ingestRuns.map((r) => r.ingestMs ?? Number.NaN)),
    full1mMs,
    full1mWorkerMs: min(results.full1mWorker.map(full)),
    peakRss1mWorkerMb: max(results.full1mWorker.map((r) => r.peakRssMb)),
    full2mMs: min(results.full2m.map(full)),
    peakRss1mMb,
    peakRssIngest1mMb: max(results.ingest1m.map((r) => r.peakRssMb)),
    peakRss2mMb,
    rssGrowth: peakRss2mMb / peakRss1mMb - 1,
    peakRss2mLargePracticesMb: max(results.full2mLargePractices.map((r) => r.peakRssMb)),
    rssGrowthLargePractices: max(results.full2mLargePractices.map((r) => r.peakRssMb)) / peakRss1mMb - 1,
    ingestRatio: counted1mMs / floor1mMs,
    fullRatio: full1mMs / floor1mMs,
    ingestCpuRatio: min(ingestRuns.map((r) => r.countedCpuMs ?? Number.NaN)) / floorCpu,
    ingestRatioMedianOfRounds: median(
      results.ingest1m.map((ingest, round) => {
        const floors = results.floor1m.filter(
          (_, i) => Math.floor((i * results.ingest1m.length) / results.floor1m.length) === round,
        );
        return (ingest.countedMs ?? Number.NaN) / min(floors.map((f) => f.wallMs));
      }),
    ),
  };
}
