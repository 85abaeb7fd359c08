import { createHash } from 'node:crypto';
import type { UserMapping } from './header-mapping';
import { normaliseHeader } from './normalise-header';
import type { ValueMapping } from './value-mapping';

/**
 * A short, stable fingerprint of the column and value mappings an export was read with, for the ingest ledger:
 * an export read under other mappings is read again (SPEC §2.3c). Entries are normalised and sorted first, so
 * reordering keys or changing only the case or spacing of a header or value keeps the fingerprint. No mapping
 * at all (or an empty one) is `undefined`, as in ledger entries written before mappings were fingerprinted.
 */
export function mappingFingerprint(
  userMapping: UserMapping | undefined,
  valueMapping: ValueMapping | undefined,
): string | undefined {
  const columns = Object.entries(userMapping?.fields ?? {})
    .map(([header, field]) => [normaliseHeader(header), field] as const)
    .sort(byFirst);
  const values = Object.entries(valueMapping ?? {})
    .map(([field, map]: [string, ReadonlyMap<string, string>]) => [field, [...map].sort(byFirst)] as const)
    .filter(([, entries]) => entries.length > 0)
    .sort(byFirst);
  if (columns.length === 0 && values.length === 0) return undefined;
  const canonical = JSON.stringify({ columns, values });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

function byFirst(a: readonly [string, ...unknown[]], b: readonly [string, ...unknown[]]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
