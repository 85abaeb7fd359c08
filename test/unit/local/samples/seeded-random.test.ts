import { describe, expect, it } from 'vitest';
import { mulberry32, SeededRandom } from '../../../../lambdas/local/samples/seeded-random';

function draws(next: () => number, count: number): number[] {
  return Array.from({ length: count }, () => next());
}

describe('mulberry32', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(mulberry32(42), 20)).toEqual(draws(mulberry32(42), 20));
  });

  it('gives a different sequence for a different seed', () => {
    expect(draws(mulberry32(42), 5)).not.toEqual(draws(mulberry32(43), 5));
  });

  it('stays within [0, 1)', () => {
    const values = draws(mulberry32(7), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('SeededRandom', () => {
  it('forks a child stream that does not depend on what the parent drew before', () => {
    const a = new SeededRandom(1);
    const b = new SeededRandom(1);
    draws(() => b.next(), 100);
    expect(draws(() => a.fork('practice-Y01234').next(), 5)).toEqual(draws(() => b.fork('practice-Y01234').next(), 5));
  });

  it('forks different streams for different labels', () => {
    const root = new SeededRandom(1);
    expect(root.fork('a').next()).not.toBe(root.fork('b').next());
  });

  it('draws integers within both inclusive bounds, reaching each', () => {
    const random = new SeededRandom(3);
    const seen = new Set(draws(() => random.int(2, 4), 1000));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });

  it('never picks a value of weight zero', () => {
    const random = new SeededRandom(5);
    const picks = new Set(
      draws(
        () =>
          random.weighted([
            [1, 0],
            [2, 1],
          ]),
        500,
      ),
    );
    expect([...picks]).toEqual([2]);
  });

  it('shuffles into a permutation without changing its input', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = new SeededRandom(9).shuffle(input);
    expect([...shuffled].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new SeededRandom(1).pick([])).toThrow(/empty list/);
  });
});
