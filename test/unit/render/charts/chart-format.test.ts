import { describe, expect, it } from 'vitest';
import { formatChartCount, formatChartPct, formatPctTick } from '../../../../lambdas/render/charts/chart-format';

describe('chart number formats', () => {
  it.each([
    { value: 12.35, expected: '12.4%' },
    { value: 12, expected: '12.0%' },
    { value: 22.649999, expected: '22.6%' },
    { value: 0, expected: '0.0%' },
    { value: 100, expected: '100.0%' },
  ])('shows the percentage $value as $expected, rounded half away from zero like the tables', ({ value, expected }) => {
    expect(formatChartPct(value)).toBe(expected);
  });

  it.each([
    { value: 20, step: 5, expected: '20%' },
    { value: 2.5, step: 2.5, expected: '2.5%' },
    { value: 5, step: 2.5, expected: '5.0%' },
    { value: 4.4, step: 0.2, expected: '4.4%' },
  ])('labels the axis tick $value (step $step) as $expected', ({ value, step, expected }) => {
    expect(formatPctTick(value, step)).toBe(expected);
  });

  it.each([
    { value: 0, expected: '0' },
    { value: 12500, expected: '12,500' },
    { value: 1234567, expected: '1,234,567' },
  ])('writes the count $value as $expected', ({ value, expected }) => {
    expect(formatChartCount(value)).toBe(expected);
  });
});
