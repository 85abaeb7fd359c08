/**
 * SMS consent (SPEC §2.1). Two column kinds carry it with opposite meanings: an *SMS Consent* column
 * where `No` means consent withdrawn, and an *SMS Dissent* column where `Yes` does. A value in
 * neither vocabulary (including empty) is treated as not withdrawn, as messaging solutions do.
 */

const WITHDRAWN_IN_CONSENT_COLUMN = new Set(['no', 'n', 'false', '0', 'withdrawn', 'dissent', 'declined']);
const WITHDRAWN_IN_DISSENT_COLUMN = new Set(['yes', 'y', 'true', '1']);

/** True when the cell records that the patient has withdrawn (or dissented from) SMS contact. */
export function isSmsConsentWithdrawn(raw: string, column: 'consent' | 'dissent'): boolean {
  if (raw.length === 0) return false;
  const value = raw.trim().toLowerCase();
  return (column === 'consent' ? WITHDRAWN_IN_CONSENT_COLUMN : WITHDRAWN_IN_DISSENT_COLUMN).has(value);
}
