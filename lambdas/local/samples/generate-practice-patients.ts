import type { NhsNumberSequence } from './nhs-number-sequence';
import { type PreferenceCategory, type SpellingStyle, spellPreference } from './preference-spellings';
import { type DateParts, dateParts, dayNumber, isoDate } from './sample-dates';
import { FORENAMES, FORMULA_LIKE_NAMES, SURNAMES } from './sample-names';
import type { SampleDateOfBirth, SamplePatient, SampleProblem, SmsConsent } from './sample-patient';
import type { SeededRandom } from './seeded-random';

/** What the generator needs to know about a practice. */
export interface PracticeProfile {
  practiceCode: string;
  /** Patients on the list in the first month (a few get invalid NHS numbers, so slightly fewer are registered). */
  listSize: number;
  /** Share (0-1) of patients with no recorded preference in the first month. */
  noPreferenceShare: number;
  /** Share (0-1) of no-preference patients whose preference gets recorded each following month. */
  monthlyFixRate: number;
  spelling: SpellingStyle;
  /** EMIS free-text fields may hold a line break; SystmOne's coded ones do not. */
  freeTextNeeds: boolean;
  /** Rows whose practice code cell is left empty (the reader falls back to the file name). */
  blankPracticeCodeCells: number;
  /** Share of rows whose practice code is written lower-case with a leading space. */
  lowerCasePracticeCodeShare: number;
  /** Patients named like spreadsheet formulas (always with no preference, so they reach the gap list). */
  formulaLikeNames: number;
}

/** Categories of patients who have a preference, and how common each is. */
const RECORDED_CATEGORIES: readonly (readonly [PreferenceCategory, number])[] = [
  ['sms', 0.5],
  ['letter', 0.14],
  ['email', 0.1],
  ['telephone', 0.1],
  ['nhsApp', 0.1],
  ['other', 0.03],
  ['declined', 0.015],
];

/** Age bands in years [from, to) and their share of a list: about 80% are 16 or over. */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 16], 0.19],
  [[16, 40], 0.3],
  [[40, 65], 0.32],
  [[65, 85], 0.15],
  [[85, 101], 0.04],
];

type RegisterMix = { share: number; codes: readonly (readonly [string, number])[] };

/** QOF registers by age: about 30% of all patients are on at least one. */
function registerMix(age: number): RegisterMix {
  if (age < 16) {
    return {
      share: 0.05,
      codes: [
        ['AST', 0.7],
        ['EP', 0.15],
        ['LD', 0.1],
        ['DM', 0.05],
      ],
    };
  }
  if (age < 40) {
    return {
      share: 0.16,
      codes: [
        ['DEP', 0.35],
        ['AST', 0.3],
        ['OB', 0.1],
        ['HYP', 0.08],
        ['MH', 0.05],
        ['DM', 0.05],
        ['EP', 0.04],
        ['LD', 0.03],
      ],
    };
  }
  if (age < 65) {
    return {
      share: 0.38,
      codes: [
        ['HYP', 0.3],
        ['DM', 0.15],
        ['DEP', 0.15],
        ['AST', 0.1],
        ['OB', 0.1],
        ['NDH', 0.08],
        ['CHD', 0.03],
        ['CKD', 0.03],
        ['CAN', 0.03],
        ['COPD', 0.03],
      ],
    };
  }
  return {
    share: 0.72,
    codes: [
      ['HYP', 0.3],
      ['DM', 0.12],
      ['CKD', 0.1],
      ['CHD', 0.1],
      ['AF', 0.08],
      ['COPD', 0.06],
      ['CAN', 0.06],
      ['STIA', 0.05],
      ['HF', 0.04],
      ['DEM', 0.04],
      ['OST', 0.03],
      ['PAD', 0.02],
      ['RA', 0.02],
      ['PC', 0.01],
    ],
  };
}

/** Register codes a practice might use that are not QOF registers (reported, never dropped). */
const NON_QOF_CODES = ['SMI', 'FRAIL'];

