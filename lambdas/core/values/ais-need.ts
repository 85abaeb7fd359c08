/**
 * Accessible Information Standard need (SPEC §2.1). A column usually holds the need itself
 * (`Large print`, `BSL interpreter`), so any value counts except the few that say "no need".
 */

const NO_NEED = new Set(['', 'no', 'n', 'none', 'false', '0', 'no need', 'not recorded']);
const WHITESPACE_RUN = /\s+/g;

/** True when the cell records an information or communication need. */
export function hasAisNeed(raw: string): boolean {
  return !NO_NEED.has(raw.trim().replace(WHITESPACE_RUN, ' ').toLowerCase());
}
