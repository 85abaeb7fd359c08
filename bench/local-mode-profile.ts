import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Who a sample's whole stack belongs to, first match wins: the local servers' own work (they run in the
 * CLI's process), the SDK clients, plain HTTP, module loading, then the pipeline's main costs. Inclusive,
 * unlike self time: a Buffer copy inside s3rver counts as s3rver's.
 */
const CATEGORIES: [string, RegExp][] = [
  [
    'module loading / compile (start-up)',
    /^(wrapSafe|compileSourceTextModule|compileForInternalLoader|loadESM|importModuleDynamically)$|^node:internal\/modules\//,
  ],
  ['S3 server (s3rver, koa)', /node_modules\/(s3rver|koa[^/]*|@koa|busboy|xmlbuilder2|fast-xml-parser)\//],
  [
    'DynamoDB server (dynalite, level)',
    /node_modules\/(dynalite|classic-level|abstract-level|level[^/]*|memdown|leveldown|lazy|async|big\.js|buffer-crc32)\//,
  ],
  ['AWS SDK clients (@aws-sdk, @smithy)', /node_modules\/@(aws-sdk|smithy|aws-crypto)\//],
  ['HTTP and sockets (node:_http, net, stream)', /^node:(_http_|http|net|internal\/(http|net|stream_base))/],
  ['csv-parse (reading the export)', /node_modules\/csv-parse\//],
  [
    'workbooks (exceljs, zip, deflate)',
    /node_modules\/(exceljs|jszip|archiver[^/]*|pako|zip-stream|compress-commons|crc-32|crc32-stream)\/|^node:zlib$/,
  ],
  ['emails (nodemailer)', /node_modules\/nodemailer\//],
];

export interface LocalModeProfile {
  totalMs: number;
  /** Inclusive share per category, plus GC, idle and "the rest" (our pipeline code, V8 and Node internals). */
  byCategory: { category: string; ms: number; pct: number }[];
}

/**
 * Splits a `node --cpu-prof` profile of `pcm-report run` into where local mode's time goes (docs/performance.md),
 * optionally only the samples from `fromMs` to `toMs` after the profile's start (one phase of the run).
 */
export async function localModeProfile(
  path: string,
  fromMs = 0,
  toMs = Number.POSITIVE_INFINITY,
): Promise<LocalModeProfile> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const categoryOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = categoryOf.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id) as ProfileNode;
    const { functionName, url } = node.callFrame;
    let found: string | undefined;
    if (functionName === '(garbage collector)') found = 'GC';
    else if (functionName === '(idle)') found = 'idle (waiting: I/O, other processes)';
    for (const [category, pattern] of CATEGORIES) {
      if (found === undefined && (pattern.test(url) || pattern.test(functionName))) found = category;
    }
    const up = parent.get(id);
    const result = found ?? (up === undefined ? 'the rest: pipeline code, V8, Node' : classify(up));
    categoryOf.set(id, result);
    return result;
  };
  const micros = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = 0;
  for (let i = 0; i < samples.length; i++) {
    at += Math.max(0, deltas[i] ?? 0) / 1000;
    if (at < fromMs || at > toMs) continue;
    const category = classify(samples[i] as number);
    micros.set(category, (micros.get(category) ?? 0) + Math.max(0, deltas[i] ?? 0));
  }
  const total = [...micros.values()].reduce((sum, v) => sum + v, 0) || 1;
  return {
    totalMs: Math.round(total / 1000),
    byCategory: [...micros.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([category, us]) => ({ category, ms: Math.round(us / 1000), pct: (100 * us) / total })),
  };
}

/**
 * Functions that mark the CLI's phases: a phase runs from the first to the last sample with one of its markers on
 * the stack (work resumed after an await runs from a microtask, so a phase needs markers that its later work shows).
 */
const PHASE_MARKERS: [string, string[]][] = [
  ['servers started', ['startLocalServers']],
  ['directory imported', ['importDirectory']],
  ['export read and counted', ['countOpened', 'tallyExportRows']],
  ['store phase (snapshots, staged rows, gap lists)', ['storePractices', 'saveSnapshot', 'writeGapList']],
  ['monthly report', ['buildPeriodReport', 'refreshGapList', 'renderIcbWorkbook']],
  ['outputs copied out', ['copyOut']],
  ['practices notified', ['notifyPractices', 'notifyPractice']],
];

/**
 * When each phase of `pcm-report run` began and ended in a profile of the bundled CLI (whose function names are
 * kept), as the samples show it: a phase's stretches of waiting (its awaits) fall inside, its work in
 * microtasks whose stacks no longer show the marker is attributed to the window all the same.
 */
export async function localModePhases(path: string): Promise<{ phase: string; fromMs: number; toMs: number }[]> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const parent = new Map<number, number>();
  const names = new Map<number, string>();
  for (const node of profile.nodes) {
    names.set(node.id, node.callFrame.functionName);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const seen = new Map<string, { fromMs: number; toMs: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = 0;
  for (let i = 0; i < samples.length; i++) {
    at += Math.max(0, deltas[i] ?? 0) / 1000;
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const name = names.get(id) as string;
      const window = seen.get(name);
      if (window) window.toMs = at;
      else if (PHASE_MARKERS.some(([, markers]) => markers.includes(name))) seen.set(name, { fromMs: at, toMs: at });
    }
  }
  return PHASE_MARKERS.flatMap(([phase, markers]) => {
    const windows = markers.flatMap((marker) => seen.get(marker) ?? []);
    if (windows.length === 0) return [];
    return [
      { phase, fromMs: Math.min(...windows.map((w) => w.fromMs)), toMs: Math.max(...windows.map((w) => w.toMs)) },
    ];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  if (!path) throw new Error('Usage: tsx bench/local-mode-profile.ts <file.cpuprofile> [--phases | from-ms to-ms]');
  if (process.argv[3] === '--phases') {
    for (const { phase, fromMs, toMs } of await localModePhases(path)) {
      console.log(`${(fromMs / 1000).toFixed(2).padStart(6)}-${(toMs / 1000).toFixed(2)} s  ${phase}`);
    }
    process.exit(0);
  }
  const summary = await localModeProfile(
    path,
    Number(process.argv[3] ?? 0),
    Number(process.argv[4] ?? Number.POSITIVE_INFINITY),
  );
  console.log(`total ${summary.totalMs} ms sampled`);
  for (const c of summary.byCategory) {
    console.log(`${c.pct.toFixed(1).padStart(5)}%  ${String(c.ms).padStart(6)} ms  ${c.category}`);
  }
}
