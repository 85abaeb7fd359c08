import { printProgress } from './print-run';
import type { ProgressEvent } from './run-local';

/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A terminal redraws the live count at most this often. */
export const TTY_REDRAW_MS = 250;
/** A log file (not a terminal) gets a plain "rows read" line at most this often. */
export const PLAIN_LINE_MS = 10_000;

const CLEAR_LINE = '\r\x1b[2K';

/**
 * Local mode's progress display: one line per step (print-run.ts), and while a large file is read a
 * live row count, redrawn in place on a terminal, or as an occasional plain line when the output is not
 * a terminal (so logs get no control characters). The ingest only reports rows; the throttling is here.
 */
export function createProgressPrinter(
  out: ProgressOutput = process.stderr,
  now: () => number = () => performance.now(),
): (event: ProgressEvent) => void {
  let liveLine = false;
  let lastShown = Number.NEGATIVE_INFINITY;
  let lastFile = '';
  const line = (text: string) => out.write(`${text}\n`);
  return (event) => {
    if (event.kind === 'reading') {
      const t = now();
      if (event.file === lastFile && t - lastShown < (out.isTTY ? TTY_REDRAW_MS : PLAIN_LINE_MS)) return;
      lastShown = t;
      lastFile = event.file;
      if (!out.isTTY) {
        printProgress(event, line);
        return;
      }
      printProgress(event, (text) => out.write(`${CLEAR_LINE}${text}`));
      liveLine = true;
      return;
    }
    if (liveLine) out.write(CLEAR_LINE);
    liveLine = false;
    lastFile = '';
    printProgress(event, line);
  };
}
