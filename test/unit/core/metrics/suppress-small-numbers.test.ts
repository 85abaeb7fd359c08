import { describe, expect, it } from 'vitest';
import { disclosedCount, suppressSmallNumbers } from '../../../../lambdas/core/metrics/suppress-small-numbers';
import { type PracticeMetrics, TIDY_COLUMNS } from '../../../../lambdas/core/report/tidy-columns';

/** A full row with no count in 1–7 and every count already a multiple of 5 except where noted. */
const ROW: PracticeMetrics = {
  period: '2025-03',
  practice_code: 'D83001',
  practice_name: 'Example Surgery',
  pcn: 'Example PCN',
  clinical_system: 'SystmOne',
  extract_date: '2025-03-14',
  registered: 1000,
  no_preference: 200,
  no_preference_pct: 20,
  no_preference_ci_low: 17.6,
  no_preference_ci_high: 22.6,
  pref_sms: 500,
  pref_email: 100,
  pref_letter: 80,
  pref_telephone: 60,
  pref_nhs_app: 40,
  pref_other: 10,
  declined: 0,
  unrecognised: 10,
  adults_16plus: 800,
  adults_no_preference: 150,
  adults_no_preference_pct: 18.75,
  qof_patients: 300,
  qof_no_preference: 60,
  qof_no_preference_pct: 20,
  ais_need_no_preference: 12,
  default_to_sms: 120,
  qof_default_to_sms: 40,
  unreachable_electronic: 30,
  dq_sms_no_mobile: 25,
  dq_email_no_address: 9,
  dq_sms_dissent: 11,
  rows_read: 1024,
  rows_rejected: 15,
  duplicate_rows: 9,
  dob_missing: 8,
  decile: 4,
  funnel_z: 1.2,
  funnel_flag: 'in_control',
  change_pct_points: -0.5,
  est_annual_sms_cost_gbp: 2,
  status: 'reported',
};

/**
 * The worked example of docs/disclosure-control.md: a practice of 143 patients, before and after. Categories add up
 * to registered (61+12+9+14+6+2+0+37+2 = 143) and rows_read = 143 + 3 rejected + 1 duplicate = 147.
 */
const SMALL_PRACTICE: PracticeMetrics = {
  ...ROW,
  registered: 143,
  no_preference: 37,
  no_preference_pct: (100 * 37) / 143,
  no_preference_ci_low: 19.4,
  no_preference_ci_high: 33.6,
  pref_sms: 61,
  pref_email: 12,
  pref_letter: 9,
  pref_telephone: 14,
  pref_nhs_app: 6,
  pref_other: 2,
  declined: 0,
  unrecognised: 2,
  adults_16plus: 118,
  adults_no_preference: 29,
  adults_no_preference_pct: (100 * 29) / 118,
  qof_patients: 41,
  qof_no_preference: 7,
  qof_no_preference_pct: (100 * 7) / 41,
  ais_need_no_preference: 3,
  default_to_sms: 22,
  qof_default_to_sms: 5,
  unreachable_electronic: 8,
  dq_sms_no_mobile: 4,
  dq_email_no_address: 1,
  dq_sms_dissent: 0,
  rows_read: 147,
  rows_rejected: 3,
  duplicate_rows: 1,
  dob_missing: 2,
  decile: 7,
  funnel_z: 1.43,
  change_pct_points: -2.1,
  // 5 QOF patients × 2 invitations × £0.024 × 1.2 (VAT).
  est_annual_sms_cost_gbp: 0.288,
};

describe('disclosedCount', () => {
  it.each([
    { count: 0, shown: 0 },
    { count: 1, shown: '*' },
    { count: 7, shown: '*' },
    { count: 8, shown: 10 },
    { count: 10, shown: 10 },
    { count: 12, shown: 10 },
    { count: 13, shown: 15 },
    { count: 1024, shown: 1025 },
    { count: 1022, shown: 1020 },
    // Not a whole number (never a count, but defined): a half goes up.
    { count: 12.5, shown: 15 },
    { count: '*', shown: '*' },
  ])('shows $count as $shown', ({ count, shown }) => {
    expect(disclosedCount(count)).toBe(shown);
  });
});

