import { describe, expect, it } from 'vitest';
import { applyGsmReplacements, gsmReplacement } from '../../../../lambdas/core/sms/gsm-replacements';

describe('gsmReplacement', () => {
  it.each([
    { name: 'right single quote', char: '\u2019', expected: "'" },
    { name: 'left single quote', char: '\u2018', expected: "'" },
    { name: 'backtick', char: '`', expected: "'" },
    { name: 'left double quote', char: '\u201C', expected: '"' },
    { name: 'right double quote', char: '\u201D', expected: '"' },
    { name: 'en dash', char: '\u2013', expected: '-' },
    { name: 'em dash', char: '\u2014', expected: '-' },
    { name: 'ellipsis', char: '\u2026', expected: '...' },
    { name: 'non-breaking space', char: '\u00A0', expected: ' ' },
    { name: 'narrow non-breaking space', char: '\u202F', expected: ' ' },
    { name: 'tab', char: '\t', expected: ' ' },
    { name: 'zero-width space', char: '\u200B', expected: '' },
    { name: 'byte order mark', char: '\uFEFF', expected: '' },
    { name: 'bullet', char: '\u2022', expected: '-' },
    { name: 'lower-case c cedilla', char: '\u00E7', expected: 'c' },
    { name: 'a acute', char: '\u00E1', expected: 'a' },
    { name: 'ohm sign', char: '\u2126', expected: '\u03A9' },
  ])('replaces the $name with "$expected"', ({ char, expected }) => {
    expect(gsmReplacement(char)).toBe(expected);
  });

  it.each([
    { name: 'an emoji', char: '😀' },
    { name: 'a Chinese character', char: '\u4E2D' },
    { name: 'a degree sign', char: '\u00B0' },
  ])('has no stand-in for $name', ({ char }) => {
    expect(gsmReplacement(char)).toBeUndefined();
  });
});

describe('applyGsmReplacements', () => {
  it('replaces typographic punctuation and keeps plain text', () => {
    expect(applyGsmReplacements('\u201CDon\u2019t\u201D \u2013 see you\u2026')).toBe('"Don\'t" - see you...');
  });

  it('keeps characters that have no stand-in, such as an emoji', () => {
    expect(applyGsmReplacements('Thanks\u00A0😀')).toBe('Thanks 😀');
  });
});
