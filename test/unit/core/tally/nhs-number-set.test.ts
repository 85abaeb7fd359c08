import { describe, expect, it } from 'vitest';
import { NhsNumberSet } from '../../../../lambdas/core/tally/nhs-number-set';

describe('NhsNumberSet', () => {
  it('adds a key once: true the first time, false after', () => {
    const set = new NhsNumberSet();
    expect(set.add(999_000_001)).toBe(true);
    expect(set.add(999_000_001)).toBe(false);
    expect(set.size).toBe(1);
    expect(set.has(999_000_001)).toBe(true);
    expect(set.has(999_000_002)).toBe(false);
  });

  it.each([
    { key: 0, why: 'the smallest key' },
    { key: 999_999_999, why: 'the largest key' },
  ])('holds $key ($why)', ({ key }) => {
    const set = new NhsNumberSet();
    expect(set.add(key)).toBe(true);
    expect(set.has(key)).toBe(true);
    expect(set.add(key)).toBe(false);
  });

  it('keeps every key when it grows past its first table (100,000 near-sequential keys, each added twice)', () => {
    const set = new NhsNumberSet();
    let added = 0;
    for (let i = 0; i < 100_000; i++) if (set.add(999_000_000 + i * 7)) added++;
    for (let i = 0; i < 100_000; i++) if (set.add(999_000_000 + i * 7)) added++;
    expect(added).toBe(100_000);
    expect(set.size).toBe(100_000);
    expect(set.has(999_000_000 + 99_999 * 7)).toBe(true);
    expect(set.has(999_000_001)).toBe(false);
  });

  it('gives back its keys, and a set rebuilt from them holds exactly those', () => {
    const set = new NhsNumberSet();
    for (const key of [5, 999_999_999, 0, 123_456_789]) set.add(key);
    const keys = set.keys();
    expect([...keys].sort((a, b) => a - b)).toEqual([0, 5, 123_456_789, 999_999_999]);
    const rebuilt = NhsNumberSet.of(keys);
    expect(rebuilt.size).toBe(4);
    expect(rebuilt.add(123_456_789)).toBe(false);
    expect(rebuilt.add(6)).toBe(true);
  });

  it('uses 4 bytes a slot, at most 3/4 full: 100,000 keys fit in a 131,072-slot table (512 KiB)', () => {
    const set = new NhsNumberSet();
    for (let i = 0; i < 98_304; i++) set.add(i);
    expect(set.bytes).toBe(131_072 * 4);
    set.add(98_304);
    expect(set.bytes).toBe(262_144 * 4);
  });
});