const AIS_NEEDS = ['Large print', 'Easy read', 'BSL interpreter', 'Braille', 'Audio', 'Interpreter (Polish)'];
const MULTILINE_AIS_NEED = 'Large print\n(18 point minimum)';

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

/** Mobile spellings seen in practice systems; all valid under SPEC §2.4. `xxx` is the drama-range suffix. */
const MOBILE_FORMATS: readonly (readonly [(xxx: string) => string, number])[] = [
  [(xxx) => `07700 900${xxx}`, 0.6],
  [(xxx) => `07700900${xxx}`, 0.15],
  [(xxx) => `+44 (0)7700 900${xxx}`, 0.08],
  [(xxx) => `7700900${xxx}`, 0.06],
  [(xxx) => `+447700900${xxx}`, 0.06],
  [(xxx) => `07700-900-${xxx}`, 0.05],
];

/** Invalid under SPEC §2.4: too short, a landline (Ofcom drama range), too long, free text. */
const INVALID_MOBILES = ['07700 9001', '01632 960123', '077009001234', 'ask patient'];

const INVALID_EMAIL_FORMS: readonly ((local: string) => string)[] = [
  (local) => `${local}@`,
  (local) => `${local}@example`,
  (local) => `${local.slice(0, 1)}@@example.com`,
  (local) => `${local}@example..com`,
  (local) => `${local} @example.com`,
];

/** Impossible days written as if real (SPEC §2.4 "invalid date of birth"). */
const IMPOSSIBLE_DAYS: readonly (readonly [number, number])[] = [
  [31, 2],
  [30, 2],
  [31, 4],
  [31, 6],
  [31, 9],
  [31, 11],
];

/** The patient-level choices for one new patient on the list at `referenceDate`. */
export interface NewPatientOptions {
  key: number;
  referenceDate: string;
  noPreferenceShare: number;
  spelling: SpellingStyle;
  /** Newly registered babies are common: the share of new patients born in the last few weeks. */
  newbornShare?: number;
}

function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’\s]/g, (c) => (c === '’' ? "'" : ''))
    .toLowerCase();
}

function drawMobile(random: SeededRandom): string {
  const xxx = String(random.int(0, 999)).padStart(3, '0');
  return random.weighted(MOBILE_FORMATS)(xxx);
}

function drawEmail(random: SeededRandom, forename: string, surname: string): string {
  const first = asciiName(forename);
  const last = asciiName(surname);
  const local = random.weighted<string>([
    [`${first}.${last}`, 0.5],
    [`${first.slice(0, 1)}.${last}`, 0.2],
    [`${first}${last}${random.int(1, 99)}`, 0.2],
    [`${first}_${last}`, 0.1],
  ]);
  return `${local}@${random.pick(EMAIL_DOMAINS)}`;
}

function drawRegisters(random: SeededRandom, age: number): string[] {
  const mix = registerMix(age);
  if (!random.chance(mix.share)) return [];
  const wanted = random.weighted<number>([
    [1, 0.6],
    [2, 0.3],
    [3, 0.1],
  ]);
  const codes: string[] = [];
  for (let i = 0; i < wanted; i++) {
    const code = random.weighted(mix.codes);
    if (!codes.includes(code)) codes.push(code);
  }
  if (random.chance(0.01)) codes.push(random.pick(NON_QOF_CODES));
  return codes;
}

/**
 * A category for a patient with a preference, consistent with their contact details: SMS needs a mobile
 * and consent that is not withdrawn (anything else is a deliberate problem, added separately).
 */
function drawRecordedCategory(random: SeededRandom, canText: boolean, hasEmail: boolean): PreferenceCategory {
  const category = random.weighted(RECORDED_CATEGORIES);
  if (category === 'sms' && !canText) return 'letter';
  if (category === 'email' && !hasEmail) return 'letter';
  return category;
}

function spell(random: SeededRandom, category: PreferenceCategory, style: SpellingStyle): string {
  return spellPreference(category, style, () => random.next());
}

