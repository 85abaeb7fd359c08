import { describe, expect, it } from 'vitest';
import { suppressSmallNumbers } from '../../../../lambdas/core/metrics/suppress-small-numbers';
import { type PracticeMetrics, TIDY_COLUMNS } from '../../../../lambdas/core/report/tidy-columns';

/** A full row with no count in 1–7: nothing to suppress. */
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
  rows_read: 1020,
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

describe('suppressSmallNumbers', () => {
  it('keeps a row with no small counts as it is, in tidy column order', () => {
    const out = suppressSmallNumbers(ROW);
    expect(out).toEqual(ROW);
    expect(Object.keys(out)).toEqual(TIDY_COLUMNS.map((c) => c.column));
  });

  it.each([
    { value: 0, shown: 0 },
    { value: 1, shown: '*' },
    { value: 7, shown: '*' },
    { value: 8, shown: 8 },
  ])('shows a count of $value as $shown', ({ value, shown }) => {
    expect(suppressSmallNumbers({ ...ROW, pref_other: value }).pref_other).toBe(shown);
  });

  it.each([
    {
      name: 'no_preference',
      change: { no_preference: 3 },
      blanked: ['no_preference_pct', 'no_preference_ci_low', 'no_preference_ci_high', 'funnel_z', 'change_pct_points'],
    },
    {
      name: 'registered',
      change: { registered: 5, no_preference: 0 },
      blanked: ['no_preference_pct', 'no_preference_ci_low', 'no_preference_ci_high', 'funnel_z', 'change_pct_points'],
    },
    { name: 'adults_no_preference', change: { adults_no_preference: 1 }, blanked: ['adults_no_preference_pct'] },
    {
      name: 'adults_16plus',
      change: { adults_16plus: 7, adults_no_preference: 0 },
      blanked: ['adults_no_preference_pct'],
    },
    { name: 'qof_no_preference', change: { qof_no_preference: 2 }, blanked: ['qof_no_preference_pct'] },
    { name: 'qof_patients', change: { qof_patients: 6, qof_no_preference: 0 }, blanked: ['qof_no_preference_pct'] },
    { name: 'qof_default_to_sms', change: { qof_default_to_sms: 4 }, blanked: ['est_annual_sms_cost_gbp'] },
    { name: 'default_to_sms', change: { default_to_sms: 4 }, blanked: [] },
  ])('blanks what depends on a suppressed $name', ({ change, blanked }) => {
    const out = suppressSmallNumbers({ ...ROW, ...change });
    const expected: Record<string, number | string | undefined> = { ...ROW };
    for (const [column, value] of Object.entries(change as Partial<PracticeMetrics>)) {
      expected[column] = value === 0 ? 0 : '*';
    }
    for (const column of blanked) expected[column] = undefined;
    expect(out).toEqual(expected);
  });

  it('keeps decile, funnel flag and text columns, which are not counts', () => {
    const out = suppressSmallNumbers({ ...ROW, decile: 2, no_preference: 1 });
    expect(out.decile).toBe(2);
    expect(out.funnel_flag).toBe('in_control');
    expect(out.practice_code).toBe('D83001');
    expect(out.period).toBe('2025-03');
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
  });

  it('does not change the row it is given', () => {
    const row = { ...ROW, no_preference: 3 };
    suppressSmallNumbers(row);
    expect(row.no_preference).toBe(3);
    expect(row.no_preference_pct).toBe(20);
  });
});
