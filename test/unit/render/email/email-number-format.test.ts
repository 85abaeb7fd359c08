import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatGbp,
  formatPct,
  patients,
} from '../../../../lambdas/render/email/email-number-format';

describe('email number formats', () => {
  it.each([
    { value: 0, expected: '0' },
    { value: 8412, expected: '8,412' },
    { value: 1234567, expected: '1,234,567' },
  ])('writes the count $value as $expected', ({ value, expected }) => {
    expect(formatCount(value)).toBe(expected);
  });

  it.each([
    { value: 400 / 11, expected: '36.4%' },
    { value: 12.35, expected: '12.4%' },
    { value: 50, expected: '50.0%' },
    { value: 0, expected: '0.0%' },
    { value: undefined, expected: undefined },
  ])('writes the percentage $value as $expected', ({ value, expected }) => {
    expect(formatPct(value)).toBe(expected);
  });

  it.each([
    { value: 0.1, expected: '£0.10' },
    { value: 1234.5, expected: '£1,234.50' },
    { value: 0.005, expected: '£0.01' },
    { value: undefined, expected: undefined },
  ])('writes the money $value as $expected', ({ value, expected }) => {
    expect(formatGbp(value)).toBe(expected);
  });

  it.each([
    { value: 400 / 11 - 50, expected: 'down 13.6 percentage points (the gap is closing)' },
    { value: 2, expected: 'up 2.0 percentage points (the gap is growing)' },
    { value: 0.04, expected: 'no change' },
    { value: -0.04, expected: 'no change' },
    { value: undefined, expected: undefined },
  ])('writes the change $value as $expected', ({ value, expected }) => {
    expect(formatChange(value)).toBe(expected);
  });

  it.each([
    { count: 1, expected: '1 patient' },
    { count: 2, expected: '2 patients' },
    { count: 0, expected: '0 patients' },
    { count: 1204, expected: '1,204 patients' },
  ])('writes $count as "$expected"', ({ count, expected }) => {
    expect(patients(count)).toBe(expected);
  });
});
