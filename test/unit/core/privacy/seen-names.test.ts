import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../../lambdas/core/privacy/name-key';
import { SeenNames } from '../../../../lambdas/core/privacy/seen-names';

function namesOf(...names: string[]): SeenNames {
  const seen = new SeenNames();
  for (const name of names) seen.add(name);
  return seen;
}

describe('nameKey', () => {
  it.each([
    { raw: "O'Brien", key: "o'brien" },
    { raw: 'o’brien', key: "o'brien" },
    { raw: ' José ', key: 'jose' },
    { raw: 'JOSE', key: 'jose' },
    { raw: 'Ó Súilleabháin', key: 'o suilleabhain' },
    { raw: 'van  der\tBerg', key: 'van der berg' },
    { raw: 'St. John', key: 'st john' },
    { raw: 'Smith‐Jones', key: 'smith-jones' },
    { raw: 'Strauß', key: 'strauss' },
    { raw: 'Zoë', key: 'zoe' },
    { raw: '-Smith', key: 'smith' },
    { raw: 'J', key: '' },
    { raw: '', key: '' },
  ])('folds "$raw" to "$key"', ({ raw, key }) => {
    expect(nameKey(raw)).toBe(key);
  });
});

describe('SeenNames', () => {
  it.each([
    { name: "O'Brien", value: 'o’brien' },
    { name: 'o’brien', value: "O'BRIEN" },
    { name: 'José', value: 'Jose' },
    { name: 'Jose', value: 'JOSÉ' },
    { name: 'Smith', value: '  smith ' },
    { name: 'van der Berg', value: 'Van Der Berg' },
    { name: 'Smith', value: 'call Mrs Smith' },
    { name: 'van der Berg', value: 'text van der Berg please' },
    { name: 'Mary-Jane', value: 'ask for mary-jane' },
    { name: 'Ní Bhriain', value: 'Ni Bhriain (daughter)' },
  ])('finds the name "$name" in "$value"', ({ name, value }) => {
    expect(namesOf('Oliver', name, 'Patel').appearsIn(value)).toBe(true);
  });

  it.each([
    { name: 'Smith', value: 'Smithson' },
    { name: 'Smith-Jones', value: 'Jones' },
    { name: 'van der Berg', value: 'Berg' },
    { name: 'Carer', value: 'Carers' },
    { name: 'J', value: 'J' },
    { name: 'Smith', value: '' },
  ])('does not find "$name" in "$value"', ({ name, value }) => {
    expect(namesOf(name).appearsIn(value)).toBe(false);
  });

  it('finds every one of many names after the table has grown', () => {
    const seen = new SeenNames();
    const names = Array.from({ length: 20_000 }, (_, i) => `Name${i.toString(36)}x`);
    for (const name of names) seen.add(name);
    expect(names.every((name) => seen.appearsIn(name.toUpperCase()))).toBe(true);
    expect(seen.saturated).toBe(false);
  });

  it('treats every value as a possible name once more names came than it may hold', () => {
    const seen = new SeenNames(2);
    seen.add('Smith');
    seen.add('Jones');
    seen.add('smith');
    expect(seen.saturated).toBe(false);
    expect(seen.appearsIn('Carer')).toBe(false);
    seen.add('Patel');
    expect(seen.saturated).toBe(true);
    expect(seen.appearsIn('Carer')).toBe(true);
    expect(seen.appearsIn('  ')).toBe(false);
  });
});

describe('SeenNames, plain names hashed without a lower-case copy', () => {
  it('finds a plain A-Z name whatever its case, alone or inside a phrase, as the folded key would', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{2,12}$/), (name) => {
        const seen = namesOf(name);
        expect(seen.appearsIn(name.toLowerCase())).toBe(true);
        expect(seen.appearsIn(`call ${name.toUpperCase()} please`)).toBe(true);
        // Added through the folding path (an accent) and looked up plain: the same entry.
        expect(namesOf(`${name}\u0301`).appearsIn(name)).toBe(true);
      }),
    );
  });

  it('still ignores single letters and folds names with other characters', () => {
    expect(namesOf('J').appearsIn('J')).toBe(false);
    expect(namesOf("O'Brien").appearsIn('o’brien')).toBe(true);
    expect(namesOf('Smith').appearsIn('Smyth')).toBe(false);
  });
});
