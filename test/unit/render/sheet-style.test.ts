import { describe, expect, it } from 'vitest';
import { landscapeTablePages, portraitPages } from '../../../lambdas/render/sheet-style';

describe('print set-up helpers', () => {
  it('prints a text sheet A4 portrait, one page wide, with 0.4" sides and 0.5" top and bottom by default', () => {
    expect(portraitPages()).toEqual({
      orientation: 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    });
  });

  it('widens the margins it is given on both sides and at top and bottom alike', () => {
    expect(portraitPages({ sideMargin: 0.5, topMargin: 0.7 }).margins).toEqual({
      left: 0.5,
      right: 0.5,
      top: 0.7,
      bottom: 0.7,
      header: 0.3,
      footer: 0.3,
    });
  });

  it('prints a wide table A4 landscape, the given pages across, repeating its title rows and columns', () => {
    expect(landscapeTablePages({ printTitlesRow: '1:1', printTitlesColumn: 'B:C', pagesWide: 3 })).toEqual({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 3,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      printTitlesColumn: 'B:C',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    });
  });
});
