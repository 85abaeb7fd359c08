import { type BenchResults, summarise } from './bench-results';
import { formatCliReport } from './cli-report';
import type { ScenarioResult } from './scenario';

const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
const mb = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} MB` : 'n/a');
const bytesMb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a');
const pct = (fraction: number) => `${fraction >= 0 ? '+' : ''}${(100 * fraction).toFixed(1)}%`;
const count = (n: number) => Math.round(n).toLocaleString('en-GB');
const fullMs = (r: ScenarioResult) => (r.ingestMs ?? Number.NaN) + (r.reportMs ?? Number.NaN);
const best = (runs: ScenarioResult[], pick: (r: ScenarioResult) => number | undefined) =>
  Math.min(...runs.map((r) => pick(r) ?? Number.NaN));
const worst = (runs: ScenarioResult[], pick: (r: ScenarioResult) => number | undefined) =>
  Math.max(...runs.map((r) => pick(r) ?? Number.NaN));

function row(label: string, ...cells: string[]): string {
  return `  ${label.padEnd(44)}${cells.map((c) => c.padEnd(38)).join('')}`.trimEnd();
}

/** The benchmark's report: what the issue asks to see, with the targets marked met or not. */
export function formatBenchReport(results: BenchResults): string {
  const m = results.machine;
  const sum = summarise(results);
  const lines: string[] = [];
  const target = (met: boolean, text: string) => lines.push(`  ${met ? '[met]    ' : '[NOT met]'} ${text}`);

  lines.push(`pcm-reporter benchmark, ${results.startedAt}, ${(results.totalSeconds / 60).toFixed(1)} min`);
  lines.push(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (${m.platform}); ` +
      `load average ${m.loadBefore.toFixed(1)} before, ${m.loadAfter.toFixed(1)} after`,
  );
  lines.push('times are the best of the repetitions, peak RSS the worst; each scenario ran in its own process;');
  lines.push('the pipeline runs in one thread (as in Lambda) except where "gap list worker" says otherwise');
  lines.push('');
  lines.push('exports (generated once, deterministic):');
  for (const f of results.files) {
    lines.push(
      `  ${f.name.padEnd(44)}${count(f.rows).padStart(10)} patients ${String(f.practices).padStart(4)} practices ${bytesMb(f.bytes).padStart(10)}`,
    );
  }
  lines.push('');
  lines.push(row('', '1,000,000 patients, 150 practices', '2,000,000 patients, 300 practices'));
  lines.push(row('parse floor: bare csv-parse pass', `${s(sum.floor1mMs)} (${sum.floor1mWay})`, s(sum.floor2mMs)));
  lines.push(row('ingest: read → normalise → validate → count', s(sum.counted1mMs), s(sum.counted2mMs)));
  lines.push(
    row(
      '  rows/s, ratio to the floor',
      `${count(sum.counted1mRowsPerSecond)}/s, ${times(sum.ingestRatio)}`,
      `${count(results.full2m[0] ? results.full2m[0].rows / ((sum.counted2mMs || Number.NaN) / 1000) : Number.NaN)}/s, ${times(sum.counted2mMs / sum.floor2mMs)}`,
    ),
  );
  lines.push(row('  same ratio in CPU time', times(sum.ingestCpuRatio)));
  lines.push(row('  median ratio of the interleaved rounds', times(sum.ingestRatioMedianOfRounds)));
  lines.push(
    row(
      'ingest handler work (+ snapshots, staged',
      s(sum.ingestHandler1mMs),
      s(best(results.full2m, (r) => r.ingestMs)),
    ),
  );
  lines.push(row('  rows, gap lists placed in the ICB)'));
  lines.push(
    row(
      'monthly report (ICB workbook, CSV, any',
      s(best(results.full1m, (r) => r.reportMs)),
      s(best(results.full2m, (r) => r.reportMs)),
    ),
  );
  lines.push(row('  gap list out of date)'));
  lines.push(
    row(
      'full pipeline (ingest + report)',
      `${s(sum.full1mMs)}, ${times(sum.fullRatio)} floor`,
      `${s(sum.full2mMs)}, ${times(sum.full2mMs / sum.floor2mMs)} floor`,
    ),
  );
  if (results.full1mWorker.length > 0) {
    lines.push(
      row(
        '  with the gap list worker (2 threads)',
        `${s(sum.full1mWorkerMs)}, ${times(sum.full1mWorkerMs / sum.floor1mMs)} floor, peak RSS ${mb(sum.peakRss1mWorkerMb)}`,
      ),
    );
  }
  lines.push(row('peak RSS, ingest alone', mb(sum.peakRssIngest1mMb)));
  lines.push(row('peak RSS, full pipeline', mb(sum.peakRss1mMb), `${mb(sum.peakRss2mMb)} (${pct(sum.rssGrowth)})`));
  const large = results.full2mLargePractices[0];
  if (large) {
    lines.push(
      row(
        '  2,000,000 patients in 150 practices',
        `${mb(sum.peakRss2mLargePracticesMb)} (${pct(sum.rssGrowthLargePractices)}); full pipeline ${s(fullMs(large))}`,
      ),
    );
  }
  lines.push(
    row(
      '  largest live heap / Buffers seen',
      `${mb(worst(results.full1m, (r) => r.peakHeapUsedMb))} / ${mb(worst(results.full1m, (r) => r.peakExternalMb))}`,
      `${mb(worst(results.full2m, (r) => r.peakHeapUsedMb))} / ${mb(worst(results.full2m, (r) => r.peakExternalMb))}`,
    ),
  );
  const full = results.full1m[0];
  if (full) {
    lines.push(
      row(
        'outputs',
        `${full.gapLists} gap lists ${bytesMb(full.gapListBytes ?? 0)}, staged rows ${bytesMb(full.stagedRowBytes ?? 0)}, ICB workbook ${bytesMb(full.icbReportBytes ?? 0)}`,
      ),
    );
  }
  lines.push('');
  lines.push('targets (1,000,000 patients):');
  target(
    sum.ingestRatio <= 1.5,
    `ingest ≤ 1.5 × parse floor: ${times(sum.ingestRatio)} (CPU time ${times(sum.ingestCpuRatio)}, ` +
      `median of rounds ${times(sum.ingestRatioMedianOfRounds)})`,
  );
  target(sum.fullRatio <= 2.5, `full pipeline ≤ 2.5 × parse floor: ${times(sum.fullRatio)}`);
  target(
    sum.peakRss1mMb <= 256,
    `peak RSS ≤ 256 MB: ${mb(sum.peakRss1mMb)} (ingest alone ${mb(sum.peakRssIngest1mMb)})`,
  );
  target(
    sum.rssGrowth <= 0.1,
    `peak RSS grows ≤ 10% from 1M to 2M rows: ${pct(sum.rssGrowth)} (${pct(sum.rssGrowthLargePractices)} when the ` +
      'same 150 practices are twice as large)',
  );
  if (results.cli1m.length > 0) {
    lines.push('');
    lines.push(...formatCliReport({ floors: results.floor1m, floorWays: results.floorWays1m, cli: results.cli1m }));
  }
  lines.push('');
  lines.push('one practice, 20,000 patients (a typical practice export), in-handler time:');
  lines.push(
    `  pipeline on in-memory stores: ingest ${s(best(results.practice20k, (r) => r.ingestMs))}, monthly report ` +
      `${s(best(results.practice20k, (r) => r.reportMs))}, peak RSS ${mb(worst(results.practice20k, (r) => r.peakRssMb))}`,
  );
  for (const local of results.localServers20k) {
    lines.push(
      `  real handlers, AWS SDK, local S3/DynamoDB servers: ingest ${s(local.ingestHandlerMs ?? Number.NaN)} (first call), ` +
        `${s(local.ingestHandlerWarmMs ?? Number.NaN)} (second), monthly report ${s(local.reportHandlerMs ?? Number.NaN)}, ` +
        `peak RSS ${mb(local.peakRssMb)} (servers included)`,
    );
  }
  lines.push('');
  lines.push('Lambda bundles of the current code (esbuild --bundle --format=esm --minify, resvg external):');
  for (const b of results.bundles) {
    lines.push(`  ${b.handler.padEnd(20)}${bytesMb(b.bytes).padStart(10)}  gzip ${bytesMb(b.gzipBytes)}`);
  }
  if (results.cdkAssets.length > 0) {
    lines.push(`cdk.out assets (npm run synth, built ${results.cdkAssets[0]?.builtAt}):`);
    for (const a of results.cdkAssets) {
      lines.push(
        `  ${a.function.padEnd(40)}${String(a.memoryMb ?? '?').padStart(5)} MB memory  index.mjs ${bytesMb(a.bundleBytes)}, ` +
          `whole asset ${bytesMb(a.assetBytes)} (source map, fonts, resvg)`,
      );
    }
  } else {
    lines.push('cdk.out: none (run `npm run synth` to include the deployed assets).');
  }
  return lines.join('\n');
}
