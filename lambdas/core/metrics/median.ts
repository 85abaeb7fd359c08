/**
 * Median of the values (mean of the two middle ones for an even count), unrounded; the ICB median a
 * practice is compared with. Undefined for no values. The input is not modified.
 */
export function median(values: readonly number[]): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
