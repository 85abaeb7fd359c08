import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileFrame {
  /** `functionName file:line`, with the path shortened to the project or package. */
  frame: string;
  /** Share of all samples, 0-100. */
  selfPct: number;
  selfMs: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Frames by self time, largest first. */
  top: ProfileFrame[];
  /** Self time grouped by where the code lives (our modules by folder, packages by name). */
  byArea: { area: string; selfPct: number }[];
}

/**
 * Reads a `node --cpu-prof` profile and returns where the time went: the top frames by self time and
 * self time per area (csv-parse, exceljs, our core/read, core/values, GC...). For docs/performance.md.
 * With `until`, only the samples before the first one whose stack holds a function of that name count
 * (e.g. `saveSnapshot`: the ingest's reading and counting, before anything is stored).
 */
export async function summariseCpuProfile(path: string, topN = 15, until?: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const selfMicros = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const end = until === undefined ? samples.length : firstSampleIn(profile, until);
  for (let i = 0; i < end; i++) {
    const id = samples[i] as number;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + Math.max(0, deltas[i] ?? 0));
  }
  const total = [...selfMicros.values()].reduce((sum, v) => sum + v, 0) || 1;
  const byFrame = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const frame = `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + micros);
    const area = areaOf(functionName, url);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
  }
  const pct = (micros: number) => Math.round((1000 * micros) / total) / 10;
  return {
    totalMs: Math.round(total / 1000),
    top: [...byFrame.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([frame, micros]) => ({ frame, selfPct: pct(micros), selfMs: Math.round(micros / 1000) })),
    byArea: [...byArea.entries()].sort((a, b) => b[1] - a[1]).map(([area, micros]) => ({ area, selfPct: pct(micros) })),
  };
}

/** Index of the first sample whose stack holds a function named `name` (the number of samples if none). */
function firstSampleIn(profile: CpuProfile, name: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const matching = new Set<number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      if (byId.get(id)?.callFrame.functionName === name) {
        matching.add(node.id);
        break;
      }
    }
  }
  const samples = profile.samples ?? [];
  const index = samples.findIndex((id) => matching.has(id));
  return index === -1 ? samples.length : index;
}

function shortUrl(url: string): string {
  const pkg = url.lastIndexOf('node_modules/');
  if (pkg !== -1) return url.slice(pkg + 'node_modules/'.length);
  const ours = url.search(/\/(lambdas|bench)\//);
  if (ours !== -1) return url.slice(ours + 1);
  return url.replace(/^file:\/\//, '');
}

function areaOf(functionName: string, url: string): string {
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)' || functionName === '(program)') return functionName;
    return 'V8/native';
  }
  const pkg = url.lastIndexOf('node_modules/');
  if (pkg !== -1) {
    const parts = url.slice(pkg + 'node_modules/'.length).split('/');
    return (parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]) ?? url;
  }
  const ours = url.match(/\/(lambdas\/(?:core\/)?[^/]+|bench)\//);
  if (ours) return ours[1] as string;
  if (url.startsWith('node:')) return 'node internals';
  return 'other';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  if (!path) throw new Error('Usage: tsx bench/cpu-profile-summary.ts <file.cpuprofile> [topN] [until-function]');
  const summary = await summariseCpuProfile(path, Number(process.argv[3] ?? 15), process.argv[4]);
  console.log(`total ${summary.totalMs} ms`);
  for (const f of summary.top) console.log(`${f.selfPct.toFixed(1).padStart(5)}%  ${f.frame}`);
  console.log('--- by area');
  for (const a of summary.byArea.slice(0, 15)) console.log(`${a.selfPct.toFixed(1).padStart(5)}%  ${a.area}`);
}
