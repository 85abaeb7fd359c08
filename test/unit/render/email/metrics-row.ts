import { type PracticeMetrics, TIDY_COLUMNS } from '../../../../lambdas/core/report/tidy-columns';

/** A practice's report row with every column blank except those given. */
export function metricsRow(values: Partial<PracticeMetrics> & { practice_code: string }): PracticeMetrics {
  const row = Object.fromEntries(TIDY_COLUMNS.map(({ column }) => [column, undefined])) as unknown as PracticeMetrics;
  return { ...row, period: '2026-10', ...values };
}

/**
 * Alpha Surgery in October 2026, as counted by hand in test/fixtures/README.md: 11 registered,
 * 4 with no preference (4/11 = 36.36…%), 36.36… − 50.0 (2 of 4 in September) = −13.63… points.
 */
export const ALPHA: PracticeMetrics = metricsRow({
  practice_code: 'A81001',
  practice_name: 'Alpha Surgery',
  pcn: 'North PCN',
  clinical_system: 'SystmOne',
  extract_date: '2026-10-31',
  registered: 11,
  no_preference: 4,
  no_preference_pct: 400 / 11,
  adults_16plus: 8,
  adults_no_preference: 2,
  adults_no_preference_pct: 25,
  qof_patients: 4,
  qof_no_preference: 2,
  qof_no_preference_pct: 50,
  ais_need_no_preference: 1,
  default_to_sms: 2,
  qof_default_to_sms: 2,
  unreachable_electronic: 1,
  dq_sms_no_mobile: 1,
  dq_email_no_address: 1,
  dq_sms_dissent: 1,
  decile: 5,
  change_pct_points: 400 / 11 - 50,
  est_annual_sms_cost_gbp: 0.1,
});
