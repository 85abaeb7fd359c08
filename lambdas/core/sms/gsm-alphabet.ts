/**
 * The GSM 03.38 (3GPP TS 23.038) 7-bit default alphabet, which is what lets an SMS carry 160 characters.
 *
 * Every character of the basic set takes one septet. Every character of the extension table is sent as
 * ESC + the character and takes two. A character in neither set cannot be sent as GSM-7 at all, and
 * the whole message falls back to UCS-2 (70 characters per fragment instead of 160).
 */

/**
 * The 128 characters of the basic set, in code order 0x00-0x7F. Position 0x1B is the escape to the
 * extension table (not a character), written here as a placeholder and removed below.
 * Note the non-ASCII positions: 0x24 is ¤ (not $; $ is 0x02), 0x40 is ¡ (@ is 0x00), 0x60 is ¿ (no backtick).
 */
const BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅå' + // 0x00-0x0F
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ' + // 0x10-0x1F (0x1B = escape)
  ' !"#¤%&\'()*+,-./' + // 0x20-0x2F
  '0123456789:;<=>?' + // 0x30-0x3F
  '¡ABCDEFGHIJKLMNO' + // 0x40-0x4F
  'PQRSTUVWXYZÄÖÑÜ§' + // 0x50-0x5F
  '¿abcdefghijklmno' + // 0x60-0x6F
  'pqrstuvwxyzäöñüà'; // 0x70-0x7F

/**
 * The extension table: each is sent as ESC + character, so it counts as two.
 * Form feed (ESC 0x0A) is in the table too, although no one should put one in a message.
 */
const EXTENSION_TABLE = '\f^{}\\[~]|€';

/** Septets per UTF-16 code unit: 1 for the basic set, 2 for the extension table. All GSM characters are in the BMP. */
const SEPTETS = new Map<number, 1 | 2>();
for (let i = 0; i < BASIC_TABLE.length; i++) {
  if (i !== 0x1b) SEPTETS.set(BASIC_TABLE.charCodeAt(i), 1);
}
for (let i = 0; i < EXTENSION_TABLE.length; i++) SEPTETS.set(EXTENSION_TABLE.charCodeAt(i), 2);

/** The characters of the GSM 03.38 basic set (127: the 128 positions less the escape). */
export const GSM_BASIC_CHARACTERS: readonly string[] = [...BASIC_TABLE].filter((_, i) => i !== 0x1b);

/** The characters of the GSM 03.38 extension table, each sent as two septets. */
export const GSM_EXTENSION_CHARACTERS: readonly string[] = [...EXTENSION_TABLE];

/**
 * How many septets one UTF-16 code unit takes in GSM-7: 1 (basic set), 2 (extension table),
 * or undefined when the character is not in the GSM alphabet and forces UCS-2.
 */
export function gsmSeptets(codeUnit: number): 1 | 2 | undefined {
  return SEPTETS.get(codeUnit);
}
