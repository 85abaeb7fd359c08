import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonalShape } from '../../../../lambdas/core/privacy/personal-shape';
import { screenInputValues } from '../../../../lambdas/core/privacy/screen-input-values';
import { SeenNames } from '../../../../lambdas/core/privacy/seen-names';
import { withheldShape } from '../../../../lambdas/core/privacy/withheld-shape';
import { FORENAMES, SURNAMES } from '../../../../lambdas/local/samples/sample-names';
import {
  embeddedIdentifierArbitrary,
  type IdentifierKind,
  type InjectedIdentifier,
  identifierArbitrary,
} from '../../../support/identifier-injection';

const SHAPE_OF_KIND: Record<IdentifierKind, PersonalShape> = {
  nhsNumber: 'phoneOrNhsNumber',
  mobile: 'phoneOrNhsNumber',
  name: 'name',
  email: 'email',
  date: 'date',
  postcode: 'postcode',
};

/** The export's names: the injected name as its name column holds it (the value may be retyped). */
function namesWith(identifier: InjectedIdentifier): SeenNames {
  const names = new SeenNames();
  if (identifier.name !== undefined) names.add(identifier.name);
  return names;
}

describe('the personal-data guard against injected identifiers', () => {
  it('withholds any identifier alone, for the shape it has', () => {
    fc.assert(
      fc.property(identifierArbitrary, (identifier) => {
        expect(withheldShape(identifier.text, namesWith(identifier))).toBe(SHAPE_OF_KIND[identifier.kind]);
      }),
      { numRuns: 5000 },
    );
  });

  it('withholds any identifier inside ordinary words', () => {
    fc.assert(
      fc.property(embeddedIdentifierArbitrary, (identifier) => {
        expect(withheldShape(identifier.text, namesWith(identifier))).toBeDefined();
      }),
      { numRuns: 5000 },
    );
  });

  it("quotes none of a list of identifiers screened once all the export's names were seen", () => {
    fc.assert(
      fc.property(fc.array(embeddedIdentifierArbitrary, { minLength: 1, maxLength: 30 }), (identifiers) => {
        const names = new SeenNames();
        for (const { name } of identifiers) if (name !== undefined) names.add(name);
        const screened = screenInputValues(
          identifiers.map(({ text }) => [text, 1] as const),
          { names },
        );
        expect(screened.quotable).toEqual([]);
        expect(screened.withheldOccurrences).toBe(identifiers.length);
      }),
      { numRuns: 500 },
    );
  });

  it('still quotes ordinary preference values when every sample name is in the export', () => {
    const names = new SeenNames();
    for (const name of [...SURNAMES, ...FORENAMES]) names.add(name);
    const ordinary = ['Txt msg', 'Mobile telephone', 'DM2', 'Carer', 'Letter (large print)', 'Q4 2025', 'Form 12'];
    expect(ordinary.filter((value) => withheldShape(value, names) !== undefined)).toEqual([]);
  });
});
