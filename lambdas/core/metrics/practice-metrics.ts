import type { SmsCostAssumptions } from '../report/period-report';
import type { PracticeMetrics } from '../report/tidy-columns';
import { percentage } from './percentage';
import type { PracticeCounts } from './practice-counts';
import { estAnnualSmsCostGbp } from './sms-cost';
import { wilsonInterval } from './wilson-interval';

/** The columns of the tidy row that follow from one practice's counts alone. */
export type PracticeOwnMetrics = Omit<
  PracticeMetrics,
  | 'period'
  | 'practice_code'
  | 'practice_name'
  | 'pcn'
  | 'clinical_system'
  | 'extract_date'
  | 'decile'
  | 'funnel_z'
  | 'funnel_flag'
  | 'change_pct_points'
  | 'status'
>;

/**
 * Every count and every derived percentage, Wilson bound and cost of one practice's tidy row, unrounded
 * (SPEC §3). Decile, funnel and change compare practices or months, so the caller fills those.
 */
export function practiceMetrics(counts: PracticeCounts, assumptions: SmsCostAssumptions): PracticeOwnMetrics {
  const ci = wilsonInterval(counts.noPreference, counts.registered);
  return {
    registered: counts.registered,
    no_preference: counts.noPreference,
    no_preference_pct: percentage(counts.noPreference, counts.registered),
    no_preference_ci_low: ci?.low,
    no_preference_ci_high: ci?.high,
    pref_sms: counts.prefSms,
    pref_email: counts.prefEmail,
    pref_letter: counts.prefLetter,
    pref_telephone: counts.prefTelephone,
    pref_nhs_app: counts.prefNhsApp,
    pref_other: counts.prefOther,
    declined: counts.declined,
    unrecognised: counts.unrecognised,
    adults_16plus: counts.adults16plus,
    adults_no_preference: counts.adultsNoPreference,
    adults_no_preference_pct: percentage(counts.adultsNoPreference, counts.adults16plus),
    qof_patients: counts.qofPatients,
    qof_no_preference: counts.qofNoPreference,
    qof_no_preference_pct: percentage(counts.qofNoPreference, counts.qofPatients),
    ais_need_no_preference: counts.aisNeedNoPreference,
    default_to_sms: counts.defaultToSms,
    qof_default_to_sms: counts.qofDefaultToSms,
    unreachable_electronic: counts.unreachableElectronic,
    dq_sms_no_mobile: counts.dqSmsNoMobile,
    dq_email_no_address: counts.dqEmailNoAddress,
    dq_sms_dissent: counts.dqSmsDissent,
    rows_read: counts.rowsRead,
    rows_rejected: counts.rowsRejected,
    duplicate_rows: counts.duplicateRows,
    dob_missing: counts.dobMissing,
    est_annual_sms_cost_gbp: estAnnualSmsCostGbp(counts.qofDefaultToSms, assumptions),
  };
}
