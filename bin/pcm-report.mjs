#!/usr/bin/env node
// `pcm-report` and `npm start`: runs the CLI (bin/pcm-report.ts) from a bundle of its TypeScript in
// dist/cli/, rebuilt by esbuild (~1 s) whenever one of its source files is newer, instead of having tsx
// transpile ~300 modules at every start: faster start-up and ~100 MB less resident memory (tsx's
// loader thread); see docs/performance.md. Packages stay in node_modules. Without esbuild, tsx.
import { mkdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `${root}bin/pcm-report.ts`;
const dir = `${root}dist/cli/`;
const bundle = `${dir}pcm-report.mjs`;
const inputsFile = `${dir}inputs.json`;

/** The bundle is current when no source file it was built from is newer than it. */
async function isCurrent() {
  try {
    const built = (await stat(bundle)).mtimeMs;
    const inputs = JSON.parse(await readFile(inputsFile, 'utf8'));
    const times = await Promise.all(inputs.map((file) => stat(`${root}${file}`).then((s) => s.mtimeMs)));
    return times.every((time) => time <= built);
  } catch {
    return false;
  }
}

/** Builds the bundle; false when it cannot (no esbuild, a read-only install: tsx then runs the sources and shows
 * any error in them). Written under a temporary name, then renamed, so a second process starting at the same
 * time never runs half a file. Stamped with the time the build began, so a source saved meanwhile makes it stale. */
async function build() {
  try {
    await buildOrThrow();
    return true;
  } catch {
    return false;
  }
}

async function buildOrThrow() {
  const esbuild = await import('esbuild');
  const began = new Date();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    outfile: bundle,
    logLevel: 'silent',
  });
  await mkdir(dir, { recursive: true });
  const partial = `${bundle}.${process.pid}.partial`;
  await writeFile(partial, result.outputFiles[0].contents);
  await utimes(partial, began, began);
  await writeFile(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
  await rename(partial, bundle);
}

// The AWS SDK warns at every start under Node 20 that its releases from January 2027 need Node 22: a note for
// whoever updates the lockfile (README, Quick start), not for someone running a report. Set it to false to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

if ((await isCurrent()) || (await build())) {
  // The chart fonts are found from the module's own place in the sources (lambdas/render/charts); the bundle is elsewhere.
  process.env.PCM_FONT_DIR ||= `${root}assets/fonts/`;
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
