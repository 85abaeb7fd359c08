/**
 * How clinical systems write a preferred contact method (SPEC §2.3). Each practice has a house spelling
 * (what its system usually writes) and sometimes uses any other spelling of the same category, so the
 * samples exercise the whole vocabulary: words, UK Core codes with and without leading zeros, odd case
 * and stray whitespace.
 */

/** The SPEC §2.3 categories, plus `unrecognised` for values outside the vocabulary. */
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

/** A practice's usual way of writing values: SystmOne words, EMIS words, or UK Core codes. */
export type SpellingStyle = 'systmone' | 'emis' | 'codes';

type Spellings = Readonly<Record<PreferenceCategory, readonly string[]>>;

/** The first entry of each list is the house spelling; `none` lists are weighted by repetition. */
const HOUSE: Readonly<Record<SpellingStyle, Spellings>> = {
  systmone: {
    sms: ['SMS'],
    email: ['Email'],
    letter: ['Letter'],
    telephone: ['Telephone'],
    nhsApp: ['NHS App'],
    other: ['Visit'],
    declined: ['Declined'],
    none: ['', '', '', '', 'Not recorded'],
    unrecognised: ['WhatsApp'],
  },
  emis: {
    sms: ['Text message'],
    email: ['E-mail'],
    letter: ['Post'],
    telephone: ['Telephone call'],
    nhsApp: ['NHS App notification'],
    other: ['Sign language'],
    declined: ['Does not want contact'],
    none: ['Unknown', 'Unknown', '', ''],
    unrecognised: ['Text or email'],
  },
  codes: {
    sms: ['9'],
    email: ['4'],
    letter: ['1'],
    telephone: ['3'],
    nhsApp: ['NHS App'],
    other: ['2'],
    declined: ['Declined'],
    none: ['', '', '-', 'N/A'],
    unrecognised: ['Carrier pigeon'],
  },
};

/** Every spelling the samples use, per category (SPEC §2.3 plus a few unrecognised values). */
const ALL: Spellings = {
  sms: ['SMS', 'Text', 'Text message', 'SMS text message', 'Mobile', '9', '09', 'sms', ' Text  message '],
  email: ['Email', 'E-mail', '4', 'EMAIL', 'e-mail', '04'],
  letter: ['Letter', 'Post', 'Written', '1', '01', 'letter'],
  telephone: ['Telephone', 'Phone', 'Telephone call', 'Landline', '3', '6'],
  nhsApp: ['NHS App', 'NHS App notification', 'App', 'nhs app'],
  other: ['Visit', '2', 'Minicom', 'Textphone', '5', 'Sign language', '7', 'No telephone contact', '8'],
  declined: ['Declined', 'No communication', 'Do not contact', 'Does not want contact'],
  none: ['', 'Unknown', 'Not known', 'Not recorded', 'None', '-', 'N/A', 'NA', 'n/a', 'not recorded'],
  unrecognised: ['WhatsApp', 'Carrier pigeon', 'Fax', 'Text or email', 'Video call'],
};

/** Share of values written in some other spelling than the house one. */
const OFF_HOUSE_SHARE = 0.15;

/** Writes a category the way a practice would: its house spelling mostly, any other now and then. */
export function spellPreference(category: PreferenceCategory, style: SpellingStyle, draw: () => number): string {
  const list = draw() < OFF_HOUSE_SHARE ? ALL[category] : HOUSE[style][category];
  return list[Math.floor(draw() * list.length)] as string;
}

/** Every spelling of a category (for tests and documentation). */
export function preferenceSpellings(category: PreferenceCategory): readonly string[] {
  return ALL[category];
}