/** One new, clean patient: every deliberate problem is added afterwards by `injectProblems`. */
export function generatePatient(
  random: SeededRandom,
  nhsNumbers: NhsNumberSequence,
  options: NewPatientOptions,
): SamplePatient {
  const nhsNumber = nhsNumbers.next();
  const layout = random.weighted<'plain' | 'spaced' | 'hyphenated'>([
    ['plain', 0.97],
    ['spaced', 0.02],
    ['hyphenated', 0.01],
  ]);
  const nhsNumberText =
    layout === 'plain'
      ? nhsNumber
      : layout === 'spaced'
        ? `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`
        : `${nhsNumber.slice(0, 3)}-${nhsNumber.slice(3, 6)}-${nhsNumber.slice(6)}`;
  const surname = random.pick(SURNAMES);
  const forename = random.pick(FORENAMES);

  const reference = dayNumber(options.referenceDate);
  const newborn = options.newbornShare !== undefined && random.chance(options.newbornShare);
  const [fromYears, toYears] = newborn ? [0, 0.1] : random.weighted(AGE_BANDS);
  const ageDays = random.int(Math.ceil(fromYears * 365.25), Math.floor(toYears * 365.25) - 1);
  const age = ageDays / 365.25;
  const dateOfBirth: SampleDateOfBirth = { kind: 'date', iso: isoDate(reference - ageDays) };

  const mobileShare = age < 12 ? 0.1 : age < 16 ? 0.6 : age < 75 ? 0.92 : 0.6;
  const mobile = random.chance(mobileShare) ? drawMobile(random) : '';
  const emailShare = age < 16 ? 0.05 : age < 65 ? 0.55 : 0.25;
  const email = random.chance(emailShare) ? drawEmail(random, forename, surname) : '';
  const smsConsent: SmsConsent =
    mobile === ''
      ? random.chance(0.1)
        ? 'given'
        : 'unrecorded'
      : random.weighted<SmsConsent>([
          ['given', 0.75],
          ['unrecorded', 0.22],
          ['withdrawn', 0.03],
        ]);
  const qofRegisters = drawRegisters(random, age);
  const aisNeed = random.chance(age >= 75 ? 0.07 : 0.025) ? random.pick(AIS_NEEDS) : '';

  const preference = random.chance(options.noPreferenceShare)
    ? 'none'
    : drawRecordedCategory(random, mobile !== '' && smsConsent !== 'withdrawn', email !== '');

  return {
    key: options.key,
    nhsNumber,
    nhsNumberText,
    surname,
    forename,
    dateOfBirth,
    preference,
    preferenceText: spell(random, preference, options.spelling),
    mobile,
    email,
    smsConsent,
    qofRegisters,
    aisNeed,
    variant: random.int(0, 999),
    practiceCodeCell: 'code',
    problems: [],
  };
}

/** At least one of each problem per practice, and about `rate` of the list. */
function problemCount(listSize: number, rate: number): number {
  return Math.max(1, Math.round(listSize * rate));
}

function withProblem(patient: SamplePatient, problem: SampleProblem, changes: Partial<SamplePatient>): SamplePatient {
  return { ...patient, ...changes, problems: [...patient.problems, problem] };
}

/** Keeps a problem to itself: an SMS problem other than dissent must not also be dissent. */
function consentNotWithdrawn(consent: SmsConsent): SmsConsent {
  return consent === 'withdrawn' ? 'unrecorded' : consent;
}

function corruptNhsNumber(random: SeededRandom, nhsNumber: string): string {
  if (random.chance(0.25)) return nhsNumber.slice(0, 9); // a digit lost: 9 digits
  const check = nhsNumber.charCodeAt(9) - 48;
  return `${nhsNumber.slice(0, 9)}${(check + random.int(1, 9)) % 10}`; // wrong check digit
}

function impossibleDate(random: SeededRandom, dateOfBirth: SampleDateOfBirth): DateParts {
  const year = dateOfBirth.kind === 'date' ? dateParts(dateOfBirth.iso).year : 1970;
  const [day, month] = random.pick(IMPOSSIBLE_DAYS);
  return { year, month, day };
}

/**
 * Adds the deliberate data-quality problems of SPEC §2.4 to a practice's first-month list, each to its
 * own patients (never two problems on one patient, so every problem shows in the counts exactly once).
 */
