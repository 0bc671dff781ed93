import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the signed area of a ring: positive when counter-clockwise (x east, y north). */
export function ringArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum;
}

/** The ring closed (last position equal to the first), copied only when it was open. */
export function closeRing(ring: Position[]): Position[] {
  if (ring.length === 0) return ring;
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

/** The ring wound counter-clockwise (`ccw`) or clockwise, reversed only when it is not. */
export function orient(ring: Position[], ccw: boolean): Position[] {
  const area = ringArea2(ring);
  return area !== 0 && area > 0 !== ccw ? [...ring].reverse() : ring;
}

interface Ring {
  coords: Position[];
  area: number;
  bbox: [number, number, number, number];
}

function bboxOf(coords: Position[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of coords) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

function pointInRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether `hole` lies in `outer`: by bounding box, then by a vote of a few of its vertices (one may touch the edge). */
function contains(outer: Ring, hole: Ring): boolean {
  const [a, b] = [outer.bbox, hole.bbox];
  if (b[0] < a[0] || b[1] < a[1] || b[2] > a[2] || b[3] > a[3]) return false;
  const probes = hole.coords.slice(0, Math.min(5, hole.coords.length - 1) || 1);
  const inside = probes.filter((p) => pointInRing(p, outer.coords)).length;
  return inside * 2 >= probes.length;
}

/**
 * Groups the rings of a shapefile polygon into polygons, the way GDAL does: clockwise rings are
 * outer rings, counter-clockwise ones are holes of the smallest outer ring that contains them, and a
 * hole inside no outer ring stands as a polygon of its own. Output follows RFC 7946: rings closed,
 * outer rings counter-clockwise, holes clockwise, polygons in the order of their first ring.
 */
export function assemblePolygon(rawRings: Position[][]): Polygon | MultiPolygon | null {
  const rings: Ring[] = rawRings
    .filter((r) => r.length > 0)
    .map((r) => {
      const coords = closeRing(r);
      return { coords, area: ringArea2(coords), bbox: bboxOf(coords) };
    });
  if (rings.length === 0) return null;
  const outers = rings.filter((r) => r.area <= 0);
  const groups = new Map<Ring, Ring[]>(outers.map((o) => [o, []]));
  for (const hole of rings.filter((r) => r.area > 0)) {
    let best: Ring | null = null;
    for (const outer of outers) {
      if (contains(outer, hole) && (!best || -outer.area < -best.area)) best = outer;
    }
    if (best) groups.get(best)!.push(hole);
    else groups.set(hole, []);
  }
  const polygons = [...groups.entries()]
    .sort(([a], [b]) => rings.indexOf(a) - rings.indexOf(b))
    .map(([outer, holes]) => [orient(outer.coords, true), ...holes.map((h) => orient(h.coords, false))]);
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}
