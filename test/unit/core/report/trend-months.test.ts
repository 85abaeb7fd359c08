import { describe, expect, it } from 'vitest';
import { emptyCounts, type PracticeCounts } from '../../../../lambdas/core/metrics/practice-counts';
import { assemblePeriodReport } from '../../../../lambdas/core/report/assemble-period-report';
import type { PracticeSnapshot } from '../../../../lambdas/core/snapshot';
import { TWELVE_PERIODS_TO_OCT_2026 } from '../../../support/twelve-months';

function snapshot(practiceCode: string, period: string, counts: Partial<PracticeCounts>): PracticeSnapshot {
  return {
    period,
    practiceCode,
    extractDate: `${period}-28`,
    clinicalSystem: 'SystmOne',
    source: { bucket: 'exports', key: `${practiceCode}_${period}.csv`, etag: 'e' },
    ingestedAt: `${period}-28T06:00:00Z`,
    counts: { ...emptyCounts(), ...counts },
    registers: {},
    rejectedByReason: {},
    unrecognisedValues: {},
    unknownRegisterCodes: {},
  };
}

/**
 * October 2026's report. History: A81001 in December 2025 and August 2026, B82002 in August 2026 only; nothing
 * in any other month (and no September: the month before the report is a gap too).
 */
const report = assemblePeriodReport({
  icbName: 'NHS Test ICB',
  period: '2026-10',
  generatedAt: '2026-11-01T06:00:00Z',
  directory: [
    { practiceCode: 'A81001', practiceName: 'Riverside' },
    { practiceCode: 'B82002', practiceName: 'Hillside' },
  ],
  snapshots: [snapshot('A81001', '2026-10', { registered: 200, noPreference: 50 })],
  history: new Map([
    ['2025-12', [snapshot('A81001', '2025-12', { registered: 100, noPreference: 40 })]],
    [
      '2026-08',
      [
        snapshot('A81001', '2026-08', { registered: 100, noPreference: 30 }),
        snapshot('B82002', '2026-08', { registered: 300, noPreference: 30 }),
      ],
    ],
  ]),
  fileRecords: [],
  assumptions: { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025, vatRate: 0 },
  suppressSmallNumbers: false,
});

describe('the trend of a period report (SPEC §4.1)', () => {
  it('shows the 12 months ending with the report’s, every one, months without data included', () => {
    expect(report.trend.periods).toEqual(TWELVE_PERIODS_TO_OCT_2026);
  });

  it('leaves the ICB blank where no practice reported, and sums the practices where some did', () => {
    const u = undefined;
    // Dec 2025: 40/100 = 40%. Aug 2026: (30 + 30) / (100 + 300) = 15%. Oct 2026: 50/200 = 25%.
    expect(report.trend.icb).toEqual([u, 40, u, u, u, u, u, u, u, 15, u, 25]);
  });

  it('leaves each practice blank where it did not report, numbers never carried forward', () => {
    const u = undefined;
    expect(report.trend.practices).toEqual([
      { practiceCode: 'A81001', practiceName: 'Riverside', values: [u, 40, u, u, u, u, u, u, u, 30, u, 25] },
      { practiceCode: 'B82002', practiceName: 'Hillside', values: [u, u, u, u, u, u, u, u, u, 10, u, u] },
    ]);
  });

  it('shows the eleven months before the first export blank', () => {
    const first = assemblePeriodReport({
      icbName: 'NHS Test ICB',
      period: '2026-01',
      generatedAt: '2026-02-01T06:00:00Z',
      directory: [],
      snapshots: [snapshot('A81001', '2026-01', { registered: 10, noPreference: 1 })],
      history: new Map(),
      fileRecords: [],
      assumptions: { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025, vatRate: 0 },
      suppressSmallNumbers: false,
    });
    expect(first.trend.periods[0]).toBe('2025-02');
    expect(first.trend.icb).toEqual([...Array(11).fill(undefined), 10]);
  });
});
