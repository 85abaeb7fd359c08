import { describe, expect, it } from 'vitest';
import { deciles } from '../../../../lambdas/core/metrics/decile';

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

  it.each([
    // k = 4: ⌈10·1/4⌉ = 3, ⌈10·2/4⌉ = 5, ⌈10·3/4⌉ = 8, ⌈10·4/4⌉ = 10.
    { name: 'four distinct practices', pcts: { W: 40, X: 10, Y: 30, Z: 20 }, expected: { X: 3, Z: 5, Y: 8, W: 10 } },
    // Ranks 1, 1, 3, 4: the tie takes the lowest rank.
    { name: 'a tie at the bottom', pcts: { A: 10, B: 10, C: 20, D: 30 }, expected: { A: 3, B: 3, C: 8, D: 10 } },
    // Ranks 1, 2, 2, 4.
    { name: 'a tie in the middle', pcts: { A: 5, B: 20, C: 20, D: 30 }, expected: { A: 3, B: 5, C: 5, D: 10 } },
    // All rank 1: ⌈10/3⌉ = 4.
    { name: 'three equal practices', pcts: { A: 7, B: 7, C: 7 }, expected: { A: 4, B: 4, C: 4 } },
    { name: 'a single practice', pcts: { A: 12.5 }, expected: { A: 10 } },
    // k = 3: ⌈10/3⌉ = 4, ⌈20/3⌉ = 7, ⌈30/3⌉ = 10 — including a practice at 0%.
    { name: 'a practice at 0%', pcts: { A: 0, B: 0.1, C: 100 }, expected: { A: 4, B: 7, C: 10 } },
    { name: 'no practices', pcts: {}, expected: {} },
  ])('ranks $name', ({ pcts, expected }) => {
    expect(Object.fromEntries(deciles(new Map(Object.entries(pcts))))).toEqual(expected);
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
