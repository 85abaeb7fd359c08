import type { CliRunResult } from './cli-scenario';
import type { ScenarioResult } from './scenario';

/** The CLI end-to-end scenario's runs with the parse floors measured in the same bench run. */
export interface CliMeasurements {
  floors: ScenarioResult[];
  floorWays: string[];
  cli: CliRunResult[];
}

export interface CliSummary {
  floorMs: number;
  floorWay: string;
  medianMs: number;
  bestMs: number;
  medianRatio: number;
  bestRatio: number;
  peakRssMb: number;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** The floor is the fastest csv-parse pass of the run; the CLI's wall is its median (and best), its RSS the worst. */
export function summariseCli({ floors, floorWays, cli }: CliMeasurements): CliSummary {
  let floorIndex = -1;
  floors.forEach((f, i) => {
    if (floorIndex < 0 || f.wallMs < (floors[floorIndex] as ScenarioResult).wallMs) floorIndex = i;
  });
  const floorMs = floorIndex < 0 ? Number.NaN : (floors[floorIndex] as ScenarioResult).wallMs;
  const walls = cli.map((r) => r.wallMs);
  const medianMs = median(walls);
  const bestMs = walls.length === 0 ? Number.NaN : Math.min(...walls);
  return {
    floorMs,
    floorWay: floorWays[floorIndex] ?? '?',
    medianMs,
    bestMs,
    medianRatio: medianMs / floorMs,
    bestRatio: bestMs / floorMs,
    peakRssMb: cli.length === 0 ? Number.NaN : Math.max(...cli.map((r) => r.peakRssMb)),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (ratio: number) => `${ratio.toFixed(2)}×`;

/** The report's CLI section: wall (median and each run), ratio to the floor, peak RSS, and the issue 17 targets. */
export function formatCliReport(measured: CliMeasurements): string[] {
  const sum = summariseCli(measured);
  const runs = measured.cli.map((r) => (r.wallMs / 1000).toFixed(1)).join(', ');
  return [
    'pcm-report run, whole process (1,000,000 patients, 150 practices; upload, ingest, report, copy-out, notify):',
    `  parse floor in this run        ${s(sum.floorMs)} (${sum.floorWay})`,
    `  wall, median of ${measured.cli.length}            ${s(sum.medianMs)}, ${x(sum.medianRatio)} the floor (runs: ${runs} s; best ${x(sum.bestRatio)})`,
    `  peak RSS, largest process      ${Math.round(sum.peakRssMb)} MB (worst of the runs; /usr/bin/time %M)`,
    `  ${sum.medianRatio <= 2.5 ? '[met]    ' : '[NOT met]'} wall ≤ 2.5 × parse floor: ${x(sum.medianRatio)}`,
    `  ${sum.peakRssMb <= 256 ? '[met]    ' : '[NOT met]'} peak RSS ≤ 256 MB: ${Math.round(sum.peakRssMb)} MB`,
  ];
}
