/**
 * SNOMED CT coded entries that clinical searches write into SMS consent and AIS need columns (SPEC §2.3b),
 * and the matcher that recognises them in any of the forms exports use: the term, the concept id,
 * `term (id)`, `id term` or `id - term` — trimmed, internal whitespace collapsed, case-insensitive.
 */

/** One coded entry; free-text forms that have no concept id of their own carry none. */
export interface CodedEntry<Meaning> {
  readonly term: string;
  readonly conceptId?: string;
  readonly meaning: Meaning;
}

/** Which way an SMS consent entry goes, whichever column (consent or dissent) it is in. */
export type SmsConsentMeaning = 'not_withdrawn' | 'withdrawn';

export const SMS_CONSENT_ENTRIES: readonly CodedEntry<SmsConsentMeaning>[] = [
  {
    term: 'Consent given for communication by short message service text messaging',
    conceptId: '699237001',
    meaning: 'not_withdrawn',
  },
  {
    term: 'Consent given to receive test results by short message service text messaging',
    conceptId: '911361000000104',
    meaning: 'not_withdrawn',
  },
  {
    term: 'Declined consent for short message service text messaging',
    conceptId: '513631000000106',
    meaning: 'withdrawn',
  },
  { term: 'Dissent from communication by short message service text messaging', meaning: 'withdrawn' },
  { term: 'Dissent from communication by SMS text message', meaning: 'withdrawn' },
  // Dissent for test results only: invitations may still go by SMS, so this does not withdraw it.
  {
    term: 'Declined consent to receive test results by short message service text messaging',
    conceptId: '911401000000108',
    meaning: 'not_withdrawn',
  },
];

/** How an AIS entry asks to be contacted, for the gap list ("requires contact by letter"). */
export type AisContactBy = 'email' | 'letter' | 'sms' | 'telephone' | 'textRelay' | 'carer';

/** An AIS entry: a need, and for a "Requires contact by X" entry, which X. */
export interface AisNeedMeaning {
  readonly need: boolean;
  readonly contactBy?: AisContactBy;
}

/** Accessible Information Standard (DAPB1605) terms that record a need. */
export const AIS_NEED_ENTRIES: readonly CodedEntry<AisNeedMeaning>[] = [
  { term: 'Requires contact by email', conceptId: '936741000000100', meaning: { need: true, contactBy: 'email' } },
  { term: 'Requires contact by letter', conceptId: '936721000000107', meaning: { need: true, contactBy: 'letter' } },
  {
    term: 'Requires contact by short message service text message',
    conceptId: '936701000000103',
    meaning: { need: true, contactBy: 'sms' },
  },
  {
    term: 'Requires contact by telephone',
    conceptId: '795661000000104',
    meaning: { need: true, contactBy: 'telephone' },
  },
  {
    term: 'Requires contact by text relay',
    conceptId: '796081000000106',
    meaning: { need: true, contactBy: 'textRelay' },
  },
  { term: 'Requires contact via carer', conceptId: '719561001', meaning: { need: true, contactBy: 'carer' } },
  { term: 'British Sign Language interpreter needed', conceptId: '204331000000107', meaning: { need: true } },
  {
    term: 'Requires written information in at least 20 point sans serif font',
    conceptId: '957331000000109',
    meaning: { need: true },
  },
  {
    term: 'Requires written information in at least 24 point sans serif font',
    conceptId: '957351000000102',
    meaning: { need: true },
  },
  {
    term: 'Requires written information in at least 28 point sans serif font',
    conceptId: '957371000000106',
    meaning: { need: true },
  },
  { term: 'Easyread', conceptId: '796161000000101', meaning: { need: true } },
];

/** Free-text entries that say there is no AIS need (SPEC §2.3b). */
export const AIS_NO_NEED_ENTRIES: readonly CodedEntry<AisNeedMeaning>[] = [
  'Interpreter not needed',
  'No support needed',
  'No communication support needed',
  'No accessible information need',
].map((term) => ({ term, meaning: { need: false } }));

const WHITESPACE_RUN = /\s+/g;

/** Trimmed, internal whitespace collapsed, lower-case: how coded and mapped values are compared. */
export function normaliseCodedValue(raw: string): string {
  return raw.trim().replace(WHITESPACE_RUN, ' ').toLowerCase();
}

/** Every written form of an entry, normalised. */
export function codedEntryForms(entry: CodedEntry<unknown>): string[] {
  const term = normaliseCodedValue(entry.term);
  if (entry.conceptId === undefined) return [term];
  const id = entry.conceptId;
  return [term, id, `${term} (${id})`, `${id} ${term}`, `${id} - ${term}`];
}

/** A lookup from a cell to the meaning of the coded entry it holds, or undefined when it holds none. */
export function codedEntryMatcher<Meaning>(
  entries: readonly CodedEntry<Meaning>[],
): (raw: string) => Meaning | undefined {
  const byForm = new Map<string, Meaning>();
  for (const entry of entries) {
    for (const form of codedEntryForms(entry)) byForm.set(form, entry.meaning);
  }
  return (raw) => byForm.get(normaliseCodedValue(raw));
}
