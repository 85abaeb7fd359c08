import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../lambdas/render/escape-xml';

describe('escapeXml', () => {
  it.each([
    { text: 'D83001', expected: 'D83001' },
    { text: 'Smith & Jones Surgery', expected: 'Smith &amp; Jones Surgery' },
    { text: '<script>', expected: '&lt;script&gt;' },
    { text: `"quoted" 'single'`, expected: '&quot;quoted&quot; &#39;single&#39;' },
    { text: "St John's", expected: 'St John&#39;s' },
    { text: 'two\nlines', expected: 'two&#10;lines' },
    { text: '&amp;', expected: '&amp;amp;' },
  ])('writes $text as $expected', ({ text, expected }) => {
    expect(escapeXml(text)).toBe(expected);
  });
});
