/** A coordinate for an SVG attribute, with at most 2 decimals: keeps the markup small and stable across runs. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}
