import type { PreferenceCategory } from '../values/preference-category';

/** A category an ICB may map a preferred-contact-method value to (anything but `unrecognised`). */
export type MappedPreferenceCategory = Exclude<PreferenceCategory, 'unrecognised'>;
export type MappedSmsConsent = 'withdrawn' | 'not_withdrawn';
export type MappedAisNeed = 'need' | 'no_need';

/**
 * The ICB's own vocabulary (SPEC §2.3c), checked by parseValueMapping. Keys are normalised the way the built-in
 * values are (preferenceValueKey, normaliseCodedValue), so a lookup is one Map read. A mapped value wins over the
 * built-in vocabulary.
 */
export interface ValueMapping {
  readonly preferredContactMethod: ReadonlyMap<string, MappedPreferenceCategory>;
  readonly smsConsent: ReadonlyMap<string, MappedSmsConsent>;
  readonly aisNeed: ReadonlyMap<string, MappedAisNeed>;
}

/** No mapping: the built-in vocabularies only. */
export const NO_VALUE_MAPPING: ValueMapping = {
  preferredContactMethod: new Map(),
  smsConsent: new Map(),
  aisNeed: new Map(),
};

/** The categories each field may be mapped to, in the order the messages list them. */
export const VALUE_MAPPING_CATEGORIES = {
  preferredContactMethod: ['sms', 'email', 'letter', 'telephone', 'nhsApp', 'other', 'declined', 'none'],
  smsConsent: ['withdrawn', 'not_withdrawn'],
  aisNeed: ['need', 'no_need'],
} as const satisfies Record<keyof ValueMapping, readonly string[]>;
