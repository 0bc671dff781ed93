import type { Feature, MultiPolygon, Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { M_PER_DEG_LAT, M_PER_DEG_LON, shift } from '../geometry.ts';
import type { Random } from '../random.ts';
import { inBox, MAIN_BBOX } from './landmarks.ts';
import type { RoadGrid } from './roads.ts';

/** Whether a position is more than `metres` from every road centre line of the grid. */
function clearOfRoads(p: Position, grid: RoadGrid, metres: number): boolean {
  return grid.lines.every((l) => {
    const [along, across, scale] = l.axis === 'x' ? [p[1], p[0], M_PER_DEG_LON] : [p[0], p[1], M_PER_DEG_LAT];
    return along < l.from || along > l.to || Math.abs(across - l.pos) * scale > metres;
  });
}

/** Checks where a point feature (a building, a school, a car park) may stand: dry land, off the road. */
export function groundChecker(water: Feature<MultiPolygon>[], grid: RoadGrid): (p: Position) => boolean {
  return (p) =>
    inBox(p, { west: MAIN_BBOX.west + 0.001, south: MAIN_BBOX.south + 0.001, east: MAIN_BBOX.east - 0.001, north: MAIN_BBOX.north - 0.001 }) &&
    clearOfRoads(p, grid, 15) &&
    !water.some((w) => booleanPointInPolygon(p, w));
}

/**
 * A point `minM`–`maxM` metres from `origin` in a random direction that passes `ok`, or null after 50
 * tries (the caller decides what to do then).
 */
export function pointNear(origin: Position, minM: number, maxM: number, ok: (p: Position) => boolean, rng: Random): Position | null {
  for (let attempt = 0; attempt < 50; attempt++) {
    const r = rng.range(minM, maxM);
    const t = rng.range(0, 2 * Math.PI);
    const p = shift(origin, r * Math.cos(t), r * Math.sin(t));
    if (ok(p)) return p;
  }
  return null;
}

/** A random point inside a ring's bounding box that passes `inside` and `ok`, or null after 200 tries. */
export function pointInside(ring: Position[], inside: (p: Position) => boolean, ok: (p: Position) => boolean, rng: Random): Position | null {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  for (let attempt = 0; attempt < 200; attempt++) {
    const p: Position = [rng.range(Math.min(...xs), Math.max(...xs)), rng.range(Math.min(...ys), Math.max(...ys))];
    if (inside(p) && ok(p)) return p;
  }
  return null;
}
