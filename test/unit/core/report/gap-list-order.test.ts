import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGapListPatients } from '../../../../lambdas/core/report/gap-list-order';

describe('compareGapListPatients', () => {
  it('orders by tier, then surname and forename ignoring case and accents, then NHS number', () => {
    const patients = [
      { tier: 2, surname: 'Adams', forename: 'Amy', nhsNumber: '9990000018' },
      { tier: 1, surname: 'Zane', forename: 'Zoë', nhsNumber: '9990000026' },
      { tier: 4, surname: 'zoe', forename: 'b', nhsNumber: '9990000034' },
      { tier: 4, surname: 'Zoë', forename: 'a', nhsNumber: '9990000042' },
      { tier: 4, surname: 'Zoe', forename: 'A', nhsNumber: '9990000018' },
      { tier: 4, surname: "O'Brien", forename: 'Ann', nhsNumber: '9990000050' },
    ];
    const sorted = [...patients].sort(compareGapListPatients);
    expect(sorted.map((p) => `${p.tier} ${p.surname} ${p.forename} ${p.nhsNumber}`)).toEqual([
      '1 Zane Zoë 9990000026',
      '2 Adams Amy 9990000018',
      "4 O'Brien Ann 9990000050",
      '4 Zoe A 9990000018',
      '4 Zoë a 9990000042',
      '4 zoe b 9990000034',
    ]);
  });

  it('orders names exactly as the en-GB collator does, whether or not they are plain A-Z', () => {
    const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });
    // Mostly A-Z in both cases (the quick path), with the characters that send a name to the collator.
    const letters = fc.string({ unit: fc.constantFrom(...'aAbBmMyYzZ'), maxLength: 6 });
    const mixed = fc.string({
      unit: fc.constantFrom(...'aAbBmMyYzZ', 'ë', 'É', "'", '-', ' ', 'ß', 'ø'),
      maxLength: 8,
    });
    const name = fc.oneof(letters, mixed);
    fc.assert(
      fc.property(name, name, (a, b) => {
        const patient = (surname: string) => ({ tier: 1, surname, forename: 'Sam', nhsNumber: '9990000018' });
        expect(Math.sign(compareGapListPatients(patient(a), patient(b)))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });
});
