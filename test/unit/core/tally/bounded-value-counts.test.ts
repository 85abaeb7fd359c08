import { describe, expect, it } from 'vitest';
import { SeenNames } from '../../../../lambdas/core/privacy/seen-names';
import {
  BoundedValueCounts,
  MAX_TRACKED_VALUES,
  MAX_VALUE_LENGTH,
  TOP_VALUES,
} from '../../../../lambdas/core/tally/bounded-value-counts';

describe('BoundedValueCounts', () => {
  it('lists the 50 most frequent values and one "n more" line for the rest, with row counts', () => {
    const counts = new BoundedValueCounts();
    // value-000 … value-059: value-i appears i+1 times, so the top 50 are value-010 … value-059.
    for (let i = 0; i < 60; i++) for (let n = 0; n <= i; n++) counts.add(`value-${String(i).padStart(3, '0')}`);
    const screened = counts.screened();
    expect(Object.keys(screened)).toHaveLength(TOP_VALUES + 1);
    expect(screened['value-059']).toBe(60);
    expect(screened['value-010']).toBe(11);
    expect(screened['value-009']).toBeUndefined();
    // value-000 … value-009: 1 + 2 + … + 10 = 55 rows.
    expect(screened['(10 more values, not listed)']).toBe(55);
  });

  it('keeps at most MAX_TRACKED_VALUES distinct values and counts the rows of the others', () => {
    const counts = new BoundedValueCounts();
    for (let i = 0; i < 30_000; i++) counts.add(`free text ${i}`);
    counts.add('x'.repeat(MAX_VALUE_LENGTH + 1));
    const screened = counts.screened();
    expect(Object.keys(screened)).toHaveLength(TOP_VALUES + 1);
    // 30,001 rows: 50 listed, the other 29,951 in one line; past the cap their distinct count is a lower bound.
    expect(screened[`(${MAX_TRACKED_VALUES - TOP_VALUES}+ more values, not listed)`]).toBe(30_001 - TOP_VALUES);
  });

  it('withholds values with a personal shape, and values equal to a name of the export, by shape', () => {
    const counts = new BoundedValueCounts();
    for (const value of ['WhatsApp', '12-Mar-1961', '05/10/1948', 'Pemberton', 'WhatsApp', 'call pemberton']) {
      counts.add(value);
    }
    const names = new SeenNames();
    names.add('Pemberton');
    expect(counts.screened(names)).toEqual({
      WhatsApp: 2,
      '(withheld: looks like a date)': 2,
      "(withheld: equal to a patient's name)": 2,
    });
    // Without the export's names only the shapes are checked.
    expect(counts.screened()).toMatchObject({ Pemberton: 1, 'call pemberton': 1 });
  });
});
