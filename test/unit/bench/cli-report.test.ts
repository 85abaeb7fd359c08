import { describe, expect, it } from 'vitest';
import { formatCliReport, summariseCli } from '../../../bench/cli-report';
import { directoryCsv, parseMaxRssKb } from '../../../bench/cli-scenario';
import type { ScenarioResult } from '../../../bench/scenario';

const floor = (wallMs: number) => ({ kind: 'floor', wallMs, cpuMs: wallMs, peakRssMb: 60 }) as ScenarioResult;
const cli = (wallMs: number, peakRssMb: number) => ({ wallMs, peakRssMb, doneLine: 'Done in …' });

describe('the CLI scenario report', () => {
  const measured = {
    floors: [floor(3000), floor(2800), floor(3100), floor(2900)],
    floorWays: ['64 KiB', '1024 KiB', 'api', '64 KiB'],
    cli: [cli(28_000, 340), cli(14_000, 250), cli(21_000, 330)],
  };

  it('compares the median wall with the fastest floor of the same run, and keeps the worst RSS', () => {
    // median(28, 14, 21) = 21 s; 21 / 2.8 = 7.5; best 14 / 2.8 = 5.
    expect(summariseCli(measured)).toEqual({
      floorMs: 2800,
      floorWay: '1024 KiB',
      medianMs: 21_000,
      bestMs: 14_000,
      medianRatio: 7.5,
      bestRatio: 5,
      peakRssMb: 340,
    });
  });

  it('marks the issue 17 targets', () => {
    const text = formatCliReport(measured).join('\n');
    expect(text).toContain('21.00 s, 7.50× the floor (runs: 28.0, 14.0, 21.0 s; best 5.00×)');
    expect(text).toContain('[NOT met] wall ≤ 2.5 × parse floor: 7.50×');
    expect(text).toContain('[NOT met] peak RSS ≤ 256 MB: 340 MB');
    const fast = formatCliReport({ ...measured, cli: [cli(7000, 250)] }).join('\n');
    expect(fast).toContain('[met]     wall ≤ 2.5 × parse floor: 2.50×');
    expect(fast).toContain('[met]     peak RSS ≤ 256 MB: 250 MB');
  });

  it('reads GNU time’s %M (kilobytes), also after a "Command exited" line', () => {
    expect(parseMaxRssKb('344064\n')).toBe(336);
    expect(parseMaxRssKb('Command exited with non-zero status 1\n102400\n')).toBe(100);
    expect(() => parseMaxRssKb('')).toThrow(/Unexpected/);
  });

  it('writes a directory CSV listing the generated practices', () => {
    expect(directoryCsv(2).split('\n')).toEqual([
      'practice_code,practice_name,pcn,clinical_system,email',
      'Y10000,Bench Practice 1,Bench PCN 1,SystmOne,y10000@example.org',
      'Y10001,Bench Practice 2,Bench PCN 2,SystmOne,y10001@example.org',
      '',
    ]);
  });
});