function injectProblems(
  patients: SamplePatient[],
  random: SeededRandom,
  profile: PracticeProfile,
  referenceDate: string,
): SamplePatient[] {
  const n = patients.length;
  const order = random.shuffle(patients.map((_, index) => index));
  let next = 0;
  const take = (count: number, change: (patient: SamplePatient) => SamplePatient): void => {
    for (let i = 0; i < count && next < order.length; i++, next++) {
      const index = order[next] as number;
      patients[index] = change(patients[index] as SamplePatient);
    }
  };
  const mobile = (): string => drawMobile(random);
  const style = profile.spelling;

  take(problemCount(n, 0.003), (p) =>
    withProblem(p, 'invalid_nhs_number', { nhsNumberText: corruptNhsNumber(random, p.nhsNumber) }),
  );
  take(problemCount(n, 0.003), (p) => {
    const changed = random.chance(0.5);
    const category = changed
      ? drawRecordedCategory(random, p.smsConsent !== 'withdrawn', p.email !== '')
      : p.preference;
    const preferenceText = changed ? spell(random, category, style) : p.preferenceText;
    return withProblem(p, 'duplicate_row', { duplicate: { preferenceText } });
  });
  take(problemCount(n, 0.002), (p) => withProblem(p, 'dob_missing', { dateOfBirth: { kind: 'missing' } }));
  take(problemCount(n, 0.001), (p) =>
    withProblem(p, 'dob_invalid', {
      dateOfBirth: random.chance(0.25)
        ? { kind: 'text', text: 'Unknown' }
        : { kind: 'impossible', date: impossibleDate(random, p.dateOfBirth) },
    }),
  );
  take(1, (p) =>
    withProblem(p, 'dob_future', {
      dateOfBirth: { kind: 'date', iso: isoDate(dayNumber(referenceDate) + random.int(60, 400)) },
    }),
  );
  take(problemCount(n, 0.003), (p) =>
    withProblem(p, 'sms_no_mobile', {
      preference: 'sms',
      preferenceText: spell(random, 'sms', style),
      mobile: '',
      smsConsent: consentNotWithdrawn(p.smsConsent),
    }),
  );
  take(problemCount(n, 0.002), (p) =>
    withProblem(p, 'sms_invalid_mobile', {
      preference: 'sms',
      preferenceText: spell(random, 'sms', style),
      mobile: random.pick(INVALID_MOBILES),
      smsConsent: consentNotWithdrawn(p.smsConsent),
    }),
  );
  take(problemCount(n, 0.003), (p) => {
    const valid = p.email !== '' ? p.email : drawEmail(random, p.forename, p.surname);
    const local = valid.slice(0, valid.indexOf('@'));
    return withProblem(p, 'email_invalid', {
      preference: 'email',
      preferenceText: spell(random, 'email', style),
      email: random.pick(INVALID_EMAIL_FORMS)(local),
    });
  });
  take(problemCount(n, 0.002), (p) =>
    withProblem(p, 'sms_consent_withdrawn', {
      preference: 'sms',
      preferenceText: spell(random, 'sms', style),
      mobile: p.mobile !== '' && !INVALID_MOBILES.includes(p.mobile) ? p.mobile : mobile(),
      smsConsent: 'withdrawn',
    }),
  );
  take(problemCount(n, 0.004), (p) =>
    withProblem(p, 'unrecognised_preference', {
      preference: 'unrecognised',
      preferenceText: spell(random, 'unrecognised', style),
    }),
  );
  take(profile.formulaLikeNames, (p) =>
    withProblem(p, 'formula_like_name', {
      ...(random.chance(0.5)
        ? { surname: random.pick(FORMULA_LIKE_NAMES) }
        : { forename: random.pick(FORMULA_LIKE_NAMES) }),
      preference: 'none',
      preferenceText: spell(random, 'none', style),
    }),
  );
  take(profile.blankPracticeCodeCells, (p) => withProblem(p, 'practice_code_empty', { practiceCodeCell: 'empty' }));
  if (profile.freeTextNeeds) take(1, (p) => withProblem(p, 'multiline_field', { aisNeed: MULTILINE_AIS_NEED }));
  for (let i = 0; i < patients.length; i++) {
    const patient = patients[i] as SamplePatient;
    if (patient.problems.length === 0 && random.chance(profile.lowerCasePracticeCodeShare)) {
      patients[i] = withProblem(patient, 'practice_code_lower_case', { practiceCodeCell: 'lower-case' });
    }
  }
  return patients;
}

