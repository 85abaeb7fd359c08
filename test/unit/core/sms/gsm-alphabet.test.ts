import { describe, expect, it } from 'vitest';
import { GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS, gsmSeptets } from '../../../../lambdas/core/sms/gsm-alphabet';

describe('gsmSeptets', () => {
  it('holds the 127 basic characters (128 positions less the escape) and 10 extension characters', () => {
    expect(GSM_BASIC_CHARACTERS).toHaveLength(127);
    expect(GSM_EXTENSION_CHARACTERS).toHaveLength(10);
  });

  it.each([
    ['£', 0x00a3],
    ['¥', 0x00a5],
    ['è', 0x00e8],
    ['é', 0x00e9],
    ['ù', 0x00f9],
    ['ì', 0x00ec],
    ['ò', 0x00f2],
    ['Ç', 0x00c7],
    ['Ø', 0x00d8],
    ['ø', 0x00f8],
    ['Å', 0x00c5],
    ['å', 0x00e5],
    ['Δ', 0x0394],
    ['_', 0x005f],
    ['Φ', 0x03a6],
    ['Γ', 0x0393],
    ['Λ', 0x039b],
    ['Ω', 0x03a9],
    ['Π', 0x03a0],
    ['Ψ', 0x03a8],
    ['Σ', 0x03a3],
    ['Θ', 0x0398],
    ['Ξ', 0x039e],
    ['Æ', 0x00c6],
    ['æ', 0x00e6],
    ['ß', 0x00df],
    ['É', 0x00c9],
    ['Ä', 0x00c4],
    ['Ö', 0x00d6],
    ['Ñ', 0x00d1],
    ['Ü', 0x00dc],
    ['§', 0x00a7],
    ['¿', 0x00bf],
    ['ä', 0x00e4],
    ['ö', 0x00f6],
    ['ñ', 0x00f1],
    ['ü', 0x00fc],
    ['à', 0x00e0],
    ['¡', 0x00a1],
    ['¤', 0x00a4],
    ['@', 0x0040],
    ['$', 0x0024],
    ['space', 0x0020],
    ['line feed', 0x000a],
    ['carriage return', 0x000d],
    ['A', 0x0041],
    ['z', 0x007a],
    ['0', 0x0030],
  ])('counts the basic character %s (code point %i) as one septet', (_name, codePoint) => {
    expect(gsmSeptets(codePoint)).toBe(1);
  });

  it.each([
    ['{', 0x007b],
    ['}', 0x007d],
    ['[', 0x005b],
    [']', 0x005d],
    ['~', 0x007e],
    ['\\', 0x005c],
    ['|', 0x007c],
    ['^', 0x005e],
    ['€', 0x20ac],
    ['form feed', 0x000c],
  ])('counts the extension character %s (code point %i) as two septets', (_name, codePoint) => {
    expect(gsmSeptets(codePoint)).toBe(2);
  });

  it.each([
    ['backtick `', 0x0060],
    ['tab', 0x0009],
    ['right single quote ’', 0x2019],
    ['left double quote “', 0x201c],
    ['en dash –', 0x2013],
    ['non-breaking space', 0x00a0],
    ['lower-case ç (only Ç is GSM)', 0x00e7],
    ['á', 0x00e1],
    ['Greek small alpha α', 0x03b1],
    ['the escape code itself', 0x001b],
    ['a high surrogate (half an emoji)', 0xd83d],
  ])('finds %s (code point %i) outside the GSM alphabet', (_name, codePoint) => {
    expect(gsmSeptets(codePoint)).toBeUndefined();
  });
});
