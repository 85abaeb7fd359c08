import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../../../lambdas/core/sms/sms-segments';

const a = (n: number) => 'a'.repeat(n);
const b = (n: number) => 'b'.repeat(n);
/** One curly apostrophe switches the text to UCS-2; the rest are plain letters. */
const ucs2 = (units: number) => `’${a(units - 1)}`;

describe('smsSegments', () => {
  describe('GSM-7: 160 in one message, 153 per part', () => {
    it.each([
      { length: 0, fragments: 0 },
      { length: 1, fragments: 1 },
      { length: 153, fragments: 1 },
      { length: 160, fragments: 1 },
      { length: 161, fragments: 2 },
      { length: 306, fragments: 2 },
      { length: 307, fragments: 3 },
      { length: 459, fragments: 3 },
      { length: 460, fragments: 4 },
    ])('sends $length basic characters in $fragments fragment(s)', ({ length, fragments }) => {
      expect(smsSegments(a(length))).toEqual({
        encoding: 'GSM-7',
        characters: length,
        units: length,
        fragments,
        ucs2Triggers: [],
      });
    });
  });

  describe('UCS-2: 70 in one message, 67 per part', () => {
    it.each([
      { units: 1, fragments: 1 },
      { units: 67, fragments: 1 },
      { units: 70, fragments: 1 },
      { units: 71, fragments: 2 },
      { units: 134, fragments: 2 },
      { units: 135, fragments: 3 },
      { units: 201, fragments: 3 },
      { units: 202, fragments: 4 },
    ])('sends $units characters with one non-GSM character in $fragments fragment(s)', ({ units, fragments }) => {
      const result = smsSegments(ucs2(units));
      expect(result).toMatchObject({ encoding: 'UCS-2', characters: units, units, fragments });
    });

    it('switches a long GSM text to UCS-2 for one curly apostrophe at the end', () => {
      expect(smsSegments(`${a(100)}’`)).toMatchObject({ encoding: 'UCS-2', characters: 101, units: 101, fragments: 2 });
    });
  });

  describe('extension characters count two', () => {
    it.each(['{', '}', '[', ']', '~', '\\', '|', '^', '€'])('counts %s as two septets but one character', (char) => {
      expect(smsSegments(`x${char}`)).toMatchObject({ encoding: 'GSM-7', characters: 2, units: 3, fragments: 1 });
    });

    it.each([
      { text: '€'.repeat(80), characters: 80, units: 160, fragments: 1 },
      { text: `${'€'.repeat(80)}a`, characters: 81, units: 161, fragments: 2 },
      { text: `${a(158)}|`, characters: 159, units: 160, fragments: 1 },
      { text: `${a(159)}^`, characters: 160, units: 161, fragments: 2 },
      { text: `${a(159)}{`, characters: 160, units: 161, fragments: 2 },
    ])(
      'sends $characters characters counted as $units septets in $fragments fragment(s)',
      ({ text, characters, units, fragments }) => {
        expect(smsSegments(text)).toMatchObject({ encoding: 'GSM-7', characters, units, fragments });
      },
    );
  });

  describe('packing never splits an escape sequence or a surrogate pair', () => {
    it.each([
      // Part 1 takes 152 a's; the € (ESC + e) does not fit in the one septet left, so it opens part 2.
      { what: '152 a, €, 151 b', text: `${a(152)}€${b(151)}`, units: 305, fragments: 2 },
      { what: '152 a, €, 152 b', text: `${a(152)}€${b(152)}`, units: 306, fragments: 3 },
      // Same 306 septets, but the € falls at the start of part 2: two full parts.
      { what: '153 a, €, 151 b', text: `${a(153)}€${b(151)}`, units: 306, fragments: 2 },
      // Under 160 the message is single and nothing is packed.
      { what: '152 a, €, 6 b', text: `${a(152)}€${b(6)}`, units: 160, fragments: 1 },
    ])('sends GSM-7 "$what" ($units septets) in $fragments fragments', ({ text, units, fragments }) => {
      expect(smsSegments(text)).toMatchObject({ encoding: 'GSM-7', units, fragments });
    });

    it.each([
      { what: '68 a and an emoji', text: `${a(68)}😀`, characters: 69, units: 70, fragments: 1 },
      { what: '69 a and an emoji', text: `${a(69)}😀`, characters: 70, units: 71, fragments: 2 },
      // Part 1 takes 66 a's; the emoji's two units do not fit in the one left, so it opens part 2.
      { what: '66 a, an emoji, 65 b', text: `${a(66)}😀${b(65)}`, characters: 132, units: 133, fragments: 2 },
      { what: '66 a, an emoji, 66 b', text: `${a(66)}😀${b(66)}`, characters: 133, units: 134, fragments: 3 },
      { what: '65 a, an emoji, 67 b', text: `${a(65)}😀${b(67)}`, characters: 133, units: 134, fragments: 2 },
    ])('sends UCS-2 "$what" ($units units) in $fragments fragments', ({ text, characters, units, fragments }) => {
      expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', characters, units, fragments });
    });
  });

  describe('UCS-2 triggers', () => {
    it('lists each non-GSM character with its position in characters and its GSM stand-in', () => {
      expect(smsSegments('It’s 😀 time’').ucs2Triggers).toEqual([
        { char: '’', index: 2, suggestion: "'" },
        { char: '😀', index: 5 },
        { char: '’', index: 11, suggestion: "'" },
      ]);
    });

    it('suggests removing an invisible zero-width space', () => {
      expect(smsSegments('a\u200Bb').ucs2Triggers).toEqual([{ char: '\u200B', index: 1, suggestion: '' }]);
    });

    it('treats a lone surrogate as one non-GSM unit', () => {
      expect(smsSegments('\uD83Da')).toEqual({
        encoding: 'UCS-2',
        characters: 2,
        units: 2,
        fragments: 1,
        ucs2Triggers: [{ char: '\uD83D', index: 0 }],
      });
    });

    it('counts CR and LF as one septet each', () => {
      expect(smsSegments('a\r\nb')).toMatchObject({ encoding: 'GSM-7', characters: 4, units: 4, ucs2Triggers: [] });
    });
  });
});
