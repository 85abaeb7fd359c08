import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** One Lambda function's code size. */
export interface BundleSize {
  handler: string;
  /** The minified bundle (index.mjs). */
  bytes: number;
  /** The same, gzipped: close to what the deployment zip adds for it. */
  gzipBytes: number;
}

/** A function's asset as `cdk synth` left it in cdk.out. */
export interface CdkAssetSize {
  function: string;
  memoryMb: number | undefined;
  /** index.mjs alone. */
  bundleBytes: number;
  /** Everything in the asset folder: bundle, source map, fonts, native modules (resvg). */
  assetBytes: number;
  builtAt: string;
}

/**
 * Bundles each handler in lambdas/handlers (a module that exports `handler`) the way the stack does:
 * esbuild, ESM, minified, for Node, with the native chart renderer (@resvg/resvg-js) left out as it is
 * installed beside the bundle. Sizes of the current code, whatever cdk.out holds.
 */
export async function handlerBundleSizes(root: string): Promise<BundleSize[]> {
  const dir = join(root, 'lambdas/handlers');
  const sizes: BundleSize[] = [];
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.ts')).sort()) {
    const source = await readFile(join(dir, file), 'utf8');
    // A Lambda entry exports `handler` (a function, or a const built by onFirstInvocation).
    if (!/export (async function|const) handler\b/.test(source)) continue;
    const result = await build({
      entryPoints: [join(dir, file)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      external: ['@resvg/resvg-js'],
      mainFields: ['module', 'main'],
      banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
      write: false,
      logLevel: 'error',
    });
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
    sizes.push({
      handler: basename(file, '.ts'),
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    });
  }
  return sizes;
}

/**
 * The functions' assets in cdk.out (after `npm run synth`), matched to functions through the template,
 * or an empty list when there is no cdk.out. They may be older than the code: `builtAt` says when.
 */
export async function cdkAssetSizes(root: string): Promise<CdkAssetSize[]> {
  const out = join(root, 'cdk.out');
  const templates = (await readdir(out).catch(() => [] as string[])).filter((f) => f.endsWith('.template.json'));
  const sizes: CdkAssetSize[] = [];
  for (const templateFile of templates) {
    const template = JSON.parse(await readFile(join(out, templateFile), 'utf8')) as {
      Resources?: Record<string, { Type: string; Properties?: { Code?: { S3Key?: string }; MemorySize?: number } }>;
    };
    for (const [id, resource] of Object.entries(template.Resources ?? {})) {
      const key = resource.Properties?.Code?.S3Key;
      if (resource.Type !== 'AWS::Lambda::Function' || typeof key !== 'string') continue;
      const folder = join(out, `asset.${key.replace(/\.zip$/, '')}`);
      const bundle = await stat(join(folder, 'index.mjs')).catch(() => undefined);
      if (bundle === undefined) continue;
      sizes.push({
        function: id,
        memoryMb: resource.Properties?.MemorySize,
        bundleBytes: bundle.size,
        assetBytes: await folderBytes(folder),
        builtAt: bundle.mtime.toISOString(),
      });
    }
  }
  return sizes;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size;
  }
  return total;
}