describe('suppressSmallNumbers', () => {
  it('rounds every count to the nearest 5 and keeps the tidy column order', () => {
    const out = suppressSmallNumbers(ROW);
    expect(Object.keys(out)).toEqual(TIDY_COLUMNS.map((c) => c.column));
    expect(out).toMatchObject({
      registered: 1000,
      ais_need_no_preference: 10,
      dq_email_no_address: 10,
      dq_sms_dissent: 10,
      rows_read: 1025,
      rows_rejected: 15,
      duplicate_rows: 10,
      dob_missing: 10,
      declined: 0,
    });
  });

  it('works the worked example of docs/disclosure-control.md', () => {
    const out = suppressSmallNumbers(SMALL_PRACTICE);
    const { no_preference_pct, no_preference_ci_low, no_preference_ci_high, ...rest } = out;
    expect(rest).toEqual({
      period: '2025-03',
      practice_code: 'D83001',
      practice_name: 'Example Surgery',
      pcn: 'Example PCN',
      clinical_system: 'SystmOne',
      extract_date: '2025-03-14',
      registered: 145,
      no_preference: 35,
      pref_sms: 60,
      pref_email: 10,
      pref_letter: 10,
      pref_telephone: 15,
      pref_nhs_app: '*',
      pref_other: '*',
      declined: 0,
      unrecognised: '*',
      adults_16plus: 120,
      adults_no_preference: 30,
      // 30 of 120, not the exact 29 of 118 (24.58%).
      adults_no_preference_pct: 25,
      qof_patients: 40,
      qof_no_preference: '*',
      qof_no_preference_pct: undefined,
      ais_need_no_preference: '*',
      default_to_sms: 20,
      qof_default_to_sms: '*',
      unreachable_electronic: 10,
      dq_sms_no_mobile: '*',
      dq_email_no_address: '*',
      dq_sms_dissent: 0,
      rows_read: 145,
      rows_rejected: '*',
      duplicate_rows: '*',
      dob_missing: '*',
      // Ranks and flags come from the exact counts and are kept.
      decile: 7,
      funnel_z: 1.43,
      funnel_flag: 'in_control',
      change_pct_points: -2.1,
      est_annual_sms_cost_gbp: undefined,
      status: 'reported',
    });
    // 35 of 145 = 24.14% (the exact 37 of 143 is 25.87%); Wilson 95% interval of 35/145: 17.90% to 31.71%.
    expect(no_preference_pct).toBeCloseTo(24.138, 3);
    expect(no_preference_ci_low).toBeCloseTo(17.898, 3);
    expect(no_preference_ci_high).toBeCloseTo(31.712, 3);
  });

  it('scales the SMS cost to the published count of QOF patients who would default to SMS', () => {
    // 42 exact → 40 published: £4.032 for 42 becomes £3.84 for 40.
    const out = suppressSmallNumbers({ ...ROW, qof_default_to_sms: 42, est_annual_sms_cost_gbp: 4.032 });
    expect(out.qof_default_to_sms).toBe(40);
    expect(out.est_annual_sms_cost_gbp).toBeCloseTo(3.84, 10);
  });

  it('hides registered and rows_read too when the totals would give a suppressed count away', () => {
    // registered 12 → 10 (so at most 12); email 8 → 10 (so at least 8); three other * are at least 1 each:
    // SMS is at most 12 − 8 − 3 = 1, so it would be known to be exactly 1.
    const out = suppressSmallNumbers({
      ...ROW,
      registered: 12,
      pref_sms: 1,
      pref_email: 8,
      pref_letter: 1,
      pref_telephone: 1,
      pref_nhs_app: 0,
      pref_other: 1,
      declined: 0,
      no_preference: 0,
      unrecognised: 0,
      rows_read: 12,
      rows_rejected: 0,
      duplicate_rows: 0,
    });
    expect([out.registered, out.rows_read, out.pref_email, out.pref_sms]).toEqual(['*', '*', 10, '*']);
    expect([out.no_preference_pct, out.no_preference_ci_low, out.no_preference_ci_high]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('keeps a percentage whose counts are 0 (zero is not suppressed)', () => {
    const out = suppressSmallNumbers({ ...ROW, qof_no_preference: 0, qof_no_preference_pct: 0 });
    expect(out.qof_no_preference).toBe(0);
    expect(out.qof_no_preference_pct).toBe(0);
  });

  it('leaves blank columns of a practice without an export blank', () => {
    const missing = Object.fromEntries(TIDY_COLUMNS.map((c) => [c.column, undefined])) as unknown as PracticeMetrics;
    const out = suppressSmallNumbers({ ...missing, period: '2025-03', practice_code: 'D83002' });
    expect(out.registered).toBeUndefined();
    expect(out.no_preference).toBeUndefined();
    expect(out.no_preference_pct).toBeUndefined();
    expect(out.no_preference_ci_low).toBeUndefined();
    expect(out.est_annual_sms_cost_gbp).toBeUndefined();
  });

  it('does not change the row it is given', () => {
    const row = { ...ROW, no_preference: 3 };
    suppressSmallNumbers(row);
    expect(row.no_preference).toBe(3);
    expect(row.no_preference_pct).toBe(20);
  });
});
