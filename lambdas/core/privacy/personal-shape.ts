/**
 * Shapes of personal data that someone may type into the wrong column of an export (SPEC §8). A text with
 * one of these shapes anywhere in it is never quoted in a shared output; it is counted by its shape.
 * The checks err towards withholding: a version number like `1.2.34` is withheld as a date.
 */

/** Why a text is withheld. `name` comes from the export's own names (see SeenNames), not from a shape. */
export type PersonalShape = 'date' | 'name' | 'phoneOrNhsNumber' | 'email' | 'postcode';

/** Every shape, in the order a description lists them. */
export const PERSONAL_SHAPES: readonly PersonalShape[] = ['date', 'name', 'phoneOrNhsNumber', 'email', 'postcode'];

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A two- or four-digit year, not part of a longer number. */
const YEAR = String.raw`(?:\p{Nd}{4}|\p{Nd}{2})(?!\p{Nd})`;
const DAY = String.raw`(?<!\p{Nd})\p{Nd}{1,2}`;
const ORDINAL = '(?:st|nd|rd|th)?';

/** Every date form of SPEC §2.2, two-digit years, month names before or after the day, `1st of March`. */
const DATE_SHAPES: readonly RegExp[] = [
  /(?<!\p{Nd})\p{Nd}{4}\s*[-/.]\s*\p{Nd}{1,2}\s*[-/.]\s*\p{Nd}{1,2}(?!\p{Nd})/u,
  new RegExp(String.raw`${DAY}\s*[-/.]\s*\p{Nd}{1,2}\s*[-/.]\s*${YEAR}`, 'u'),
  new RegExp(String.raw`${DAY}\s+\p{Nd}{1,2}\s+\p{Nd}{4}(?!\p{Nd})`, 'u'),
  new RegExp(String.raw`${DAY}${ORDINAL}[\s,./-]*(?:of[\s,./-]*)?${MONTH}(?!\p{L})[\s,./-]*${YEAR}`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})${MONTH}(?!\p{L})[\s,./-]*${DAY}${ORDINAL}[\s,./-]+${YEAR}`, 'iu'),
];

/**
 * Six or more digits where each is separated from the next by at most three other non-letters: an NHS
 * number or a phone number however it is spaced, bracketed or punctuated (`07700, 900, 000`).
 */
const DIGIT_RUN = /\p{Nd}(?:[^\p{L}\p{Nd}]{0,3}\p{Nd}){5}/u;

/** Something, `@`, then a dotted domain (`jo @ example.com`; not `@SUM(1)` nor `Text @ 5pm`). */
const EMAIL = /[\p{L}\p{Nd}._%+-]\s*@\s*[\p{L}\p{Nd}-]+(?:\.[\p{L}\p{Nd}-]+)+/u;

/** A full UK postcode (outward and inward code); an outward code alone (`DM2`, `LS1`) is not personal. */
const POSTCODE = /(?<![\p{L}\p{Nd}])[a-z]{1,2}\p{Nd}[a-z\p{Nd}]?[\s-]*\p{Nd}[a-z]{2}(?![\p{L}\p{Nd}])/iu;

/**
 * The shape that makes `text` unquotable, or undefined when it has none. Looked for anywhere in the text,
 * after compatibility normalisation (so full-width digits and `＠` count). Checked in a fixed order: a
 * date is a date before it is a run of digits.
 */
export function personalShapeOf(text: string): Exclude<PersonalShape, 'name'> | undefined {
  const folded = text.normalize('NFKC');
  if (EMAIL.test(folded)) return 'email';
  if (DATE_SHAPES.some((shape) => shape.test(folded))) return 'date';
  if (DIGIT_RUN.test(folded)) return 'phoneOrNhsNumber';
  if (POSTCODE.test(folded)) return 'postcode';
  return undefined;
}
