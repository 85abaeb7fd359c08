import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../lambdas/render/email/escape-html';

describe('escapeHtml', () => {
  it.each([
    { text: 'Alpha & Beta', expected: 'Alpha &amp; Beta' },
    { text: '<b>', expected: '&lt;b&gt;' },
    { text: `"quoted" 'single'`, expected: '&quot;quoted&quot; &#39;single&#39;' },
    { text: 'plain', expected: 'plain' },
    { text: '&amp;', expected: '&amp;amp;' },
  ])('escapes $text', ({ text, expected }) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});
