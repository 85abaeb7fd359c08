/** An axis-aligned rectangle in SVG pixels; x, y is the top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label to put near a point (anchor), with the size of its text box. */
export interface LabelRequest {
  id: string;
  text: string;
  anchorX: number;
  anchorY: number;
  width: number;
  height: number;
  /** Distance to keep from the anchor: the marker's radius. */
  clearance: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  box: Box;
  /**
   * A line from the marker to a label that is not directly beside it (diagonal, or moved further out), so it is
   * clear which point the label names.
   */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

/** Directions tried around the anchor, nearest-reading first: right, left, above, below, then the diagonals. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
];
/** Gap multiples tried: next to the marker, then further out with a leader line. */
const DISTANCES = [1, 2.6, 4.2, 6] as const;
const GAP = 3;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function candidateBox(request: LabelRequest, dx: number, dy: number, distance: number): Box {
  const reach = request.clearance + GAP * distance + (distance > 1 ? 6 * distance : 0);
  const cx = request.anchorX + dx * reach;
  const cy = request.anchorY + dy * reach;
  const x = dx > 0 ? cx : dx < 0 ? cx - request.width : cx - request.width / 2;
  const y = dy > 0 ? cy : dy < 0 ? cy - request.height : cy - request.height / 2;
  return { x, y, width: request.width, height: request.height };
}

/**
 * Greedy label placement: each label, in the order given (most important first), takes the first candidate position
 * around its point that stays inside `bounds` and overlaps neither an earlier label nor any obstacle (the markers).
 * When the markers leave no room, a label may cover markers (charts draw labels with a white halo) but never another
 * label. Labels that still find no place are returned as `unplaced`, so the chart can say how many it left out
 * rather than print codes over each other.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  bounds: Box,
): { placed: PlacedLabel[]; unplaced: LabelRequest[] } {
  const placed: PlacedLabel[] = [];
  const unplaced: LabelRequest[] = [];
  const taken: Box[] = [];
  for (const request of requests) {
    const chosen = firstFreePlace(request, taken, obstacles, bounds) ?? firstFreePlace(request, taken, [], bounds);
    if (chosen === undefined) unplaced.push(request);
    else {
      placed.push(chosen);
      taken.push(chosen.box);
    }
  }
  return { placed, unplaced };
}

function firstFreePlace(
  request: LabelRequest,
  taken: readonly Box[],
  obstacles: readonly Box[],
  bounds: Box,
): PlacedLabel | undefined {
  for (const distance of DISTANCES) {
    for (const [dx, dy] of DIRECTIONS) {
      const box = candidateBox(request, dx, dy, distance);
      if (!inside(box, bounds)) continue;
      if (taken.some((other) => overlaps(box, other))) continue;
      if (obstacles.some((other) => overlaps(box, other))) continue;
      const label: PlacedLabel = { id: request.id, text: request.text, box };
      if (distance > 1 || (dx !== 0 && dy !== 0)) label.leader = leaderTo(request, box);
      return label;
    }
  }
  return undefined;
}

/** From the marker's edge to the nearest point of the label's box. */
function leaderTo(request: LabelRequest, box: Box): { x1: number; y1: number; x2: number; y2: number } {
  const x2 = Math.min(Math.max(request.anchorX, box.x), box.x + box.width);
  const y2 = Math.min(Math.max(request.anchorY, box.y), box.y + box.height);
  const length = Math.hypot(x2 - request.anchorX, y2 - request.anchorY) || 1;
  const x1 = request.anchorX + ((x2 - request.anchorX) / length) * request.clearance;
  const y1 = request.anchorY + ((y2 - request.anchorY) / length) * request.clearance;
  return { x1, y1, x2, y2 };
}
