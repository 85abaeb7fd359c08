import {
  AIS_NEED_ENTRIES,
  AIS_NO_NEED_ENTRIES,
  type AisNeedMeaning,
  codedEntryMatcher,
  normaliseCodedValue,
} from './coded-entries';

/**
 * Accessible Information Standard need (SPEC §2.1, §2.3b, §2.3c). A column usually holds the need itself
 * (`Large print`, `BSL interpreter`, or a DAPB1605 coded entry), so any value counts except those that say
 * "no need". A spoken-language interpreter is not an AIS need: the standard covers disability, impairment and
 * sensory loss, so `Interpreter needed - Polish` is not counted (a sign language still is).
 */

const NO_NEED = new Set(['', 'no', 'n', 'none', 'false', '0', 'no need', 'not recorded']);
const SPOKEN_LANGUAGE_INTERPRETER = /^interpreter needed ?- ?(.+)$/;
const SIGN_LANGUAGE = /sign language|makaton/;
const NO_MAPPING: ReadonlyMap<string, 'need' | 'no_need'> = new Map();
const codedMeaning = codedEntryMatcher([...AIS_NEED_ENTRIES, ...AIS_NO_NEED_ENTRIES]);

const NEED: AisNeedMeaning = { need: true };
const NO: AisNeedMeaning = { need: false };

/**
 * What an AIS cell records: a need or not, and for a "Requires contact by X" entry which X (the gap list shows it
 * for a patient with no recorded preference). `mapped` holds the ICB's own values (keys from normaliseCodedValue);
 * they win over the coded entries and the built-in words.
 */
export function readAisNeed(raw: string, mapped: ReadonlyMap<string, 'need' | 'no_need'> = NO_MAPPING): AisNeedMeaning {
  const value = normaliseCodedValue(raw);
  const mappedMeaning = mapped.get(value);
  if (mappedMeaning !== undefined) return mappedMeaning === 'need' ? NEED : NO;
  const coded = codedMeaning(value);
  if (coded !== undefined) return coded;
  if (NO_NEED.has(value)) return NO;
  const interpreter = SPOKEN_LANGUAGE_INTERPRETER.exec(value);
  if (interpreter !== null && !SIGN_LANGUAGE.test(interpreter[1] ?? '')) return NO;
  return NEED;
}

/** True when the cell records an information or communication need. */
export function hasAisNeed(raw: string, mapped?: ReadonlyMap<string, 'need' | 'no_need'>): boolean {
  return readAisNeed(raw, mapped).need;
}
