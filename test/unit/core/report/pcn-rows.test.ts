import { describe, expect, it } from 'vitest';
import { emptyCounts, type PracticeCounts } from '../../../../lambdas/core/metrics/practice-counts';
import { NO_PCN, pcnRows } from '../../../../lambdas/core/report/pcn-rows';
import type { PracticeSnapshot } from '../../../../lambdas/core/snapshot';

const ASSUMPTIONS = { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025, vatRate: 0 };

function snapshot(practiceCode: string, counts: Partial<PracticeCounts>): PracticeSnapshot {
  return {
    period: '2026-10',
    practiceCode,
    extractDate: '2026-10-31',
    clinicalSystem: 'SystmOne',
    source: { bucket: 'exports', key: `exports/${practiceCode}.csv`, etag: 'e' },
    ingestedAt: '2026-10-31T10:00:00.000Z',
    counts: { ...emptyCounts(), ...counts },
    registers: {},
    rejectedByReason: {},
    unrecognisedValues: {},
    unknownRegisterCodes: {},
  };
}

const DIRECTORY = [
  { practiceCode: 'A00001', practiceName: 'A', pcn: 'North PCN' },
  { practiceCode: 'B00002', practiceName: 'B', pcn: 'North PCN' },
  { practiceCode: 'E00005', practiceName: 'E (no export)', pcn: 'North PCN' },
  { practiceCode: 'C00003', practiceName: 'C', pcn: 'South PCN ' },
  { practiceCode: 'D00004', practiceName: 'D (no PCN)', pcn: '' },
  { practiceCode: 'F00006', practiceName: 'F (no export)', pcn: 'East PCN' },
];
const SNAPSHOTS = [
  snapshot('A00001', {
    registered: 10,
    noPreference: 2,
    adults16plus: 8,
    adultsNoPreference: 2,
    qofPatients: 4,
    qofNoPreference: 1,
    defaultToSms: 1,
    qofDefaultToSms: 1,
  }),
  snapshot('B00002', {
    registered: 30,
    noPreference: 4,
    adults16plus: 20,
    adultsNoPreference: 3,
    qofPatients: 6,
    qofNoPreference: 2,
    defaultToSms: 3,
    qofDefaultToSms: 2,
  }),
  snapshot('C00003', { registered: 20, noPreference: 5 }),
  snapshot('D00004', { registered: 5, noPreference: 1 }),
  // Not in the directory: no PCN to give it.
  snapshot('Z99999', { registered: 5, noPreference: 2 }),
];

describe('pcnRows', () => {
  const rows = pcnRows('2026-10', SNAPSHOTS, DIRECTORY, ASSUMPTIONS);
  const row = (pcn: string) => {
    const found = rows.find((r) => r.pcn === pcn);
    if (found === undefined) throw new Error(`no row for ${pcn}`);
    return found;
  };

  it('lists the PCNs worst first, those where nobody reported next, and No PCN recorded last', () => {
    // South 5/20 = 25%, North 6/40 = 15%; East has no export; No PCN (30%) is last whatever its rate.
    expect(rows.map((r) => [r.pcn, r.practicesReporting, r.practices])).toEqual([
      ['South PCN', 1, 1],
      ['North PCN', 2, 3],
      ['East PCN', 0, 1],
      [NO_PCN, 2, 2],
    ]);
  });

  it("sums the reporting practices' counts and works each measure out from the sums", () => {
    const north = row('North PCN').metrics;
    // A + B: 10 + 30 registered, 2 + 4 without a preference; 8 + 20 adults, 2 + 3 of them; 4 + 6 QOF, 1 + 2.
    expect([north.registered, north.no_preference, north.no_preference_pct]).toEqual([40, 6, 15]);
    expect(north.adults_no_preference_pct).toBeCloseTo((100 * 5) / 28, 10); // 17.857…
    expect(north.qof_no_preference_pct).toBe(30);
    expect(north.default_to_sms).toBe(4);
    // 3 QOF patients who would default to SMS × 2 invitations × 1 fragment × £0.025 (no VAT).
    expect(north.est_annual_sms_cost_gbp).toBeCloseTo(0.15, 10);
    expect([north.practice_code, north.pcn, north.decile, north.funnel_flag, north.status]).toEqual([
      'North PCN',
      'North PCN',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('gives the Wilson 95% interval of the summed proportion (worked by hand)', () => {
    // North, 6 of 40, z = 1.959964: z²/n = 3.841459 / 40 = 0.0960365, 1 + z²/n = 1.0960365.
    // centre = (0.15 + 0.0480182) / 1.0960365 = 0.180668;
    // half = (1.959964 / 1.0960365) × √(0.15 × 0.85 / 40 + 0.0960365 / 160)
    //      = 1.788215 × √(0.0031875 + 0.00060023) = 1.788215 × 0.0615445 = 0.110055;
    // so 7.06% to 29.07%.
    const north = row('North PCN').metrics;
    expect(north.no_preference_ci_low).toBeCloseTo(7.061, 2);
    expect(north.no_preference_ci_high).toBeCloseTo(29.072, 2);
    // South, 5 of 20: z²/n = 0.192073; centre = (0.25 + 0.0960365) / 1.192073 = 0.290284;
    // half = 1.644165 × √(0.009375 + 0.0024010) = 1.644165 × 0.108518 = 0.178421: 11.19% to 46.87%.
    const south = row('South PCN').metrics;
    expect(south.no_preference_ci_low).toBeCloseTo(11.186, 2);
    expect(south.no_preference_ci_high).toBeCloseTo(46.87, 2);
  });

  it('groups practices with a blank PCN and practices not in the directory as No PCN recorded', () => {
    const none = row(NO_PCN).metrics;
    // D 1 of 5 and Z 2 of 5: 3 of 10.
    expect([none.registered, none.no_preference, none.no_preference_pct]).toEqual([10, 3, 30]);
  });

  it('shows a PCN whose practices all failed to report with its name only', () => {
    const east = row('East PCN').metrics;
    expect([east.registered, east.no_preference_pct, east.no_preference_ci_low]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
