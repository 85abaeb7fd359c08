/**
 * A test oracle: counts one SystmOne-like sample export (comma, UTF-8, DD/MM/YYYY, one practice) by the
 * rules of SPEC §2–3, written out longhand and independently of both the generator and the pipeline.
 * Used to check the "expected answers" table in samples/README.md.
 */
import { parse } from 'csv-parse/sync';
import { parseNhsNumber } from '../../../../lambdas/core/values/nhs-number';

export interface ExpectedCounts {
  registered: number;
  no_preference: number;
  pref_sms: number;
  pref_email: number;
  pref_letter: number;
  pref_telephone: number;
  pref_nhs_app: number;
  pref_other: number;
  declined: number;
  unrecognised: number;
  adults_16plus: number;
  adults_no_preference: number;
  qof_patients: number;
  qof_no_preference: number;
  ais_need_no_preference: number;
  default_to_sms: number;
  qof_default_to_sms: number;
  unreachable_electronic: number;
  dq_sms_no_mobile: number;
  dq_email_no_address: number;
  dq_sms_dissent: number;
  rows_read: number;
  rows_rejected: number;
  duplicate_rows: number;
  dob_missing: number;
}

export type Category = 'sms' | 'email' | 'letter' | 'telephone' | 'nhsApp' | 'other' | 'declined' | 'none';

/** SPEC §2.3, value by value. */
const VOCABULARY: Record<string, Category> = {
  sms: 'sms',
  text: 'sms',
  'text message': 'sms',
  'sms text message': 'sms',
  mobile: 'sms',
  '9': 'sms',
  email: 'email',
  'e-mail': 'email',
  '4': 'email',
  letter: 'letter',
  post: 'letter',
  written: 'letter',
  '1': 'letter',
  telephone: 'telephone',
  phone: 'telephone',
  'telephone call': 'telephone',
  landline: 'telephone',
  '3': 'telephone',
  '6': 'telephone',
  'nhs app': 'nhsApp',
  'nhs app notification': 'nhsApp',
  app: 'nhsApp',
  visit: 'other',
  '2': 'other',
  minicom: 'other',
  textphone: 'other',
  '5': 'other',
  'sign language': 'other',
  '7': 'other',
  'no telephone contact': 'other',
  '8': 'other',
  'no communication': 'declined',
  declined: 'declined',
  'do not contact': 'declined',
  'does not want contact': 'declined',
  '': 'none',
  unknown: 'none',
  'not known': 'none',
  'not recorded': 'none',
  none: 'none',
  '-': 'none',
  'n/a': 'none',
};

const QOF_CODES = new Set('AF AST CAN CHD CKD COPD DEM DEP DM EP HF HYP LD MH NDH OB OST PAD PC RA STIA'.split(' '));
const WITHDRAWN = new Set(['no', 'n', 'false', '0', 'withdrawn', 'dissent', 'declined']);
const NO_AIS_NEED = new Set(['', 'no', 'n', 'none', 'false', '0', 'no need', 'not recorded']);

/** The SPEC §2.3 category of a written value. */
export function classifyPreference(raw: string): Category | 'unrecognised' {
  let value = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (value === 'na') value = 'n/a';
  if (/^\d+$/.test(value)) value = String(Number(value));
  return VOCABULARY[value] ?? 'unrecognised';
}

function validMobile(raw: string): boolean {
  const digits = raw
    .trim()
    .replace(/^\+44\s*\(0\)/, '+44')
    .replace(/[\s\-.()]/g, '');
  return /^07\d{9}$/.test(digits) || /^\+?447\d{9}$/.test(digits) || /^7\d{9}$/.test(digits);
}

function validEmail(raw: string): boolean {
  const value = raw.trim();
  const parts = value.split('@');
  if (parts.length !== 2 || /\s/.test(value)) return false;
  const [local, domain] = parts as [string, string];
  const labels = domain.split('.');
  return local.length > 0 && labels.length >= 2 && labels.every((label) => label.length > 0);
}

