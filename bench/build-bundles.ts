import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The benchmark's own processes, bundled once per run so that they run on plain Node (no TypeScript loader). */
export interface BenchBundles {
  scenario: string;
  gapListWorker: string;
}

/**
 * Bundles the scenario runner and the gap list worker into `outDir`. Packages stay external (loaded from
 * node_modules as usual); only our TypeScript is compiled. The scenario folder gets a package.json
 * saying its `.js` files are ES modules. Why not run them with tsx: its loader adds
 * ~100 MB to a process's resident memory, which would swamp the peak RSS being measured, and worker
 * threads do not inherit it.
 */
export async function buildBenchBundles(root: string, outDir: string): Promise<BenchBundles> {
  const bundles = {
    scenario: join(outDir, 'scenario', 'scenario.js'),
    gapListWorker: join(outDir, 'gap-list-worker.mjs'),
  };
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  } as const;
  // Split at the scenario's dynamic imports: a package imported by one scenario is not loaded by the others.
  await build({
    ...common,
    entryPoints: [join(root, 'bench/scenario.ts')],
    outdir: join(outDir, 'scenario'),
    splitting: true,
    outExtension: { '.js': '.js' },
  });
  await writeFile(join(outDir, 'scenario', 'package.json'), '{ "type": "module" }\n');
  await build({
    ...common,
    entryPoints: [join(root, 'bench/gap-list-worker.ts')],
    outfile: bundles.gapListWorker,
  });
  return bundles;
}
