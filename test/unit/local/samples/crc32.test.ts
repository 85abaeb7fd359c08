import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../lambdas/local/samples/crc32';

describe('crc32', () => {
  it.each([
    { text: '', expected: 0 },
    // The standard check value of CRC-32/ISO-HDLC.
    { text: '123456789', expected: 0xcbf43926 },
    { text: 'a', expected: 0xe8b7be43 },
  ])('gives $expected for "$text"', ({ text, expected }) => {
    expect(crc32(new TextEncoder().encode(text))).toBe(expected);
  });
});
