import { fileURLToPath } from 'node:url';

/** The synthetic sample data shipped with the repo: what `npm start` runs on. */
export const BUNDLED = {
  exports: fileURLToPath(new URL('../../samples/exports', import.meta.url)),
  practices: fileURLToPath(new URL('../../samples/practices.csv', import.meta.url)),
};
