import { describe, expect, it } from 'vitest';
import type { PatientRow } from '../../../../lambdas/core/tally/patient-row';
import { gapListTier, PracticeTally } from '../../../../lambdas/core/tally/practice-tally';
import { patientRow } from '../../../support/patient-row';

const patient = (overrides: Partial<PatientRow>): PatientRow => patientRow(overrides);

describe('PracticeTally', () => {
  it('counts a duplicate NHS number once as registered and once as a duplicate row', () => {
    const tally = new PracticeTally('A81001');
    tally.add(patient({}));
    tally.add(patient({ category: 'sms' }));
    expect(tally.counts).toMatchObject({ rowsRead: 2, registered: 1, duplicateRows: 1, noPreference: 1, prefSms: 0 });
  });

  it('counts a rejected row in rows read and rows rejected, not in registered', () => {
    const tally = new PracticeTally('A81001');
    tally.reject('invalid_nhs_number');
    expect(tally.counts).toMatchObject({ rowsRead: 1, rowsRejected: 1, registered: 0 });
    expect(tally.rejectedByReason).toEqual({ invalid_nhs_number: 1 });
  });

  it.each([
    { name: 'mobile, consent not withdrawn', row: { hasMobile: true }, defaultToSms: 1, unreachable: 0 },
    {
      name: 'mobile, consent withdrawn',
      row: { hasMobile: true, smsConsentWithdrawn: true },
      defaultToSms: 0,
      unreachable: 0,
    },
    { name: 'email only', row: { hasEmail: true }, defaultToSms: 0, unreachable: 0 },
    { name: 'neither mobile nor email', row: {}, defaultToSms: 0, unreachable: 1 },
  ])(
    'with no preference and $name: default_to_sms $defaultToSms, unreachable $unreachable',
    ({ row, defaultToSms, unreachable }) => {
      const tally = new PracticeTally('A81001');
      tally.add(patient(row));
      expect(tally.counts.defaultToSms).toBe(defaultToSms);
      expect(tally.counts.unreachableElectronic).toBe(unreachable);
    },
  );

  it('counts QOF cohorts and per-register numbers', () => {
    const tally = new PracticeTally('A81001');
    tally.add(patient({ nhsNumber: '9990000018', qofRegisters: ['DM', 'HYP'], hasMobile: true }));
    tally.add(patient({ nhsNumber: '9990000026', qofRegisters: ['DM'], category: 'letter' }));
    tally.add(patient({ nhsNumber: '9990000034', unknownRegisters: ['XYZ'] }));
    expect(tally.counts).toMatchObject({ qofPatients: 2, qofNoPreference: 1, qofDefaultToSms: 1, noPreference: 2 });
    expect(tally.registers).toEqual({ DM: { patients: 2, noPreference: 1 }, HYP: { patients: 1, noPreference: 1 } });
    expect(tally.unknownRegisterCodes).toEqual({ XYZ: 1 });
  });

  it('lists the three contact-detail problems', () => {
    const tally = new PracticeTally('A81001');
    tally.add(patient({ nhsNumber: '9990000018', category: 'sms' }));
    tally.add(patient({ nhsNumber: '9990000026', category: 'sms', hasMobile: true, smsConsentWithdrawn: true }));
    tally.add(patient({ nhsNumber: '9990000034', category: 'email' }));
    expect(tally.fixContactDetails.map((f) => f.problem)).toEqual(['sms_no_mobile', 'sms_dissent', 'email_no_address']);
    expect(tally.counts).toMatchObject({ dqSmsNoMobile: 1, dqSmsDissent: 1, dqEmailNoAddress: 1 });
  });

  it('counts a missing date of birth and leaves the patient out of the 16+ cohort', () => {
    const tally = new PracticeTally('A81001');
    tally.add(patient({ dateOfBirth: undefined, age: undefined }));
    expect(tally.counts).toMatchObject({ dobMissing: 1, adults16plus: 0, adultsNoPreference: 0 });
  });

  it('keeps unrecognised values as written with their counts', () => {
    const tally = new PracticeTally('A81001');
    tally.add(patient({ nhsNumber: '9990000018', category: 'unrecognised', preferenceRaw: 'WhatsApp' }));
    tally.add(patient({ nhsNumber: '9990000026', category: 'unrecognised', preferenceRaw: 'WhatsApp' }));
    expect(tally.unrecognisedValues).toEqual({ WhatsApp: 2 });
    expect(tally.counts.noPreference).toBe(0);
  });
});

describe('gapListTier', () => {
  it.each([
    { qofRegisters: ['DM'], aisNeed: true, age: 40, tier: 1 },
    { qofRegisters: ['DM'], aisNeed: false, age: 40, tier: 2 },
    { qofRegisters: [], aisNeed: true, age: 5, tier: 3 },
    { qofRegisters: [], aisNeed: false, age: 16, tier: 4 },
    { qofRegisters: [], aisNeed: false, age: 15, tier: 5 },
    { qofRegisters: [], aisNeed: false, age: undefined, tier: 5 },
  ])('puts QOF $qofRegisters, AIS $aisNeed, age $age in tier $tier', ({ tier, ...row }) => {
    expect(gapListTier(row)).toBe(tier);
  });
});