/** `DD/MM/YYYY` to [year, month, day] if it is a real calendar date. */
function parseDate(raw: string): [number, number, number] | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return [year, month, day];
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whole years from birth to the extract date. */
function age(birth: [number, number, number], at: [number, number, number]): number {
  const birthdayPassed = at[1] > birth[1] || (at[1] === birth[1] && at[2] >= birth[2]);
  return at[0] - birth[0] - (birthdayPassed ? 0 : 1);
}

/** Counts one SystmOne-like export (the text of the file) as the pipeline should. */
export function countSystmOneExport(text: string): ExpectedCounts {
  const rows: Record<string, string>[] = parse(text, { columns: true, bom: true, skip_empty_lines: true });
  const counts: ExpectedCounts = {
    registered: 0,
    no_preference: 0,
    pref_sms: 0,
    pref_email: 0,
    pref_letter: 0,
    pref_telephone: 0,
    pref_nhs_app: 0,
    pref_other: 0,
    declined: 0,
    unrecognised: 0,
    adults_16plus: 0,
    adults_no_preference: 0,
    qof_patients: 0,
    qof_no_preference: 0,
    ais_need_no_preference: 0,
    default_to_sms: 0,
    qof_default_to_sms: 0,
    unreachable_electronic: 0,
    dq_sms_no_mobile: 0,
    dq_email_no_address: 0,
    dq_sms_dissent: 0,
    rows_read: 0,
    rows_rejected: 0,
    duplicate_rows: 0,
    dob_missing: 0,
  };
  const seen = new Set<string>();
  for (const row of rows) {
    const field = (name: string): string => row[name] ?? '';
    counts.rows_read += 1;
    const nhsNumber = parseNhsNumber(field('NHS Number'));
    if (nhsNumber === undefined) {
      counts.rows_rejected += 1;
      continue;
    }
    if (seen.has(nhsNumber)) {
      counts.duplicate_rows += 1;
      continue;
    }
    seen.add(nhsNumber);
    counts.registered += 1;

    const extract = parseDate(field('Extract Date'));
    if (extract === undefined) throw new Error('oracle: every sample row has an extract date');
    const birth = parseDate(field('Date of Birth'));
    const usableBirth = birth !== undefined && compare(birth, extract) <= 0 ? birth : undefined;
    if (usableBirth === undefined) counts.dob_missing += 1;
    const adult = usableBirth !== undefined && age(usableBirth, extract) >= 16;

    const preference = classifyPreference(field('Preferred Contact Method'));
    const hasMobile = validMobile(field('Mobile Telephone'));
    const hasEmail = validEmail(field('Email Address'));
    const withdrawn = WITHDRAWN.has(field('SMS Consent').trim().toLowerCase());
    const onQof = field('QOF Registers')
      .split(/[;,|]/)
      .some((code) => QOF_CODES.has(code.trim().toUpperCase()));
    const aisNeed = !NO_AIS_NEED.has(field('AIS Need').trim().toLowerCase());

    if (adult) counts.adults_16plus += 1;
    if (onQof) counts.qof_patients += 1;
    switch (preference) {
      case 'none':
        counts.no_preference += 1;
        if (adult) counts.adults_no_preference += 1;
        if (onQof) counts.qof_no_preference += 1;
        if (aisNeed) counts.ais_need_no_preference += 1;
        if (hasMobile && !withdrawn) {
          counts.default_to_sms += 1;
          if (onQof) counts.qof_default_to_sms += 1;
        }
        if (!hasMobile && !hasEmail) counts.unreachable_electronic += 1;
        break;
      case 'sms':
        counts.pref_sms += 1;
        if (!hasMobile) counts.dq_sms_no_mobile += 1;
        if (withdrawn) counts.dq_sms_dissent += 1;
        break;
      case 'email':
        counts.pref_email += 1;
        if (!hasEmail) counts.dq_email_no_address += 1;
        break;
      case 'letter':
        counts.pref_letter += 1;
        break;
      case 'telephone':
        counts.pref_telephone += 1;
        break;
      case 'nhsApp':
        counts.pref_nhs_app += 1;
        break;
      case 'other':
        counts.pref_other += 1;
        break;
      case 'declined':
        counts.declined += 1;
        break;
      case 'unrecognised':
        counts.unrecognised += 1;
        break;
    }
  }
  return counts;
}
