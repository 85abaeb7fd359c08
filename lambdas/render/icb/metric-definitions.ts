import type { TidyColumn } from '../../core/report/tidy-columns';

/**
 * Every tidy column in plain English, for the Definitions sheet. A Record over TidyColumn, so a
 * column added to TIDY_COLUMNS without a definition fails the type check.
 */
export const METRIC_DEFINITIONS: Readonly<Record<TidyColumn, string>> = {
  period: 'The calendar month (YYYY-MM) of the extract date, UK time.',
  practice_code: "The practice's ODS code (a letter and five digits, e.g. D83001).",
  practice_name: 'The practice name from the ICB practice directory.',
  pcn: 'The Primary Care Network the practice belongs to, from the directory.',
  clinical_system: 'SystmOne or EMIS Web: the system the export came from.',
  extract_date:
    "The date the practice's export was run. If a practice sent several exports in the month, the latest is used. Blank: no export this month.",
  registered: 'Registered patients: valid, de-duplicated patients in the export. The denominator of every percentage.',
  no_preference:
    'Patients with no recorded preferred method of communication (empty, Unknown, Not known, Not recorded, None, "-" or N/A).',
  no_preference_pct: 'No preference recorded as a percentage of registered patients (0–100). Lower is better.',
  no_preference_ci_low:
    'Lower end of the 95% confidence interval (Wilson score method) for % no preference: the true rate is very likely above this.',
  no_preference_ci_high:
    'Upper end of the 95% confidence interval (Wilson score method) for % no preference. Small practices have wider intervals.',
  pref_sms: 'Patients whose recorded preference is SMS / text message.',
  pref_email: 'Patients whose recorded preference is email.',
  pref_letter: 'Patients whose recorded preference is letter / post.',
  pref_telephone: 'Patients whose recorded preference is a telephone call (including telephone via a proxy).',
  pref_nhs_app: 'Patients whose recorded preference is the NHS App.',
  pref_other:
    'Patients with another recorded method: home visit, minicom / textphone, sign language, no telephone contact.',
  declined: 'Patients who have declined contact (e.g. "Do not contact"). A recorded choice, not a gap.',
  unrecognised:
    'Patients whose preference value could not be understood. Counted separately, not as "no preference"; the values are listed on the Data quality sheet.',
  adults_16plus: 'Patients aged 16 or over on the extract date (patients with a usable date of birth only).',
  adults_no_preference: 'Patients aged 16 or over with no recorded preference.',
  adults_no_preference_pct: 'Aged 16+ with no preference as a percentage of patients aged 16+.',
  qof_patients: 'Patients on at least one QOF disease register: the patients invited for QOF reviews.',
  qof_no_preference: 'Patients on at least one QOF register with no recorded preference.',
  qof_no_preference_pct: 'QOF patients with no preference as a percentage of QOF patients.',
  ais_need_no_preference:
    'Patients with a recorded Accessible Information Standard need (e.g. large print, British Sign Language) but no recorded preference: the most important to contact.',
  default_to_sms:
    'Patients with no preference, a valid mobile number and SMS consent not withdrawn: a messaging system would text them by default.',
  qof_default_to_sms:
    'The patients above who are on a QOF register: they drive the SMS cost estimate for QOF invitations.',
  unreachable_electronic:
    'Patients with no preference and neither a valid mobile number nor a valid email address: they can only be reached by letter or telephone.',
  dq_sms_no_mobile: 'Patients who prefer SMS but have no valid mobile number recorded.',
  dq_email_no_address: 'Patients who prefer email but have no valid email address recorded.',
  dq_sms_dissent: 'Patients who prefer SMS but have withdrawn SMS consent: the record contradicts itself.',
  rows_read:
    'Every patient row in the export attributed to the practice = registered patients + rows rejected + duplicate rows.',
  rows_rejected: 'Rows that could not be used, e.g. an NHS number that is not 10 digits with a valid check digit.',
  duplicate_rows: 'Later rows repeating an NHS number already seen in the same export: only the first row counts.',
  dob_missing:
    'Patients whose date of birth is missing, invalid or in the future. They are counted in all-ages figures but left out of the 16+ figures.',
  decile:
    'Position among reporting practices by % no preference: 1 = the tenth of practices with the fewest gaps, 10 = the tenth with the most. Blank for every practice when fewer than 10 practices report.',
  funnel_z:
    'How far the practice is from the ICB average, in standard deviations, allowing for practice size and for normal variation between practices (see "Funnel plot and flags" below).',
  funnel_flag:
    'high_outlier: above the 99.8% limit (z > 3.09); high_warning: above the 95% limit (z > 1.96); in_control; low_warning and low_outlier: the same below the average.',
  change_pct_points:
    "This month's % no preference minus last month's, in percentage points. Negative = improving. Blank if the practice did not report last month.",
  est_annual_sms_cost_gbp:
    'Estimated yearly cost of texting QOF patients who would default to SMS (see "SMS cost assumptions used in this report" below). An estimate for planning, not a bill.',
  status:
    'Why the row is filled or blank: reported (an export this month); not_in_directory (an export, but the practice is not in the practice directory); stale (no export this month, an earlier one: numbers are never carried forward); missing (never an export).',
};
