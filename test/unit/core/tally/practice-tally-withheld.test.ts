import { describe, expect, it } from 'vitest';
import type { PatientRow } from '../../../../lambdas/core/tally/patient-row';
import { PracticeTally } from '../../../../lambdas/core/tally/practice-tally';
import { patientRow } from '../../../support/patient-row';

const patient = (nhsNumber: string, overrides: Partial<PatientRow>): PatientRow =>
  patientRow({ nhsNumber, ...overrides });

describe('PracticeTally with personal data in the wrong column', () => {
  it('keeps the shape, not the value, of an unrecognised preference value that looks personal', () => {
    const tally = new PracticeTally('A81001');
    tally.add(patient('9990000018', { category: 'unrecognised', preferenceRaw: '12-Mar-1961' }));
    tally.add(patient('9990000026', { category: 'unrecognised', preferenceRaw: '07700 900 000' }));
    tally.add(patient('9990000034', { category: 'unrecognised', preferenceRaw: 'WhatsApp' }));
    expect(tally.unrecognisedValues).toEqual({
      '(withheld: looks like a date)': 1,
      '(withheld: looks like a phone or NHS number)': 1,
      WhatsApp: 1,
    });
  });

  it('keeps the shape, not the value, of an unknown register code that looks personal', () => {
    const tally = new PracticeTally('A81001');
    tally.add(patient('9990000018', { unknownRegisters: ['9990700001', 'XYZ'] }));
    tally.add(patient('9990000026', { unknownRegisters: ['jo@example.com', 'LS1 4AP', '05/10/1948'] }));
    expect(tally.unknownRegisterCodes).toEqual({
      '(withheld: looks like a phone or NHS number)': 1,
      XYZ: 1,
      '(withheld: looks like an email address)': 1,
      '(withheld: looks like a postcode)': 1,
      '(withheld: looks like a date)': 1,
    });
  });
});
