import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHART_FONT_FILES,
  chartFontFiles,
  FONT_DIR_ENV,
  findFontFiles,
  fontDirCandidates,
  PNG_SCALE,
  svgToPng,
} from '../../../../lambdas/render/charts/svg-to-png';
import { darkPixels, PNG_SIGNATURE, pngPixels, pngSize } from './png-image';

const BLANK = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"></svg>';

function textSvg(family: string): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">' +
    `<text x="10" y="28" font-size="20" font-family="${family}">D83001 23.4%</text></svg>`
  );
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('svgToPng', () => {
  it('writes a PNG at twice the SVG size', () => {
    const png = svgToPng(BLANK);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(PNG_SCALE).toBe(2);
    expect(pngSize(png)).toEqual({ width: 200, height: 100 });
  });

  it('draws text with the bundled font, without any system font', () => {
    const image = pngPixels(svgToPng(textSvg("'Atkinson Hyperlegible'")));
    // The text sits between x 10..~140 and y 12..28 in SVG pixels, so 20..280 × 24..56 in the PNG.
    expect(darkPixels(image, { x: 20, y: 20, width: 260, height: 40 })).toBeGreaterThan(500);
    expect(darkPixels(image, { x: 300, y: 0, width: 100, height: 80 })).toBe(0);
  });

  it('falls back to the bundled font when the SVG names a font that is not bundled', () => {
    const image = pngPixels(svgToPng(textSvg('Arial, Helvetica, sans-serif')));
    expect(darkPixels(image, { x: 20, y: 20, width: 260, height: 40 })).toBeGreaterThan(500);
  });

  it('renders the same bytes every time', () => {
    expect(svgToPng(textSvg('sans-serif')).equals(svgToPng(textSvg('sans-serif')))).toBe(true);
  });
});

describe('chartFontFiles', () => {
  it('looks in PCM_FONT_DIR first, then the repository assets, then fonts/ next to the module', () => {
    const candidates = fontDirCandidates({ [FONT_DIR_ENV]: '/var/task/fonts' });
    expect(candidates[0]).toBe('/var/task/fonts');
    expect(candidates[1]?.replaceAll('\\', '/')).toMatch(/\/assets\/fonts\/?$/);
    expect(candidates[2]?.replaceAll('\\', '/')).toMatch(/\/lambdas\/render\/charts\/fonts\/?$/);
  });

  it('uses the fonts in PCM_FONT_DIR when it holds them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcm-fonts-'));
    tempDirs.push(dir);
    const bundled = chartFontFiles({});
    for (const [i, file] of CHART_FONT_FILES.entries()) copyFileSync(bundled[i] as string, join(dir, file));
    const env = { [FONT_DIR_ENV]: dir };
    expect(chartFontFiles(env)).toEqual(CHART_FONT_FILES.map((file) => join(dir, file)));
    expect(pngSize(svgToPng(textSvg('sans-serif'), env))).toEqual({ width: 400, height: 80 });
  });

  it('ignores a blank PCM_FONT_DIR and finds the repository fonts', () => {
    const files = chartFontFiles({ [FONT_DIR_ENV]: '  ' });
    expect(files.map((file) => file.replaceAll('\\', '/').split('/').slice(-3).join('/'))).toEqual([
      'assets/fonts/AtkinsonHyperlegible_400Regular.ttf',
      'assets/fonts/AtkinsonHyperlegible_700Bold.ttf',
    ]);
  });

  it('says which folders it searched and how to fix it when no folder holds the fonts', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pcm-no-fonts-'));
    tempDirs.push(empty);
    expect(() => findFontFiles([empty, '/nowhere/fonts'])).toThrow(
      `Chart fonts not found: none of ${empty}, /nowhere/fonts holds AtkinsonHyperlegible_400Regular.ttf and ` +
        'AtkinsonHyperlegible_700Bold.ttf. Set PCM_FONT_DIR to the folder that holds them',
    );
  });
});
