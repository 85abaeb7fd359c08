import { describe, expect, it } from 'vitest';
import { parseNhsNumber } from '../../../../lambdas/core/values/nhs-number';
import { NhsNumberSequence } from '../../../../lambdas/local/samples/nhs-number-sequence';

describe('NhsNumberSequence', () => {
  // 999000001: 9×10 + 9×9 + 9×8 + 1×2 = 245; 245 mod 11 = 3; 11 − 3 = 8.
  it('gives 9990000018 for the body 000001', () => {
    expect(new NhsNumberSequence(1, 1, 0).next()).toBe('9990000018');
  });

  // 999000000: 9×10 + 9×9 + 9×8 = 243; 243 mod 11 = 1; 11 − 1 = 10, which no NHS number can use.
  it('skips the body 000000, whose check digit would be 10, and says the block is used up', () => {
    expect(() => new NhsNumberSequence(0, 1, 0).next()).toThrow(/used up/);
  });

  it('gives distinct valid 999-range numbers until its block is used up', () => {
    const sequence = new NhsNumberSequence(5000, 1000, 123);
    const numbers: string[] = [];
    expect(() => {
      for (;;) numbers.push(sequence.next());
    }).toThrow(/used up/);
    expect(new Set(numbers).size).toBe(numbers.length);
    // About 1 in 11 bodies has no valid check digit.
    expect(numbers.length).toBeGreaterThan(880);
    expect(numbers.length).toBeLessThan(940);
    for (const n of numbers) {
      expect(parseNhsNumber(n)).toBe(n);
      const body = Number(n.slice(3, 9));
      expect(n.startsWith('999')).toBe(true);
      expect(body).toBeGreaterThanOrEqual(5000);
      expect(body).toBeLessThan(6000);
    }
  });

  it('refuses a block outside the 999 range', () => {
    expect(() => new NhsNumberSequence(999_990, 20, 0)).toThrow(/outside the 999 test range/);
  });
});
