import { describe, expect, it } from 'vitest';
import type { PatientRow } from '../../../../lambdas/core/tally/patient-row';
import { PracticeTally } from '../../../../lambdas/core/tally/practice-tally';
import { MemorySpillFile } from '../../../../lambdas/core/tally/spill-file';
import { syntheticNhsNumbers } from '../../../support/synthetic-nhs-number';

const NUMBERS = syntheticNhsNumbers(3000);

function patient(i: number): PatientRow {
  return {
    practiceCode: 'A81001',
    nhsNumber: NUMBERS[i] as string,
    dateOfBirth: i % 10 === 0 ? undefined : '1980-01-02',
    age: i % 10 === 0 ? undefined : 46,
    extractDate: '2026-10-31',
    category: i % 3 === 0 ? 'sms' : 'none',
    preferenceRaw: '',
    hasMobile: i % 2 === 0,
    hasEmail: false,
    smsConsentWithdrawn: i % 9 === 0,
    aisNeed: false,
    aisContactBy: undefined,
    qofRegisters: i % 4 === 0 ? ['DM'] : [],
    unknownRegisters: [],
    surname: `Surname ${i}`,
    forename: 'Amy',
  };
}

describe('PracticeTally with a spill file', () => {
  it('lists the same gap list patients as without one, when its rows come in several blocks', () => {
    const spilled = new PracticeTally('A81001', new MemorySpillFile());
    const inMemory = new PracticeTally('A81001');
    for (let i = 0; i < 3000; i++) {
      spilled.add(patient(i));
      inMemory.add(patient(i));
      // As if the export moved on to another practice every 500 rows and came back.
      if (i % 500 === 499) spilled.park();
    }
    expect(spilled.counts).toEqual(inMemory.counts);
    expect(spilled.gapListRows()).toEqual(inMemory.gapListRows());
    // i = 1, 2, 4, 5… (not a multiple of 3): 2,000 with no preference.
    expect(spilled.noPreference).toHaveLength(2000);
    // Multiples of 3 prefer SMS: odd ones have no mobile (500), multiples of 9 withdrew consent (334).
    expect(spilled.fixContactDetails).toHaveLength(834);
  });

  it('finds duplicates of rows that came before the export moved on to another practice and back', () => {
    const spill = new MemorySpillFile();
    const tally = new PracticeTally('A81001', spill);
    // Ten rounds of: 150 new patients, the export moving on, and 10 repeats when it comes back.
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 150; i++) tally.add(patient(round * 150 + i));
      tally.park();
      for (let i = 0; i < 10; i++) tally.add(patient(i));
    }
    expect(tally.counts).toMatchObject({ rowsRead: 1600, registered: 1500, duplicateRows: 100 });
  });

  it('keeps its counts but forgets its patients when released', () => {
    const tally = new PracticeTally('A81001', new MemorySpillFile());
    for (let i = 0; i < 100; i++) tally.add(patient(i));
    tally.release();
    expect(tally.counts.registered).toBe(100);
    expect(tally.gapListRows()).toEqual({ noPreference: [], fixContactDetails: [] });
  });

  it('refuses a PatientRow without a valid NHS number, which must be rejected instead', () => {
    expect(() => new PracticeTally('A81001').add({ ...patient(0), nhsNumber: '9990000017' })).toThrow(RangeError);
  });
});
