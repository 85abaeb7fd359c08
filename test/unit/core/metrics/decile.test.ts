import { describe, expect, it } from 'vitest';
import { deciles, MIN_PRACTICES_FOR_DECILES } from '../../../../lambdas/core/metrics/decile';

describe('deciles', () => {
  it('puts ten distinct practices one per decile, lowest percentage first', () => {
    const pcts = new Map([
      ['A10', 50],
      ['A01', 1],
      ['A05', 12],
      ['A02', 2.5],
      ['A09', 40],
      ['A03', 3],
      ['A07', 20],
      ['A04', 10],
      ['A08', 30],
      ['A06', 15],
    ]);
    expect(Object.fromEntries(deciles(pcts))).toEqual({
      A01: 1,
      A02: 2,
      A03: 3,
      A04: 4,
      A05: 5,
      A06: 6,
      A07: 7,
      A08: 8,
      A09: 9,
      A10: 10,
    });
  });

  // k = 12, ranks 1–12: ⌈10r/12⌉ = ⌈0.83⌉, ⌈1.67⌉, ⌈2.5⌉, ⌈3.33⌉, ⌈4.17⌉, ⌈5⌉, ⌈5.83⌉, ⌈6.67⌉, ⌈7.5⌉, ⌈8.33⌉, ⌈9.17⌉, ⌈10⌉.
  it('spreads twelve practices over the ten deciles', () => {
    const pcts = new Map(Array.from({ length: 12 }, (_, i) => [`P${String(i + 1).padStart(2, '0')}`, i + 1] as const));
    expect([...deciles(pcts).values()]).toEqual([1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 10]);
  });

  it.each([
    // k = 10. Ranks 1, 1, 3, 3, 3, 6, 7, 8, 9, 9: each tie takes its lowest rank, decile = rank here.
    {
      name: 'ties at the bottom, in the middle and at the top',
      pcts: { A: 5, B: 5, C: 10, D: 10, E: 10, F: 20, G: 30, H: 40, I: 50, J: 50 },
      expected: { A: 1, B: 1, C: 3, D: 3, E: 3, F: 6, G: 7, H: 8, I: 9, J: 9 },
    },
    // k = 11. Ranks 1, 1, 3…11: ⌈10/11⌉ = 1, ⌈30/11⌉ = 3, ⌈40/11⌉ = 4 … ⌈100/11⌉ = 10, ⌈110/11⌉ = 10.
    {
      name: 'two practices at 0%',
      pcts: { A: 0, B: 0, C: 1, D: 2, E: 3, F: 4, G: 5, H: 6, I: 7, J: 8, K: 9 },
      expected: { A: 1, B: 1, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9, J: 10, K: 10 },
    },
  ])('ranks $name', ({ pcts, expected }) => {
    expect(Object.fromEntries(deciles(new Map(Object.entries(pcts))))).toEqual(expected);
  });

  it.each([
    { name: 'nine practices', pcts: { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9 } },
    { name: 'a one-practice pilot', pcts: { A: 12.5 } },
    { name: 'no practices', pcts: {} },
  ])('gives no decile to any of $name (fewer than 10 report)', ({ pcts }) => {
    expect(MIN_PRACTICES_FOR_DECILES).toBe(10);
    expect(deciles(new Map(Object.entries(pcts))).size).toBe(0);
  });

  it('does not change the input', () => {
    const pcts = new Map([
      ['B', 2],
      ['A', 1],
    ]);
    deciles(pcts);
    expect([...pcts]).toEqual([
      ['B', 2],
      ['A', 1],
    ]);
  });
});
