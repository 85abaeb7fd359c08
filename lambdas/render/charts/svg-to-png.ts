import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { CHART_STYLE } from './chart-style';

/**
 * The bundled font files (Atkinson Hyperlegible, SIL Open Font License 1.1: assets/fonts/OFL.txt). They are the only
 * fonts the renderer sees, so a chart looks the same on a laptop, in CI and in Lambda, which has no system fonts.
 */
export const CHART_FONT_FILES = ['AtkinsonHyperlegible_400Regular.ttf', 'AtkinsonHyperlegible_700Bold.ttf'] as const;

/** Environment variable naming a folder that holds CHART_FONT_FILES; wins over the folders below. */
export const FONT_DIR_ENV = 'PCM_FONT_DIR';

/**
 * PNGs are rendered at twice the SVG size so that they stay sharp when Excel is zoomed or on high-DPI screens; embed
 * them at the SVG size (the chart's `…_SIZE` constant).
 */
export const PNG_SCALE = 2;

/**
 * Where the fonts are looked for, in order:
 * 1. `$PCM_FONT_DIR`, when set (deployments that put the fonts elsewhere);
 * 2. `assets/fonts/` of the repository, found from this module (tsx, vitest, the CLI);
 * 3. `fonts/` next to the running module: the Lambda bundle is one file, `index.mjs`, and the CDK bundling copies
 *    assets/fonts there (see the charts section of the README / the deploy notes).
 */
export function fontDirCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const candidates: string[] = [];
  const override = env[FONT_DIR_ENV];
  if (override !== undefined && override.trim() !== '') candidates.push(override.trim());
  candidates.push(fileURLToPath(new URL('../../../assets/fonts/', import.meta.url)));
  candidates.push(fileURLToPath(new URL('./fonts/', import.meta.url)));
  return candidates;
}

const resolved = new Map<string, string[]>();

/** Paths of the bundled font files, from the first candidate folder (fontDirCandidates) that holds them all. */
export function chartFontFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const candidates = fontDirCandidates(env);
  const key = candidates.join('\n');
  const cached = resolved.get(key);
  if (cached !== undefined) return cached;
  const files = findFontFiles(candidates);
  resolved.set(key, files);
  return files;
}

/**
 * The font files in the first of `dirs` that holds all of CHART_FONT_FILES. Throws, naming every folder tried, when
 * none does: without the fonts every label would silently be missing from the PNG.
 */
export function findFontFiles(dirs: readonly string[]): string[] {
  for (const dir of dirs) {
    const files = CHART_FONT_FILES.map((file) => join(dir, file));
    if (files.every((file) => existsSync(file))) return files;
  }
  throw new Error(
    `Chart fonts not found: none of ${dirs.join(', ')} holds ${CHART_FONT_FILES.join(' and ')}. ` +
      `Set ${FONT_DIR_ENV} to the folder that holds them (in the repository: assets/fonts; in a Lambda bundle: ` +
      'copy assets/fonts to fonts/ next to the handler).',
  );
}

/**
 * Renders an SVG string to PNG bytes with resvg (a prebuilt native binary, no browser), at PNG_SCALE × the SVG's
 * width and height. System fonts are never loaded, so the output is identical wherever it runs.
 */
export function svgToPng(svg: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: chartFontFiles(env),
      defaultFontFamily: CHART_STYLE.fontFamily,
      sansSerifFamily: CHART_STYLE.fontFamily,
      serifFamily: CHART_STYLE.fontFamily,
      monospaceFamily: CHART_STYLE.fontFamily,
    },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: CHART_STYLE.background,
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'error',
  });
  return resvg.render().asPng();
}
