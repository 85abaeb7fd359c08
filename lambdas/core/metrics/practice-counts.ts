/**
 * The aggregate counts for one practice's export: everything the reports need, and no patient data.
 * These are what a snapshot stores; percentages and comparisons are derived from them at report time.
 */
export interface PracticeCounts {
  /** Valid, de-duplicated patients: the denominator. */
  registered: number;
  /** Category *none*: no recorded preference. */
  noPreference: number;
  prefSms: number;
  prefEmail: number;
  prefLetter: number;
  prefTelephone: number;
  prefNhsApp: number;
  prefOther: number;
  declined: number;
  /** A value we could not map: counted separately, never as *none*. */
  unrecognised: number;
  /** Aged 16 or over at the extract date (patients with a usable date of birth only). */
  adults16plus: number;
  adultsNoPreference: number;
  /** On at least one QOF register. */
  qofPatients: number;
  qofNoPreference: number;
  aisNeedNoPreference: number;
  /** No preference, a valid mobile and SMS consent not withdrawn. */
  defaultToSms: number;
  qofDefaultToSms: number;
  /** No preference, no valid mobile and no valid email. */
  unreachableElectronic: number;
  dqSmsNoMobile: number;
  dqEmailNoAddress: number;
  dqSmsDissent: number;
  /** Every data row attributed to the practice = registered + rowsRejected + duplicateRows. */
  rowsRead: number;
  rowsRejected: number;
  duplicateRows: number;
  /** Kept rows whose date of birth is missing, invalid or after the extract date. */
  dobMissing: number;
}

export type CountName = keyof PracticeCounts;

export const COUNT_NAMES: readonly CountName[] = [
  'registered',
  'noPreference',
  'prefSms',
  'prefEmail',
  'prefLetter',
  'prefTelephone',
  'prefNhsApp',
  'prefOther',
  'declined',
  'unrecognised',
  'adults16plus',
  'adultsNoPreference',
  'qofPatients',
  'qofNoPreference',
  'aisNeedNoPreference',
  'defaultToSms',
  'qofDefaultToSms',
  'unreachableElectronic',
  'dqSmsNoMobile',
  'dqEmailNoAddress',
  'dqSmsDissent',
  'rowsRead',
  'rowsRejected',
  'duplicateRows',
  'dobMissing',
];

export function emptyCounts(): PracticeCounts {
  const counts = {} as PracticeCounts;
  for (const name of COUNT_NAMES) counts[name] = 0;
  return counts;
}

/** Adds b into a (for ICB totals). */
export function addCounts(a: PracticeCounts, b: PracticeCounts): PracticeCounts {
  for (const name of COUNT_NAMES) a[name] += b[name];
  return a;
}
