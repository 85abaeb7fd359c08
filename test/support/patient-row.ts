import type { PatientRow } from '../../lambdas/core/tally/patient-row';

/** An adult A81001 patient with no recorded preference and no contact details; `overrides` sets the rest. */
export function patientRow(overrides: Partial<PatientRow> = {}): PatientRow {
  return {
    practiceCode: 'A81001',
    nhsNumber: '9990000018',
    dateOfBirth: '1980-01-01',
    age: 46,
    extractDate: '2026-10-31',
    category: 'none',
    preferenceRaw: '',
    hasMobile: false,
    hasEmail: false,
    smsConsentWithdrawn: false,
    aisNeed: false,
    aisContactBy: undefined,
    qofRegisters: [],
    unknownRegisters: [],
    surname: 'Adams',
    forename: 'Amy',
    ...overrides,
  };
}
