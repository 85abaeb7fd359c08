import { describe, expect, it } from 'vitest';
import { decodeTemplateFile } from '../../../../lambdas/core/sms/decode-template-file';

describe('decodeTemplateFile', () => {
  it.each([
    { what: 'UTF-8', bytes: [0x48, 0x69, 0x20, 0xc2, 0xa3, 0x35], expected: 'Hi £5' },
    { what: 'UTF-8 with a BOM', bytes: [0xef, 0xbb, 0xbf, 0x48, 0x69], expected: 'Hi' },
    { what: 'UTF-8 curly apostrophe', bytes: [0x49, 0x74, 0xe2, 0x80, 0x99, 0x73], expected: 'It’s' },
    {
      what: 'Windows-1252 curly apostrophe and pound',
      bytes: [0x49, 0x74, 0x92, 0x73, 0x20, 0xa3, 0x35],
      expected: 'It’s £5',
    },
    { what: 'Windows-1252 euro and en dash', bytes: [0x80, 0x35, 0x20, 0x96, 0x20, 0x36], expected: '€5 – 6' },
  ])('decodes $what', ({ bytes, expected }) => {
    expect(decodeTemplateFile(new Uint8Array(bytes))).toBe(expected);
  });
});
