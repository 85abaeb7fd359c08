import { describe, expect, it } from 'vitest';
import { emptyCounts, type PracticeCounts } from '../../../../lambdas/core/metrics/practice-counts';
import { practiceMetrics } from '../../../../lambdas/core/metrics/practice-metrics';
import { TIDY_COLUMNS } from '../../../../lambdas/core/report/tidy-columns';

const ASSUMPTIONS = { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.024, vatRate: 0.2 };

/** A small practice: 40 registered = 3 none + 20 sms + 5 email + 4 letter + 3 phone + 2 app + 1 other + 1 declined + 1 unrecognised. */
const COUNTS: PracticeCounts = {
  registered: 40,
  noPreference: 3,
  prefSms: 20,
  prefEmail: 5,
  prefLetter: 4,
  prefTelephone: 3,
  prefNhsApp: 2,
  prefOther: 1,
  declined: 1,
  unrecognised: 1,
  adults16plus: 32,
  adultsNoPreference: 2,
  qofPatients: 12,
  qofNoPreference: 3,
  aisNeedNoPreference: 1,
  defaultToSms: 2,
  qofDefaultToSms: 2,
  unreachableElectronic: 1,
  dqSmsNoMobile: 2,
  dqEmailNoAddress: 1,
  dqSmsDissent: 1,
  rowsRead: 44,
  rowsRejected: 3,
  duplicateRows: 1,
  dobMissing: 1,
};

describe('practiceMetrics', () => {
  const metrics = practiceMetrics(COUNTS, ASSUMPTIONS);

  it('copies every count into its tidy column', () => {
    expect(metrics).toMatchObject({
      registered: 40,
      no_preference: 3,
      pref_sms: 20,
      pref_email: 5,
      pref_letter: 4,
      pref_telephone: 3,
      pref_nhs_app: 2,
      pref_other: 1,
      declined: 1,
      unrecognised: 1,
      adults_16plus: 32,
      adults_no_preference: 2,
      qof_patients: 12,
      qof_no_preference: 3,
      ais_need_no_preference: 1,
      default_to_sms: 2,
      qof_default_to_sms: 2,
      unreachable_electronic: 1,
      dq_sms_no_mobile: 2,
      dq_email_no_address: 1,
      dq_sms_dissent: 1,
      rows_read: 44,
      rows_rejected: 3,
      duplicate_rows: 1,
      dob_missing: 1,
    });
  });

  it.each([
    { column: 'no_preference_pct', expected: 7.5 }, // 3 / 40
    { column: 'adults_no_preference_pct', expected: 6.25 }, // 2 / 32
    { column: 'qof_no_preference_pct', expected: 25 }, // 3 / 12
    // Wilson 3 of 40 at z = 1.959963984540054, worked out with Python decimal arithmetic.
    { column: 'no_preference_ci_low', expected: 2.5836025774588203 },
    { column: 'no_preference_ci_high', expected: 19.864233524310542 },
    { column: 'est_annual_sms_cost_gbp', expected: 0.1152 }, // 2 × 2 invites × 1 fragment × £0.024 × 1.2 (unrounded)
  ] as const)('derives $column = $expected', ({ column, expected }) => {
    expect(metrics[column]).toBeCloseTo(expected, 9);
  });

  it('fills exactly the tidy columns that follow from the counts alone', () => {
    const leftToCaller = [
      'period',
      'practice_code',
      'practice_name',
      'pcn',
      'clinical_system',
      'extract_date',
      'decile',
      'funnel_z',
      'funnel_flag',
      'change_pct_points',
      'status',
    ];
    const expected = TIDY_COLUMNS.map((c) => c.column).filter((c) => !leftToCaller.includes(c));
    expect(Object.keys(metrics).sort()).toEqual(expected.sort());
  });

  it('leaves percentages blank, not 0, when their denominator is 0', () => {
    const empty = practiceMetrics(emptyCounts(), ASSUMPTIONS);
    expect(empty.registered).toBe(0);
    expect(empty.no_preference_pct).toBeUndefined();
    expect(empty.no_preference_ci_low).toBeUndefined();
    expect(empty.no_preference_ci_high).toBeUndefined();
    expect(empty.adults_no_preference_pct).toBeUndefined();
    expect(empty.qof_no_preference_pct).toBeUndefined();
    expect(empty.est_annual_sms_cost_gbp).toBe(0);
  });

  it('leaves only the QOF percentage blank for a practice with nobody on a QOF register', () => {
    const metricsWithoutQof = practiceMetrics({ ...COUNTS, qofPatients: 0, qofNoPreference: 0 }, ASSUMPTIONS);
    expect(metricsWithoutQof.qof_no_preference_pct).toBeUndefined();
    expect(metricsWithoutQof.no_preference_pct).toBe(7.5);
  });
});
