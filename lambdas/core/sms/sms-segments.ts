import { gsmSeptets } from './gsm-alphabet';
import { gsmReplacement } from './gsm-replacements';

/** GSM-7: 160 septets in a single message; 153 per part once a user-data header (UDH) is needed. */
export const GSM7_SINGLE = 160;
export const GSM7_PART = 153;
/** UCS-2: 70 UTF-16 code units in a single message; 67 per part. */
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** A character outside the GSM alphabet, which switched the message to UCS-2. */
export interface Ucs2Trigger {
  /** The character as written (an emoji is one character of two UTF-16 code units). */
  readonly char: string;
  /** 0-based position in characters (Unicode code points), the way `characters` counts them. */
  readonly index: number;
  /** Its GSM-7 stand-in (`'` for `’`; `''` means remove it), when there is one. */
  readonly suggestion?: string;
}

export interface SmsSegments {
  readonly encoding: SmsEncoding;
  /** Unicode code points: what a person would count (an emoji is 1). */
  readonly characters: number;
  /** What the limits are counted in: septets for GSM-7 (extension characters 2), UTF-16 code units for UCS-2 (an emoji 2). */
  readonly units: number;
  /** Fragments sent (and charged for); 0 for an empty text. */
  readonly fragments: number;
  /** Every non-GSM character in order, with its position; empty for GSM-7. */
  readonly ucs2Triggers: Ucs2Trigger[];
}

/**
 * How a text would be sent as SMS: encoding, length and number of fragments.
 *
 * Fragments are counted by packing the text into parts, not by dividing its length: a multi-part
 * GSM-7 message never splits an escape sequence (ESC + an extension character such as €) across two
 * parts, and a UCS-2 message never splits a surrogate pair (an emoji). So a character that does not
 * fit in what is left of a part starts the next one, and a part can hold 152 septets (or 66 units):
 * 152 basic characters, `€`, then 152 more are 306 septets but 3 fragments, not 2.
 *
 * One pass, no allocation except the trigger list; both encodings are packed as it goes.
 */
export function smsSegments(text: string): SmsSegments {
  const ucs2Triggers: Ucs2Trigger[] = [];
  let characters = 0;
  let septets = 0;
  let gsmParts = 1;
  let gsmUsed = 0;
  let ucs2Parts = 1;
  let ucs2Used = 0;

  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1));
    const width = pair ? 2 : 1;

    if (ucs2Used + width > UCS2_PART) {
      ucs2Parts++;
      ucs2Used = 0;
    }
    ucs2Used += width;

    const gsm = pair ? undefined : gsmSeptets(unit);
    if (gsm === undefined) {
      const char = pair ? text.slice(i, i + 2) : text[i];
      const suggestion = gsmReplacement(char as string);
      ucs2Triggers.push(
        suggestion === undefined
          ? { char: char as string, index: characters }
          : { char: char as string, index: characters, suggestion },
      );
    } else if (ucs2Triggers.length === 0) {
      septets += gsm;
      if (gsmUsed + gsm > GSM7_PART) {
        gsmParts++;
        gsmUsed = 0;
      }
      gsmUsed += gsm;
    }

    if (pair) i++;
    characters++;
  }

  if (ucs2Triggers.length === 0) {
    const fragments = septets === 0 ? 0 : septets <= GSM7_SINGLE ? 1 : gsmParts;
    return { encoding: 'GSM-7', characters, units: septets, fragments, ucs2Triggers };
  }
  const units = text.length;
  const fragments = units <= UCS2_SINGLE ? 1 : ucs2Parts;
  return { encoding: 'UCS-2', characters, units, fragments, ucs2Triggers };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