/** Problems a practice fixes between months (the rest persist, as they do in real systems). */
function fixSomeProblems(patient: SamplePatient, random: SeededRandom, referenceDate: string): SamplePatient {
  const problem = patient.problems[0];
  if (problem === undefined || !random.chance(0.3)) return patient;
  const problems = patient.problems.slice(1);
  switch (problem) {
    case 'invalid_nhs_number':
      return { ...patient, nhsNumberText: patient.nhsNumber, problems };
    case 'duplicate_row': {
      const { duplicate: _removed, ...rest } = patient;
      return { ...rest, problems };
    }
    case 'dob_missing':
      return {
        ...patient,
        dateOfBirth: { kind: 'date', iso: isoDate(dayNumber(referenceDate) - random.int(6000, 25000)) },
        problems,
      };
    case 'sms_no_mobile':
      return { ...patient, mobile: drawMobile(random), problems };
    default:
      return patient;
  }
}

/**
 * A practice's patients for each month, in export order. The first month is drawn fresh; each later month
 * keeps the same patients (a few leave, a few register, mostly without a preference), records a preference
 * for `monthlyFixRate` of those without one, and fixes some data-quality problems. Pure: no I/O, no clock.
 *
 * @param referenceDates the extract date of each month, ascending
 */
export function generatePracticePatients(
  profile: PracticeProfile,
  referenceDates: readonly string[],
  random: SeededRandom,
  nhsNumbers: NhsNumberSequence,
): SamplePatient[][] {
  const first = referenceDates[0];
  if (first === undefined) return [];
  const draw = random.fork('first-month');
  let nextKey = 0;
  const patients: SamplePatient[] = [];
  for (let i = 0; i < profile.listSize; i++) {
    patients.push(
      generatePatient(draw, nhsNumbers, {
        key: nextKey++,
        referenceDate: first,
        noPreferenceShare: profile.noPreferenceShare,
        spelling: profile.spelling,
      }),
    );
  }
  const months: SamplePatient[][] = [injectProblems(patients, random.fork('problems'), profile, first)];

  for (let m = 1; m < referenceDates.length; m++) {
    const referenceDate = referenceDates[m] as string;
    const change = random.fork(`month-${m}`);
    const previous = months[m - 1] as SamplePatient[];
    const current: SamplePatient[] = [];
    for (const patient of previous) {
      if (patient.problems.length === 0 && change.chance(0.005)) continue; // left the practice
      let updated = fixSomeProblems(patient, change, referenceDate);
      // Formula-like names stay without a preference so every month's gap list shows them.
      const keepsGap = updated.problems.includes('formula_like_name');
      if (updated.preference === 'none' && !keepsGap && change.chance(profile.monthlyFixRate)) {
        const canText = updated.mobile !== '' && updated.smsConsent !== 'withdrawn';
        const category = drawRecordedCategory(change, canText, updated.email !== '');
        updated = { ...updated, preference: category, preferenceText: spell(change, category, profile.spelling) };
      }
      current.push(updated);
    }
    const newcomers = Math.round(previous.length * 0.015 * (0.5 + change.next()));
    for (let i = 0; i < newcomers; i++) {
      current.push(
        generatePatient(change, nhsNumbers, {
          key: nextKey++,
          referenceDate,
          // New registrations mostly arrive without a preference, fewer where the practice asks at sign-up.
          noPreferenceShare: Math.min(0.6, profile.noPreferenceShare * 2.5),
          spelling: profile.spelling,
          newbornShare: 0.15,
        }),
      );
    }
    months.push(current);
  }
  return months;
}
