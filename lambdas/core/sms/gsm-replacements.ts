/**
 * GSM-7 stand-ins for characters that would otherwise switch a message to UCS-2.
 *
 * Most come from word processors: "smart" quotes, dashes, ellipses and non-breaking spaces pasted into a
 * template look the same as their plain versions but cost a 70-character limit. An empty string means
 * "remove it" (invisible characters). Emoji and other symbols have no stand-in and are not listed.
 */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  // Quotes and apostrophes
  ['\u2018', "'"], // ‘ left single quote
  ['\u2019', "'"], // ’ right single quote / apostrophe
  ['\u201A', "'"], // ‚ single low-9 quote
  ['\u201B', "'"], // ‛ single high-reversed-9 quote
  ['\u2032', "'"], // ′ prime
  ['\u00B4', "'"], // ´ acute accent
  ['`', "'"], // backtick (0x60 in GSM is ¿, not `)
  ['\u201C', '"'], // “ left double quote
  ['\u201D', '"'], // ” right double quote
  ['\u201E', '"'], // „ double low-9 quote
  ['\u201F', '"'], // ‟ double high-reversed-9 quote
  ['\u2033', '"'], // ″ double prime
  ['\u00AB', '"'], // « left guillemet
  ['\u00BB', '"'], // » right guillemet
  // Dashes, hyphens and bullets
  ['\u2010', '-'], // ‐ hyphen
  ['\u2011', '-'], // ‑ non-breaking hyphen
  ['\u2012', '-'], // ‒ figure dash
  ['\u2013', '-'], // – en dash
  ['\u2014', '-'], // — em dash
  ['\u2015', '-'], // ― horizontal bar
  ['\u2212', '-'], // − minus sign
  ['\u2022', '-'], // • bullet
  ['\u00B7', '.'], // · middle dot
  ['\u2026', '...'], // … ellipsis
  // Spaces and invisible characters
  ['\t', ' '], // tab
  ['\u00A0', ' '], // non-breaking space
  ['\u2002', ' '], // en space
  ['\u2003', ' '], // em space
  ['\u2007', ' '], // figure space
  ['\u2008', ' '], // punctuation space
  ['\u2009', ' '], // thin space
  ['\u200A', ' '], // hair space
  ['\u202F', ' '], // narrow non-breaking space
  ['\u2028', '\n'], // line separator
  ['\u2029', '\n'], // paragraph separator
  ['\u00AD', ''], // soft hyphen
  ['\u200B', ''], // zero-width space
  ['\u200C', ''], // zero-width non-joiner
  ['\u200D', ''], // zero-width joiner
  ['\u2060', ''], // word joiner
  ['\uFEFF', ''], // byte order mark / zero-width no-break space
  // Symbols
  ['\u00D7', 'x'], // × multiplication sign
  ['\u00F7', '/'], // ÷ division sign
  ['\u00A9', '(c)'], // ©
  ['\u00AE', '(R)'], // ®
  ['\u2122', 'TM'], // ™
  ['\u00BD', '1/2'], // ½
  ['\u00BC', '1/4'], // ¼
  ['\u00BE', '3/4'], // ¾
  ['\u2126', '\u03A9'], // Ω ohm sign -> Greek capital omega (in the basic set)
  // Accented letters outside the basic set -> the plain letter (è é ù ì ò à É Ä Ö Ñ Ü ä ö ñ ü Å å Ç are GSM already)
  ['\u00E1', 'a'], // á
  ['\u00E2', 'a'], // â
  ['\u00E3', 'a'], // ã
  ['\u00C0', 'A'], // À
  ['\u00C1', 'A'], // Á
  ['\u00C2', 'A'], // Â
  ['\u00C3', 'A'], // Ã
  ['\u00E7', 'c'], // ç (only the capital Ç is in the basic set)
  ['\u00EA', 'e'], // ê
  ['\u00EB', 'e'], // ë
  ['\u00C8', 'E'], // È
  ['\u00CA', 'E'], // Ê
  ['\u00CB', 'E'], // Ë
  ['\u00ED', 'i'], // í
  ['\u00EE', 'i'], // î
  ['\u00EF', 'i'], // ï
  ['\u00CC', 'I'], // Ì
  ['\u00CD', 'I'], // Í
  ['\u00CE', 'I'], // Î
  ['\u00CF', 'I'], // Ï
  ['\u00F3', 'o'], // ó
  ['\u00F4', 'o'], // ô
  ['\u00F5', 'o'], // õ
  ['\u00D2', 'O'], // Ò
  ['\u00D3', 'O'], // Ó
  ['\u00D4', 'O'], // Ô
  ['\u00D5', 'O'], // Õ
  ['\u00FA', 'u'], // ú
  ['\u00FB', 'u'], // û
  ['\u00D9', 'U'], // Ù
  ['\u00DA', 'U'], // Ú
  ['\u00DB', 'U'], // Û
  ['\u00FD', 'y'], // ý
  ['\u00FF', 'y'], // ÿ
  ['\u00DD', 'Y'], // Ý
]);

/** The GSM-7 stand-in for one non-GSM character (`'` for `’`), `''` for "remove it", or undefined if there is none. */
export function gsmReplacement(char: string): string | undefined {
  return REPLACEMENTS.get(char);
}

/**
 * The text with every character that has a stand-in replaced by it; characters without one are kept,
 * so the result can still be UCS-2 (an emoji, for example).
 */
export function applyGsmReplacements(text: string): string {
  let out = '';
  for (const char of text) out += REPLACEMENTS.get(char) ?? char;
  return out;
}
