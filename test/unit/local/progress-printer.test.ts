import { describe, expect, it } from 'vitest';
import { createProgressPrinter, PLAIN_LINE_MS, TTY_REDRAW_MS } from '../../../lambdas/local/progress-printer';
import type { ProgressEvent } from '../../../lambdas/local/run-local';

const reading = (rows: number, file = 'icb.csv'): ProgressEvent => ({
  kind: 'reading',
  index: 1,
  total: 2,
  file,
  rows,
});
const report: ProgressEvent = { kind: 'report', period: '2026-10', reporting: 150, expected: 150 };

function output(isTTY: boolean) {
  const written: string[] = [];
  let clock = 0;
  const printer = createProgressPrinter({ isTTY, write: (text: string) => written.push(text) }, () => clock);
  return { written, printer, advance: (ms: number) => (clock += ms) };
}

describe('createProgressPrinter', () => {
  it('redraws the row count in place on a terminal, at most every 250 ms, and clears it before the next line', () => {
    const { written, printer, advance } = output(true);
    printer(reading(50_000));
    advance(TTY_REDRAW_MS - 1);
    printer(reading(100_000)); // too soon: skipped
    advance(1);
    printer(reading(150_000));
    printer(report);
    expect(written).toEqual([
      '\r\x1b[2K[1/2] icb.csv: 50,000 rows read…',
      '\r\x1b[2K[1/2] icb.csv: 150,000 rows read…',
      '\r\x1b[2K',
      'Report 2026-10: 150 of 150 practices reported.\n',
    ]);
  });

  it('writes plain lines, no control characters, at most every 10 s when not a terminal', () => {
    const { written, printer, advance } = output(false);
    printer(reading(50_000));
    advance(PLAIN_LINE_MS - 1);
    printer(reading(100_000));
    advance(1);
    printer(reading(150_000));
    printer(reading(50_000, 'next.csv')); // a new file shows at once
    printer(report);
    expect(written).toEqual([
      '[1/2] icb.csv: 50,000 rows read…\n',
      '[1/2] icb.csv: 150,000 rows read…\n',
      '[1/2] next.csv: 50,000 rows read…\n',
      'Report 2026-10: 150 of 150 practices reported.\n',
    ]);
  });
});
