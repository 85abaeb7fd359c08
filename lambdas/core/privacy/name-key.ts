/**
 * One spelling for a name however it was typed, so that a value can be compared with the names of an
 * export: `O’Brien` = `o'brien`, `José` = `JOSE`, `St. John` = `st john`.
 */

/** Anything but printable ASCII letters, digits and punctuation (the backtick is an apostrophe here). */
const NEEDS_FOLDING = /[^\x20-\x5f\x61-\x7e]/;
const APOSTROPHES = /[`´‘’‚‛′ʹʻʼʽ]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const MARKS = /\p{M}/gu;
/** Words are letters and digits, with apostrophes and hyphens inside them (`o'brien`, `smith-jones`). */
const WORD = /[\p{L}\p{Nd}]+(?:['-]+[\p{L}\p{Nd}]+)*/gu;
const SIMPLE_NAME = /^[A-Za-z]+$/;

/** Lower case, accents and compatibility forms removed, typographic apostrophes and dashes made plain. */
function foldName(raw: string): string {
  if (!NEEDS_FOLDING.test(raw)) return raw.toLowerCase();
  return raw
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

/** The words of a text, folded as names are (see nameKey). */
export function nameWords(text: string): string[] {
  return foldName(text).match(WORD) ?? [];
}

/**
 * The folded words of a name joined by single spaces; empty for a name of fewer than two letters, which
 * identifies nobody (an initial). Runs once per name cell, so the common plain name skips the regexes.
 */
export function nameKey(raw: string): string {
  const key = SIMPLE_NAME.test(raw) ? raw.toLowerCase() : nameWords(raw).join(' ');
  return key.length < 2 ? '' : key;
}
