import { describe, expect, it } from 'vitest';
import { parseNhsNumber } from '../../../../lambdas/core/values/nhs-number';
import {
  generatePracticePatients,
  type PracticeProfile,
} from '../../../../lambdas/local/samples/generate-practice-patients';
import { NhsNumberSequence } from '../../../../lambdas/local/samples/nhs-number-sequence';
import { FORMULA_LIKE_NAMES } from '../../../../lambdas/local/samples/sample-names';
import type { SamplePatient, SampleProblem } from '../../../../lambdas/local/samples/sample-patient';
import { SeededRandom } from '../../../../lambdas/local/samples/seeded-random';

const PROFILE: PracticeProfile = {
  practiceCode: 'Y01234',
  listSize: 1000,
  noPreferenceShare: 0.25,
  monthlyFixRate: 0.3,
  spelling: 'systmone',
  freeTextNeeds: true,
  blankPracticeCodeCells: 2,
  lowerCasePracticeCodeShare: 0,
  formulaLikeNames: 2,
};

const MONTHS = ['2026-09-30', '2026-10-31'];

function generate(seed = 11, profile = PROFILE): SamplePatient[][] {
  return generatePracticePatients(profile, MONTHS, new SeededRandom(seed), new NhsNumberSequence(0, 50_000, 17));
}

const [september = [], october = []] = generate();

function share(patients: readonly SamplePatient[], test: (p: SamplePatient) => boolean): number {
  return patients.filter(test).length / patients.length;
}

function ageAt(iso: string, at: string): number {
  return (Date.parse(at) - Date.parse(iso)) / (365.25 * 86_400_000);
}

describe('generatePracticePatients', () => {
  it('gives byte-for-byte the same patients for the same seed, and different ones for another', () => {
    expect(generate(11)).toEqual(generate(11));
    expect(generate(12)[0]?.map((p) => p.surname)).not.toEqual(september.map((p) => p.surname));
  });

  it('writes every NHS number of a valid row so that it passes the Modulus 11 check', () => {
    for (const month of [september, october]) {
      for (const patient of month.filter((p) => !p.problems.includes('invalid_nhs_number'))) {
        expect(parseNhsNumber(patient.nhsNumberText)).toBe(patient.nhsNumber);
        expect(patient.nhsNumber.startsWith('999')).toBe(true);
      }
    }
  });

  it('writes deliberately invalid NHS numbers that fail the check', () => {
    const invalid = september.filter((p) => p.problems.includes('invalid_nhs_number'));
    expect(invalid.length).toBe(3);
    for (const patient of invalid) expect(parseNhsNumber(patient.nhsNumberText)).toBeUndefined();
  });

  it('gives every patient of a month a different NHS number', () => {
    for (const month of [september, october]) expect(new Set(month.map((p) => p.nhsNumber)).size).toBe(month.length);
  });

  it.each<{ problem: SampleProblem; expected: number }>([
    { problem: 'invalid_nhs_number', expected: 3 },
    { problem: 'duplicate_row', expected: 3 },
    { problem: 'dob_missing', expected: 2 },
    { problem: 'dob_invalid', expected: 1 },
    { problem: 'dob_future', expected: 1 },
    { problem: 'sms_no_mobile', expected: 3 },
    { problem: 'sms_invalid_mobile', expected: 2 },
    { problem: 'email_invalid', expected: 3 },
    { problem: 'sms_consent_withdrawn', expected: 2 },
    { problem: 'unrecognised_preference', expected: 4 },
    { problem: 'formula_like_name', expected: 2 },
    { problem: 'practice_code_empty', expected: 2 },
    { problem: 'multiline_field', expected: 1 },
  ])('adds $expected patients with the problem $problem to a list of 1,000', ({ problem, expected }) => {
    expect(september.filter((p) => p.problems.includes(problem)).length).toBe(expected);
  });

  it('never puts two deliberate problems on one patient', () => {
    expect(september.every((p) => p.problems.length <= 1)).toBe(true);
  });

  it('uses only example email domains and drama-range mobiles for valid contact details', () => {
    for (const patient of september.filter((p) => p.problems.length === 0)) {
      if (patient.email !== '') expect(patient.email).toMatch(/@example\.(com|org|net)$/);
      if (patient.mobile !== '') expect(patient.mobile.replace(/\D/g, '')).toMatch(/7700900\d{3}$/);
    }
  });

  it('spreads ages from 0 to 100 with about 80% aged 16 or over', () => {
    const ages = september.flatMap((p) =>
      p.dateOfBirth.kind === 'date' ? [ageAt(p.dateOfBirth.iso, MONTHS[0] as string)] : [],
    );
    const real = ages.filter((age) => age >= 0);
    expect(Math.min(...real)).toBeLessThan(1);
    expect(Math.max(...real)).toBeGreaterThan(90);
    expect(Math.max(...real)).toBeLessThan(101);
    const adults = real.filter((age) => age >= 16).length / real.length;
    expect(adults).toBeGreaterThan(0.75);
    expect(adults).toBeLessThan(0.86);
  });

  it('puts about 30% on a QOF register and about 3% with an AIS need', () => {
    expect(share(september, (p) => p.qofRegisters.length > 0)).toBeGreaterThan(0.24);
    expect(share(september, (p) => p.qofRegisters.length > 0)).toBeLessThan(0.36);
    expect(share(september, (p) => p.aisNeed !== '')).toBeGreaterThan(0.015);
    expect(share(september, (p) => p.aisNeed !== '')).toBeLessThan(0.05);
  });

  it('keeps the same patients next month, apart from a few who leave or register', () => {
    const before = new Set(september.map((p) => p.nhsNumber));
    const after = new Set(october.map((p) => p.nhsNumber));
    const stayed = [...before].filter((n) => after.has(n)).length;
    expect(stayed / before.size).toBeGreaterThan(0.98);
    const newcomers = [...after].filter((n) => !before.has(n)).length;
    expect(newcomers).toBeGreaterThan(0);
    expect(newcomers / before.size).toBeLessThan(0.03);
  });

  it('records a preference for some patients without one, so the gap shrinks', () => {
    const none = (month: SamplePatient[]): number => share(month, (p) => p.preference === 'none');
    expect(none(september)).toBeGreaterThan(0.2);
    expect(none(october)).toBeLessThan(none(september) - 0.04);
  });

  it('keeps formula-like names without a preference, so every gap list shows them', () => {
    for (const month of [september, october]) {
      const named = month.filter((p) => p.problems.includes('formula_like_name'));
      expect(named.length).toBe(2);
      for (const patient of named) {
        expect(patient.preference).toBe('none');
        expect([patient.surname, patient.forename].some((name) => FORMULA_LIKE_NAMES.includes(name))).toBe(true);
      }
    }
  });

  it('records no new preference for existing patients of a practice whose fix rate is zero', () => {
    const [first = [], second = []] = generate(11, { ...PROFILE, monthlyFixRate: 0 });
    const kept = new Set(first.filter((p) => p.preference === 'none').map((p) => p.nhsNumber));
    for (const patient of second) if (kept.has(patient.nhsNumber)) expect(patient.preference).toBe('none');
  });
});
