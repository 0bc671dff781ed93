import type { Geometry } from 'geojson';
import type { Plane } from './plane.ts';
import { shapeFromGeometry, shapeFromRing, ringSignedArea, type Shape } from './shapes.ts';

/**
 * Straight-line buffers as unions of simple pieces, in the plane. The buffer of a point is a disk; of a
 * segment a capsule (a "stadium"); of a convex polygon one convex ring with round corners; of any other
 * polygon the polygon itself plus a capsule per edge (the Minkowski sum with a disk is exactly that
 * union). Pieces are never merged: the sweep (`slab-sweep.ts`) reads their union where it needs it.
 * Arcs use `quadrantSegments` segments per quarter circle with the corner fillets divided the way GEOS
 * divides them, so areas agree with GEOS's ST_Buffer at the same setting.
 */

/** Regular polygon of 4·q vertices around (x, y), counter-clockwise. */
export function disk(x: number, y: number, r: number, q: number): Shape {
  const n = 4 * q;
  const ring = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    ring[2 * k] = x + r * Math.cos(a);
    ring[2 * k + 1] = y + r * Math.sin(a);
  }
  return shapeFromRing(ring, true);
}

/** Points of an arc around (cx, cy) from angle a0 turning by `turn` (> 0, counter-clockwise), GEOS-style. */
function fillet(out: number[], cx: number, cy: number, r: number, a0: number, turn: number, q: number): void {
  const quantum = Math.PI / 2 / q;
  const segs = Math.floor(turn / quantum + 0.5);
  out.push(cx + r * Math.cos(a0), cy + r * Math.sin(a0));
  for (let i = 1; i < segs; i++) out.push(cx + r * Math.cos(a0 + (i * turn) / segs), cy + r * Math.sin(a0 + (i * turn) / segs));
  out.push(cx + r * Math.cos(a0 + turn), cy + r * Math.sin(a0 + turn));
}

/** The segment's buffer: straight sides and a half disk at each end, counter-clockwise. */
export function capsule(ax: number, ay: number, bx: number, by: number, r: number, q: number): Shape {
  const len = Math.hypot(bx - ax, by - ay);
  if (len === 0) return disk(ax, ay, r, q);
  const right = Math.atan2(-(bx - ax), by - ay); // angle of the right-hand normal
  const pts: number[] = [];
  fillet(pts, bx, by, r, right, Math.PI, q);
  fillet(pts, ax, ay, r, right + Math.PI, Math.PI, q);
  return shapeFromRing(Float64Array.from(pts), true);
}

/** The segment widened by r on either side, without end caps (the caps come from disks at the ends). */
export function band(ax: number, ay: number, bx: number, by: number, r: number): Shape {
  const len = Math.hypot(bx - ax, by - ay);
  const nx = (-(by - ay) / len) * r;
  const ny = ((bx - ax) / len) * r;
  return shapeFromRing(Float64Array.from([ax - nx, ay - ny, bx - nx, by - ny, bx + nx, by + ny, ax + nx, ay + ny]), true);
}

/** Buffer of a convex ring: offset edges joined by fillets at each corner. */
export function convexBuffer(ring: Float64Array, r: number, q: number): Shape {
  const ccw = ringSignedArea(ring) > 0;
  const n = ring.length / 2;
  const at = (i: number) => (ccw ? i : n - 1 - i) * 2;
  const pts: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = at((i + n - 1) % n), v = at(i), nx = at((i + 1) % n);
    const a1 = Math.atan2(-(ring[v] - ring[p]), ring[v + 1] - ring[p + 1]);
    const a2 = Math.atan2(-(ring[nx] - ring[v]), ring[nx + 1] - ring[v + 1]);
    let turn = a2 - a1;
    while (turn < 0) turn += 2 * Math.PI;
    while (turn >= 2 * Math.PI) turn -= 2 * Math.PI;
    if (turn < 1e-12) pts.push(ring[v] + r * Math.cos(a1), ring[v + 1] + r * Math.sin(a1));
    else fillet(pts, ring[v], ring[v + 1], r, a1, turn, q);
  }
  return shapeFromRing(Float64Array.from(pts), true);
}

/** The pieces of a polygon's buffer (see the module comment). */
export function polygonPieces(shape: Shape, r: number, q: number): Shape[] {
  if (r <= 0) return [shape];
  if (shape.convex) return [convexBuffer(shape.rings[0], r, q)];
  const pieces: Shape[] = [shape];
  for (const ring of shape.rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) pieces.push(capsule(ring[j], ring[j + 1], ring[i], ring[i + 1], r, q));
  }
  return pieces;
}

/** The pieces of a polyline's buffer (points in the plane). */
export function linePieces(line: number[][], r: number, q: number): Shape[] {
  if (r <= 0) return [];
  if (line.length === 1) return [disk(line[0][0], line[0][1], r, q)];
  const pieces: Shape[] = [];
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1];
    const [bx, by] = line[i];
    if (ax !== bx || ay !== by) pieces.push(capsule(ax, ay, bx, by, r, q));
  }
  return pieces;
}

/** The buffer pieces of any GeoJSON geometry in degrees (empty for a zero distance on points and lines). */
export function geometryPieces(geometry: Geometry, plane: Plane, r: number, q: number): Shape[] {
  const fwd = (c: number[]) => plane.forward(c[0], c[1]);
  switch (geometry.type) {
    case 'Point':
      return r > 0 ? [disk(...fwd(geometry.coordinates), r, q)] : [];
    case 'MultiPoint':
      return r > 0 ? geometry.coordinates.map((c) => disk(...fwd(c), r, q)) : [];
    case 'LineString':
      return linePieces(geometry.coordinates.map(fwd), r, q);
    case 'MultiLineString':
      return geometry.coordinates.flatMap((l) => linePieces(l.map(fwd), r, q));
    case 'Polygon':
    case 'MultiPolygon': {
      const shape = shapeFromGeometry(geometry, plane);
      return shape ? polygonPieces(shape, r, q) : [];
    }
    case 'GeometryCollection':
      return geometry.geometries.flatMap((g) => geometryPieces(g, plane, r, q));
  }
}
