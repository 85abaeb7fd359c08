import { describe, expect, it } from 'vitest';
import { encodeText } from '../../../../lambdas/local/samples/encode-text';

describe('encodeText', () => {
  it.each([
    { text: 'Zoë', expected: [0x5a, 0x6f, 0xeb] },
    { text: 'O’Neill', expected: [0x4f, 0x92, 0x4e, 0x65, 0x69, 0x6c, 0x6c] },
    { text: 'a – b', expected: [0x61, 0x20, 0x96, 0x20, 0x62] },
  ])('writes "$text" in Windows-1252 as $expected', ({ text, expected }) => {
    expect([...encodeText(text, 'windows-1252')]).toEqual(expected);
  });

  it('refuses a character Windows-1252 lacks rather than writing "?"', () => {
    expect(() => encodeText('Łukasz', 'windows-1252')).toThrow(/cannot represent/);
  });

  it('writes UTF-8 with and without a byte order mark', () => {
    expect([...encodeText('ë', 'utf-8')]).toEqual([0xc3, 0xab]);
    expect([...encodeText('ë', 'utf-8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xab]);
  });
});
