import { describe, expect, it } from 'vitest';
import { emptyCounts, type PracticeCounts } from '../../../../lambdas/core/metrics/practice-counts';
import { isUnusable } from '../../../../lambdas/core/metrics/unusable-practice';
import { assemblePeriodReport } from '../../../../lambdas/core/report/assemble-period-report';
import type { PracticeSnapshot } from '../../../../lambdas/core/snapshot';

function snapshot(practiceCode: string, counts: Partial<PracticeCounts>, period = '2026-10'): PracticeSnapshot {
  return {
    period,
    practiceCode,
    extractDate: `${period}-28`,
    clinicalSystem: 'SystmOne',
    source: { bucket: 'exports', key: `${practiceCode}.csv`, etag: 'e' },
    ingestedAt: `${period}-28T06:00:00Z`,
    counts: { ...emptyCounts(), ...counts },
    registers: { DM: { patients: counts.registered ?? 0, noPreference: counts.noPreference ?? 0 } },
    rejectedByReason: {},
    unrecognisedValues: {},
    unknownRegisterCodes: {},
  };
}

/** Ten usable practices of 100 patients, 10..19 without a preference (k = 10), and one unusable. */
const usable = Array.from({ length: 10 }, (_, i) =>
  snapshot(`A8100${i}`, { registered: 100, rowsRead: 100, noPreference: 10 + i, unrecognised: 2 }),
);
// 10 rows read as 5 patients, all unrecognised, none without a preference: it would have ranked best.
const shifted = snapshot('F86030', { registered: 5, rowsRead: 10, duplicateRows: 5, unrecognised: 5 });

const report = assemblePeriodReport({
  icbName: 'NHS Test ICB',
  period: '2026-10',
  generatedAt: '2026-11-01T06:00:00Z',
  directory: [],
  snapshots: [...usable, shifted],
  history: new Map([['2026-09', [snapshot('F86030', { registered: 100, noPreference: 50 }, '2026-09')]]]),
  fileRecords: [],
  assumptions: { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025, vatRate: 0 },
  suppressSmallNumbers: false,
});

describe('isUnusable (SPEC §3)', () => {
  it.each([
    { unrecognised: 6, registered: 10, unusable: true },
    { unrecognised: 5, registered: 10, unusable: false },
    { unrecognised: 5, registered: 5, unusable: true },
    { unrecognised: 0, registered: 0, unusable: false },
  ])('$unrecognised unrecognised of $registered registered: $unusable', ({ unrecognised, registered, unusable }) => {
    expect(isUnusable({ unrecognised, registered })).toBe(unusable);
  });
});

describe('an unusable practice in the period report', () => {
  const row = report.practices.find((p) => p.practice_code === 'F86030');

  it('shows its counts, flagged unusable, with every comparison blank', () => {
    expect(row).toMatchObject({ status: 'unusable', registered: 5, unrecognised: 5, no_preference_pct: 0 });
    expect([row?.decile, row?.funnel_z, row?.funnel_flag, row?.change_pct_points]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('is left out of k: the ten usable practices take deciles 1 to 10', () => {
    expect(report.practices.filter((p) => p.status !== 'unusable').map((p) => p.decile)).toEqual([
      10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
    ]);
  });

  it('is left out of the ICB totals, p̄ and the median', () => {
    expect(report.icb.counts.registered).toBe(1000);
    // (10 + … + 19) / 1000 = 145 / 1000.
    expect(report.icb.counts.noPreference).toBe(145);
    expect(report.icb.metrics.no_preference_pct).toBeCloseTo(14.5, 10);
    // Median of 10, 11, …, 19 %: (14 + 15) / 2.
    expect(report.medianNoPreferencePct).toBeCloseTo(14.5, 10);
    expect(report.registers.find((r) => r.code === 'DM')?.icb).toEqual({ patients: 1000, noPreference: 145 });
    expect(report.trend.icb.at(-1)).toBeCloseTo(14.5, 10);
  });

  it('comes after the usable practices, and Data quality says why', () => {
    expect(report.practices.at(-1)?.practice_code).toBe('F86030');
    expect(report.completeness.unusable).toEqual([{ practiceCode: 'F86030', registered: 5, unrecognised: 5 }]);
    expect(report.completeness.reporting).toBe(11);
  });
});
