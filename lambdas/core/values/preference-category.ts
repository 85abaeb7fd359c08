/**
 * Maps a preferred-contact-method cell to its reporting category (SPEC §2.3).
 * Codes 1–9 are the UK Core PreferredContactMethod code system; the words are what SystmOne,
 * EMIS Web and hand-made spreadsheets write for the same things.
 */

export type PreferenceCategory =
  | 'sms'
  | 'email'
  | 'letter'
  | 'telephone'
  | 'nhsApp'
  | 'other'
  | 'declined'
  | 'none'
  | 'unrecognised';

/**
 * Every accepted value per category, as written for people (docs/column-mapping.md lists them).
 * Anything not listed is `unrecognised`: reported in Data quality, never counted as `none`.
 */
export const PREFERENCE_VALUES: Readonly<Record<Exclude<PreferenceCategory, 'unrecognised'>, readonly string[]>> = {
  sms: ['SMS', 'Text', 'Text message', 'SMS text message', 'Text message (SMS)', 'Mobile', '9'],
  email: ['Email', 'E-mail', '4'],
  letter: ['Letter', 'Post', 'Written', '1'],
  telephone: [
    'Telephone',
    'Phone',
    'Telephone call',
    'Landline',
    '3',
    'Telephone via proxy',
    'Telephone contact via proxy',
    '6',
  ],
  nhsApp: ['NHS App', 'NHS App notification', 'App'],
  other: [
    'Visit',
    '2',
    'Minicom',
    'Textphone',
    'Minicom (Textphone)',
    '5',
    'Sign language',
    '7',
    'No telephone contact',
    '8',
  ],
  declined: ['No communication', 'Declined', 'Do not contact', 'Does not want contact'],
  none: ['', 'Unknown', 'Not known', 'Not recorded', 'None', '-', 'N/A'],
};

const WHITESPACE_RUN = /\s+/g;
const LEADING_ZEROS = /^0+(?=\d)/;
const DIGITS_ONLY = /^\d+$/;

/** Trimmed, internal whitespace collapsed, lower-case; `NA` → `n/a`; `09` → `9`. */
export function preferenceValueKey(raw: string): string {
  const text = raw.trim().replace(WHITESPACE_RUN, ' ').toLowerCase();
  if (text === 'na') return 'n/a';
  if (DIGITS_ONLY.test(text)) return text.replace(LEADING_ZEROS, '');
  return text;
}

const BY_NORMALISED_VALUE = new Map<string, PreferenceCategory>();
for (const [category, values] of Object.entries(PREFERENCE_VALUES) as [PreferenceCategory, readonly string[]][]) {
  for (const value of values) BY_NORMALISED_VALUE.set(preferenceValueKey(value), category);
}

/** Cached lookups: an export repeats a handful of distinct values millions of times. */
const CACHE_LIMIT = 10_000;

/**
 * A preferred-contact-method reader: the ICB's mapped values (SPEC §2.3c, keys from preferenceValueKey) win over
 * the built-in ones. Its cache of raw cell → category is bounded, so that free text in a broken column cannot
 * grow memory with the file.
 */
export function preferenceReader(
  mapped: ReadonlyMap<string, Exclude<PreferenceCategory, 'unrecognised'>>,
): (raw: string) => PreferenceCategory {
  const cache = new Map<string, PreferenceCategory>();
  return (raw) => {
    const cached = cache.get(raw);
    if (cached !== undefined) return cached;
    const key = preferenceValueKey(raw);
    const category = mapped.get(key) ?? BY_NORMALISED_VALUE.get(key) ?? 'unrecognised';
    if (cache.size < CACHE_LIMIT) cache.set(raw, category);
    return category;
  };
}

const builtIn = preferenceReader(new Map());

/** The category of a preferred-contact-method cell; `unrecognised` when the value is not in SPEC §2.3. */
export function preferenceCategory(raw: string): PreferenceCategory {
  return builtIn(raw);
}
