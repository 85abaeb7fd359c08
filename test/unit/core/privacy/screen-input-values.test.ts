import { describe, expect, it } from 'vitest';
import { screenInputValues } from '../../../../lambdas/core/privacy/screen-input-values';
import { SeenNames } from '../../../../lambdas/core/privacy/seen-names';

describe('screenInputValues', () => {
  it('quotes safe values with their counts and counts the rest by shape', () => {
    const names = new SeenNames();
    const values: [string, number][] = [
      ['WhatsApp', 4],
      ['12/03/1961', 1],
      ['Smith', 2],
      ['07700 900123', 1],
      ['5 May 1948', 3],
      ['jo@example.com', 1],
      ['Carer', 2],
      ['LS1 4AP', 1],
      ['9990700001', 1],
      ['999 070 0028', 1],
    ];
    // The name's row comes after the values were collected: screening waits for the end of the file.
    names.add('Smith');
    names.add('Oliver');

    expect(screenInputValues(values, { names })).toEqual({
      quotable: [
        { value: 'WhatsApp', count: 4 },
        { value: 'Carer', count: 2 },
      ],
      withheld: { date: 2, name: 1, phoneOrNhsNumber: 3, email: 1, postcode: 1 },
      withheldOccurrences: 11,
    });
  });

  it('shows known vocabulary as it is, even when it would look personal', () => {
    const names = new SeenNames();
    names.add('Post');
    const known = new Set(['Post', 'DM']);
    const screened = screenInputValues(
      [
        ['Post', 5],
        ['DM', 2],
        ['post office', 1],
      ],
      { names, isKnown: (value) => known.has(value) },
    );
    expect(screened.quotable).toEqual([
      { value: 'Post', count: 5 },
      { value: 'DM', count: 2 },
    ]);
    expect(screened.withheld.name).toBe(1);
  });

  it('checks only the shapes when no names are given', () => {
    const screened = screenInputValues([
      ['Smith', 1],
      ['1.3.61', 1],
    ]);
    expect(screened.quotable).toEqual([{ value: 'Smith', count: 1 }]);
    expect(screened.withheld.date).toBe(1);
  });
});
