import { codedEntryMatcher, normaliseCodedValue, SMS_CONSENT_ENTRIES, type SmsConsentMeaning } from './coded-entries';

/**
 * SMS consent (SPEC §2.1, §2.3b, §2.3c). Two column kinds carry it with opposite meanings: an *SMS Consent* column
 * where `No` means consent withdrawn, and an *SMS Dissent* column where `Yes` does. A coded entry (SNOMED CT term or
 * concept id) or a value from the ICB's mapping says which way it goes whichever column it is in. A value in none of
 * these (including empty) is treated as not withdrawn, as messaging solutions do.
 */

const WITHDRAWN_IN_CONSENT_COLUMN = new Set(['no', 'n', 'false', '0', 'withdrawn', 'dissent', 'declined']);
const WITHDRAWN_IN_DISSENT_COLUMN = new Set(['yes', 'y', 'true', '1']);
const NO_MAPPING: ReadonlyMap<string, SmsConsentMeaning> = new Map();
const codedMeaning = codedEntryMatcher(SMS_CONSENT_ENTRIES);

/**
 * True when the cell records that the patient has withdrawn (or dissented from) SMS contact. `mapped` holds the
 * ICB's own values (keys from normaliseCodedValue); they win over the coded entries and the built-in words.
 */
export function isSmsConsentWithdrawn(
  raw: string,
  column: 'consent' | 'dissent',
  mapped: ReadonlyMap<string, SmsConsentMeaning> = NO_MAPPING,
): boolean {
  if (raw.length === 0) return false;
  const value = normaliseCodedValue(raw);
  const meaning = mapped.get(value) ?? codedMeaning(value);
  if (meaning !== undefined) return meaning === 'withdrawn';
  return (column === 'consent' ? WITHDRAWN_IN_CONSENT_COLUMN : WITHDRAWN_IN_DISSENT_COLUMN).has(value);
}
