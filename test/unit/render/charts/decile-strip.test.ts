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
    { decile: undefined, expected: 'No decile for D83001: it has no figures for this month.' },
  ])('for decile $decile reads "$expected"', ({ decile, expected }) => {
    expect(decileCaption(decile, 'D83001')).toBe(expected);
  });
});

describe('decileStripSvg', () => {
  it('draws ten boxes and highlights the practice decile', () => {
    const svg = decileStripSvg({ decile: 3, practicePct: 12.34, medianPct: 18, practiceCode: 'D83001' });
    expect(svg.split('class="decile').length - 1).toBe(10);
    expect(svg.split('class="decile selected"').length - 1).toBe(1);
    expect(svg).toContain('class="decile selected" data-decile="3"');
    expect(svg).toMatch(/class="practice">D83001<\/text>/);
    expect(svg).toContain('>Decile 3 of 10 — 1 means fewest patients without a preference</text>');
    expect(svg).toContain('>D83001: 12.3% of patients have no recorded preference (ICB median 18.0%).</text>');
  });

  it.each([{ decile: undefined }, { decile: 0 }, { decile: 11 }, { decile: 2.5 }])(
    'highlights nothing for decile $decile and says there is no decile',
    ({ decile }) => {
      const svg = decileStripSvg({ decile, medianPct: 18, practiceCode: 'B82002' });
      expect(svg).not.toContain('decile selected');
      expect(svg).toContain('>No decile for B82002: it has no figures for this month.</text>');
      expect(svg).toContain('>ICB median: 18.0% of patients with no recorded preference.</text>');
    },
  );

  it('leaves out the comparison line when there is no percentage to compare', () => {
    expect(decileStripSvg({ decile: 5, practiceCode: 'A81001' })).not.toContain('class="comparison"');
  });

  it('escapes the practice code', () => {
    const svg = decileStripSvg({ decile: 1, practiceCode: 'A<b>&' });
    expect(svg).toContain('A&lt;b&gt;&amp;');
    expect(svg).not.toContain('A<b>');
  });

  it('renders a PNG at twice the embedded size', () => {
    const png = renderDecileStripPng({ decile: 3, practicePct: 12.34, medianPct: 18, practiceCode: 'D83001' });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(DECILE_STRIP_SIZE).toEqual({ width: 640, height: 160 });
    expect(pngSize(png)).toEqual({ width: 1280, height: 320 });
  });
});
