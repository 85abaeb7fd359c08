import { describe, expect, it } from 'vitest';
import {
  DECILE_STRIP_SIZE,
  decileCaption,
  decileStripSvg,
  renderDecileStripPng,
} from '../../../../lambdas/render/charts/decile-strip';
import { PNG_SIGNATURE, pngSize } from './png-image';

describe('decileCaption', () => {
  it.each([
    { decile: 3, expected: 'Decile 3 of 10 — 1 means fewest patients without a preference' },
    { decile: 10, expected: 'Decile 10 of 10 — 1 means fewest patients without a preference' },
    { decile: undefined, expected: 'No decile: the practice has no figures for this month.' },
  ])('for decile $decile reads "$expected"', ({ decile, expected }) => {
    expect(decileCaption(decile)).toBe(expected);
  });
});

describe('decileStripSvg', () => {
  it('draws ten boxes and points at the practice decile', () => {
    const svg = decileStripSvg(3);
    expect(svg.split('class="decile').length - 1).toBe(10);
    expect(svg.split('class="decile selected"').length - 1).toBe(1);
    expect(svg).toContain('class="decile selected" data-decile="3"');
    expect(svg).toMatch(/x="170" [^>]*class="practice">Your practice<\/text>/);
    expect(svg).toContain('>Decile 3 of 10 — 1 means fewest patients without a preference</text>');
  });

  it.each([1, 10])('keeps the pointer label inside the strip for decile %i', (decile) => {
    const x = Number(/<text x="([\d.]+)"[^>]*class="practice"/.exec(decileStripSvg(decile))?.[1]);
    // "Your practice" at 13 px bold is ~90 px wide, centred on x.
    expect(x - 45).toBeGreaterThanOrEqual(0);
    expect(x + 45).toBeLessThanOrEqual(DECILE_STRIP_SIZE.width);
  });

  it.each([undefined, 0, 11, 2.5])('highlights nothing for decile %s and says there is no decile', (decile) => {
    const svg = decileStripSvg(decile);
    expect(svg).not.toContain('decile selected');
    expect(svg).not.toContain('Your practice');
    expect(svg).toContain('>No decile: the practice has no figures for this month.</text>');
  });
});

describe('renderDecileStripPng', () => {
  it('renders a PNG at twice the embedded size', () => {
    const png = renderDecileStripPng(3);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(DECILE_STRIP_SIZE).toEqual({ width: 640, height: 136 });
    expect(pngSize(png)).toEqual({ width: 1280, height: 272 });
  });

  it('draws each decile once: the same bytes come back for the same decile, others differ', () => {
    expect(renderDecileStripPng(4)).toBe(renderDecileStripPng(4));
    expect(renderDecileStripPng(4).equals(renderDecileStripPng(5))).toBe(false);
    // Not a decile: one strip with nothing highlighted, whatever the invalid value.
    expect(renderDecileStripPng(undefined)).toBe(renderDecileStripPng(11));
  });
});
