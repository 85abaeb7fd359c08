import { describe, expect, it } from 'vitest';
import { type Box, type LabelRequest, placeLabels } from '../../../../lambdas/render/charts/label-placement';

const BOUNDS: Box = { x: 0, y: 0, width: 400, height: 300 };

function request(id: string, anchorX: number, anchorY: number): LabelRequest {
  return { id, text: id, anchorX, anchorY, width: 40, height: 12, clearance: 5 };
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('placeLabels', () => {
  it('puts a lone label just right of its point, vertically centred', () => {
    const { placed, unplaced } = placeLabels([request('A81001', 100, 100)], [], BOUNDS);
    expect(unplaced).toEqual([]);
    // reach = clearance 5 + gap 3 = 8, so the box starts at x 108 and is centred on y 100.
    expect(placed[0]?.box).toEqual({ x: 108, y: 94, width: 40, height: 12 });
    expect(placed[0]?.leader).toBeUndefined();
  });

  it('puts the label on the left when the right would leave the plot', () => {
    const { placed } = placeLabels([request('A81001', 380, 100)], [], BOUNDS);
    expect(placed[0]?.box).toEqual({ x: 332, y: 94, width: 40, height: 12 });
  });

  it('keeps clear of other points when it can', () => {
    const marker: Box = { x: 108, y: 94, width: 12, height: 12 };
    const { placed } = placeLabels([request('A81001', 100, 100)], [marker], BOUNDS);
    expect(placed[0]?.box).toEqual({ x: 52, y: 94, width: 40, height: 12 });
  });

  it('never lets two labels overlap, even for points on top of each other', () => {
    const requests = Array.from({ length: 12 }, (_, i) => request(`B8200${i}`, 200, 150));
    const { placed, unplaced } = placeLabels(requests, [], BOUNDS);
    expect(placed.length + unplaced.length).toBe(12);
    expect(placed.length).toBeGreaterThan(8);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(overlap(a.box, b.box)).toBe(false);
    }
    expect(placed.filter((label) => label.leader !== undefined).length).toBeGreaterThan(0);
  });

  it('returns a label it cannot fit as unplaced, keeping the earlier, more important one', () => {
    // A strip only one label high: the only place inside it is right of the point.
    const strip: Box = { x: 0, y: 0, width: 60, height: 14 };
    const { placed, unplaced } = placeLabels([request('C83001', 10, 7), request('C83002', 10, 7)], [], strip);
    expect(placed.map((label) => label.id)).toEqual(['C83001']);
    expect(unplaced.map((label) => label.id)).toEqual(['C83002']);
  });
});
