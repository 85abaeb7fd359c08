import { roundMetric } from '../rounding';

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A percentage as the tables show it: rounded half away from zero to 1 decimal, e.g. `23.4%`. */
export function formatChartPct(value: number): string {
  const rounded = roundMetric(value, 'pct');
  return rounded === undefined ? '' : `${rounded.toFixed(1)}%`;
}

/** A tick value on a percentage axis: as few decimals as the step needs, e.g. `20%`, `2.5%`. */
export function formatPctTick(value: number, step: number): string {
  let decimals = 0;
  while (decimals < 3 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-9) decimals++;
  return `${value.toFixed(decimals)}%`;
}

/** A count with thousands separators, e.g. `12,500`. */
export function formatChartCount(value: number): string {
  return COUNT.format(value);
}
