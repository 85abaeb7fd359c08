/**
 * The tidy CSV columns of SPEC §3, in order: a stable interface (changes are additive only).
 * The same table gives each column's friendly header for the workbooks and its display format.
 */
export type TidyFormat = 'text' | 'date' | 'count' | 'pct' | 'z' | 'gbp';

export const TIDY_COLUMNS = [
  { column: 'period', header: 'Period', format: 'text' },
  { column: 'practice_code', header: 'Practice code (ODS)', format: 'text' },
  { column: 'practice_name', header: 'Practice name', format: 'text' },
  { column: 'pcn', header: 'PCN', format: 'text' },
  { column: 'clinical_system', header: 'Clinical system', format: 'text' },
  { column: 'extract_date', header: 'Extract date', format: 'date' },
  { column: 'registered', header: 'Registered patients', format: 'count' },
  { column: 'no_preference', header: 'No preference recorded', format: 'count' },
  { column: 'no_preference_pct', header: '% no preference', format: 'pct' },
  { column: 'no_preference_ci_low', header: '95% CI low', format: 'pct' },
  { column: 'no_preference_ci_high', header: '95% CI high', format: 'pct' },
  { column: 'pref_sms', header: 'Prefers SMS', format: 'count' },
  { column: 'pref_email', header: 'Prefers email', format: 'count' },
  { column: 'pref_letter', header: 'Prefers letter', format: 'count' },
  { column: 'pref_telephone', header: 'Prefers telephone', format: 'count' },
  { column: 'pref_nhs_app', header: 'Prefers NHS App', format: 'count' },
  { column: 'pref_other', header: 'Other method', format: 'count' },
  { column: 'declined', header: 'Declined contact', format: 'count' },
  { column: 'unrecognised', header: 'Unrecognised value', format: 'count' },
  { column: 'adults_16plus', header: 'Aged 16+', format: 'count' },
  { column: 'adults_no_preference', header: '16+ no preference', format: 'count' },
  { column: 'adults_no_preference_pct', header: '% 16+ no preference', format: 'pct' },
  { column: 'qof_patients', header: 'On a QOF register', format: 'count' },
  { column: 'qof_no_preference', header: 'QOF no preference', format: 'count' },
  { column: 'qof_no_preference_pct', header: '% QOF no preference', format: 'pct' },
  { column: 'ais_need_no_preference', header: 'AIS need, no preference', format: 'count' },
  { column: 'default_to_sms', header: 'Would default to SMS', format: 'count' },
  { column: 'qof_default_to_sms', header: 'QOF, would default to SMS', format: 'count' },
  { column: 'unreachable_electronic', header: 'No mobile or email, no preference', format: 'count' },
  { column: 'dq_sms_no_mobile', header: 'Prefers SMS, no valid mobile', format: 'count' },
  { column: 'dq_email_no_address', header: 'Prefers email, no valid email', format: 'count' },
  { column: 'dq_sms_dissent', header: 'Prefers SMS, SMS consent withdrawn', format: 'count' },
  { column: 'rows_read', header: 'Rows read', format: 'count' },
  { column: 'rows_rejected', header: 'Rows rejected', format: 'count' },
  { column: 'duplicate_rows', header: 'Duplicate rows', format: 'count' },
  { column: 'dob_missing', header: 'Date of birth missing/invalid', format: 'count' },
  { column: 'decile', header: 'Decile (1 = fewest gaps)', format: 'count' },
  { column: 'funnel_z', header: 'Funnel z-score', format: 'z' },
  { column: 'funnel_flag', header: 'Funnel flag', format: 'text' },
  { column: 'change_pct_points', header: 'Change vs last month (pct points)', format: 'pct' },
  { column: 'est_annual_sms_cost_gbp', header: 'Est. annual SMS cost (£)', format: 'gbp' },
  // Appended (SPEC §3): the 41 columns above keep their order.
  { column: 'status', header: 'Status', format: 'text' },
] as const satisfies readonly { column: string; header: string; format: TidyFormat }[];

export type TidyColumn = (typeof TIDY_COLUMNS)[number]['column'];

/**
 * Why a practice's row is filled or blank (SPEC §3 `status`): `reported` (an export this period, practice in the
 * directory), `not_in_directory` (an export, but not in the directory), `stale` (no export this period, an earlier
 * one) or `missing` (never an export).
 */
export type PracticeStatus = 'reported' | 'stale' | 'missing' | 'not_in_directory';
// SPEC §3's fifth status, `unusable` (unrecognised > half of registered), joins this union with that rule.

export type FunnelFlag = 'high_outlier' | 'high_warning' | 'in_control' | 'low_warning' | 'low_outlier';

/**
 * One practice's row for a period, unrounded (rounding happens only in render/).
 * A value that cannot be computed (or a practice without an export) is undefined, shown blank. `status` is
 * undefined only on rows that are not a practice's (ICB or PCN totals).
 */
export type PracticeMetrics = {
  [K in TidyColumn]: K extends 'period' | 'practice_code'
    ? string
    : K extends 'status'
      ? PracticeStatus | undefined
      : K extends 'practice_name' | 'pcn' | 'clinical_system' | 'extract_date' | 'funnel_flag'
        ? string | undefined
        : number | undefined;
};
