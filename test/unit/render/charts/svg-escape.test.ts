import { describe, expect, it } from 'vitest';
import { escapeSvgText } from '../../../../lambdas/render/charts/svg-escape';

describe('escapeSvgText', () => {
  it.each([
    { text: 'D83001', expected: 'D83001' },
    { text: 'Smith & Jones Surgery', expected: 'Smith &amp; Jones Surgery' },
    { text: '<script>', expected: '&lt;script&gt;' },
    { text: 'say "hi"', expected: 'say &quot;hi&quot;' },
    { text: "St John's", expected: 'St John&#39;s' },
    { text: '&amp;', expected: '&amp;amp;' },
  ])('writes $text as $expected', ({ text, expected }) => {
    expect(escapeSvgText(text)).toBe(expected);
  });
});
