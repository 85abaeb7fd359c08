import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const IMAGE_NAME = /^[a-z0-9-]+\.(svg|png|ico)$/;
const IMAGE_TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon' };

/** The built NHS.UK frontend (styles and icons), served by the portal itself: never from a CDN. */
export function defaultAssetsDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('nhsuk-frontend/package.json');
  return join(dirname(packageJson), 'dist', 'nhsuk');
}

/**
 * The stylesheet without its @font-face rules: they load Frutiger from assets.nhs.uk, which the
 * CSP forbids (the styles fall back to Arial, as NHS.UK frontend intends when the font is absent).
 */
export function withoutWebFonts(css: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, '');
}

export interface NhsukAssets {
  stylesheet(): Promise<string>;
  /** An icon by name, or undefined for any name that is not a plain icon file of the package. */
  image(name: string): Promise<{ body: Uint8Array<ArrayBuffer>; type: string } | undefined>;
}

/** `dir` defaults to the installed package, found on first use (a Lambda bundle passes its copy's folder). */
export function nhsukAssets(dir?: string): NhsukAssets {
  const where = () => dir ?? defaultAssetsDir();
  let css: Promise<string> | undefined;
  return {
    stylesheet() {
      css ??= readFile(join(where(), 'nhsuk-frontend.min.css'), 'utf8').then(withoutWebFonts);
      return css;
    },
    async image(name) {
      const extension = IMAGE_NAME.exec(name)?.[1];
      if (extension === undefined) return undefined;
      try {
        return {
          body: new Uint8Array(await readFile(join(where(), 'assets', 'images', name))),
          type: IMAGE_TYPES[extension] as string,
        };
      } catch {
        return undefined;
      }
    },
  };
}
