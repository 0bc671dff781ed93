import type { Feature, LineString, MultiPolygon, Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { M_PER_DEG_LAT, M_PER_DEG_LON, shift } from '../geometry.ts';
import type { Random } from '../random.ts';
import { inBox, MAIN_BBOX } from './landmarks.ts';

/** Whether a position is more than `metres` from every road centre line (roads bucketed by a 100 m grid). */
export function roadClearance(roads: Feature<LineString>[]): (p: Position, metres: number) => boolean {
  const CELL = 100;
  const cells = new Map<string, number[][]>();
  for (const r of roads) {
    const c = r.geometry.coordinates.map((q) => [q[0] * M_PER_DEG_LON, q[1] * M_PER_DEG_LAT]);
    for (let k = 0; k < c.length - 1; k++) {
      const seg = [c[k][0], c[k][1], c[k + 1][0], c[k + 1][1]];
      for (let i = Math.floor(Math.min(seg[0], seg[2]) / CELL); i <= Math.floor(Math.max(seg[0], seg[2]) / CELL); i++) {
        for (let j = Math.floor(Math.min(seg[1], seg[3]) / CELL); j <= Math.floor(Math.max(seg[1], seg[3]) / CELL); j++) {
          const list = cells.get(`${i},${j}`);
          if (list) list.push(seg);
          else cells.set(`${i},${j}`, [seg]);
        }
      }
    }
  }
  return (p, metres) => {
    const [x, y] = [p[0] * M_PER_DEG_LON, p[1] * M_PER_DEG_LAT];
    const reach = Math.ceil(metres / CELL);
    for (let i = Math.floor(x / CELL) - reach; i <= Math.floor(x / CELL) + reach; i++) {
      for (let j = Math.floor(y / CELL) - reach; j <= Math.floor(y / CELL) + reach; j++) {
        for (const [x0, y0, x1, y1] of cells.get(`${i},${j}`) ?? []) {
          const dx = x1 - x0, dy = y1 - y0;
          const l2 = dx * dx + dy * dy;
          const t = l2 > 0 ? Math.min(1, Math.max(0, ((x - x0) * dx + (y - y0) * dy) / l2)) : 0;
          if (Math.hypot(x0 + t * dx - x, y0 + t * dy - y) <= metres) return false;
        }
      }
    }
    return true;
  };
}

/** Checks where a point feature (a building, a car park) may stand: dry land, 15 m or more off every road and path. */
export function groundChecker(water: Feature<MultiPolygon>[], roads: Feature<LineString>[]): (p: Position) => boolean {
  const clear = roadClearance(roads);
  return (p) =>
    inBox(p, { west: MAIN_BBOX.west + 0.001, south: MAIN_BBOX.south + 0.001, east: MAIN_BBOX.east - 0.001, north: MAIN_BBOX.north - 0.001 }) &&
    clear(p, 15) &&
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
