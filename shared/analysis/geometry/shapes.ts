import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Plane } from './plane.ts';

/** [minX, minY, maxX, maxY] in plane metres. */
export type BBox = [number, number, number, number];

/**
 * A polygonal region in the plane: open rings as flat [x0, y0, x1, y1, ...] arrays, read with the
 * even-odd rule over all rings together (a MultiPolygon's parts and holes alike), so that the sweep in
 * `slab-sweep.ts` needs no nesting. `area` is computed from the nesting when the shape is built.
 */
export interface Shape {
  rings: Float64Array[];
  bbox: BBox;
  area: number;
  /** A single convex ring (disks, capsules, buffers of convex parks): allows the fast containment test. */
  convex: boolean;
}

/** Planar polygons as GeoJSON-style nested arrays (closed rings, outer counter-clockwise). */
export type PlanarMultiPolygon = number[][][][];

/** Signed area of an open flat ring (positive when counter-clockwise). */
export function ringSignedArea(ring: Float64Array): number {
  const n = ring.length;
  let sum = 0;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) sum += (ring[j] - ring[i]) * (ring[j + 1] + ring[i + 1]);
  return sum / 2;
}

export function ringsBBox(rings: Float64Array[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) {
    for (let i = 0; i < r.length; i += 2) {
      if (r[i] < b[0]) b[0] = r[i];
      if (r[i] > b[2]) b[2] = r[i];
      if (r[i + 1] < b[1]) b[1] = r[i + 1];
      if (r[i + 1] > b[3]) b[3] = r[i + 1];
    }
  }
  return b;
}

/** A GeoJSON ring in degrees → an open flat ring in metres (closing vertex and repeats dropped). */
function projectRing(ring: Position[], plane: Plane): Float64Array {
  let n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  const out = new Float64Array(n * 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const [x, y] = plane.forward(ring[i][0], ring[i][1]);
    if (k > 0 && out[k - 2] === x && out[k - 1] === y) continue;
    out[k++] = x;
    out[k++] = y;
  }
  return k === out.length ? out : out.slice(0, k);
}

/** A Polygon or MultiPolygon in degrees as a Shape in the plane; null when it has no area. */
export function shapeFromGeometry(geometry: Polygon | MultiPolygon, plane: Plane): Shape | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: Float64Array[] = [];
  let area = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      const flat = projectRing(ring, plane);
      if (flat.length < 6) return;
      rings.push(flat);
      area += i === 0 ? Math.abs(ringSignedArea(flat)) : -Math.abs(ringSignedArea(flat));
    });
  }
  if (rings.length === 0 || area <= 0) return null;
  return { rings, bbox: ringsBBox(rings), area, convex: rings.length === 1 && isConvexRing(rings[0]) };
}

/** A shape from one flat ring in the plane (made counter-clockwise). */
export function shapeFromRing(ring: Float64Array, convex: boolean): Shape {
  let area = ringSignedArea(ring);
  if (area < 0) {
    const n = ring.length / 2;
    const rev = new Float64Array(ring.length);
    for (let i = 0; i < n; i++) {
      rev[2 * i] = ring[2 * (n - 1 - i)];
      rev[2 * i + 1] = ring[2 * (n - 1 - i) + 1];
    }
    ring = rev;
    area = -area;
  }
  return { rings: [ring], bbox: ringsBBox([ring]), area, convex };
}

/** True when every turn of the ring goes the same way. */
export function isConvexRing(ring: Float64Array): boolean {
  const n = ring.length / 2;
  if (n < 3) return false;
  let sign = 0;
  for (let i = 0; i < n; i++) {
    const a = ((i + n - 1) % n) * 2;
    const b = i * 2;
    const c = ((i + 1) % n) * 2;
    const cross = (ring[b] - ring[a]) * (ring[c + 1] - ring[b + 1]) - (ring[b + 1] - ring[a + 1]) * (ring[c] - ring[b]);
    if (cross === 0) continue;
    const s = cross > 0 ? 1 : -1;
    if (sign !== 0 && s !== sign) return false;
    sign = s;
  }
  return sign !== 0;
}

/** Even-odd point in shape. */
export function pointInShape(shape: Shape, x: number, y: number): boolean {
  let inside = false;
  for (const r of shape.rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      if (r[i + 1] > y !== r[j + 1] > y && x < ((r[j] - r[i]) * (y - r[i + 1])) / (r[j + 1] - r[i + 1]) + r[i]) inside = !inside;
    }
  }
  return inside;
}

/** A convex counter-clockwise shape contains every vertex of `other` (so all of it). */
export function convexContains(convex: Shape, other: Shape): boolean {
  const c = convex.bbox;
  const o = other.bbox;
  if (o[0] < c[0] || o[1] < c[1] || o[2] > c[2] || o[3] > c[3]) return false;
  const r = convex.rings[0];
  const n = r.length;
  for (const ring of other.rings) {
    for (let k = 0; k < ring.length; k += 2) {
      const x = ring[k];
      const y = ring[k + 1];
      for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
        if ((r[i] - r[j]) * (y - r[j + 1]) - (r[i + 1] - r[j + 1]) * (x - r[j]) < 0) return false;
      }
    }
  }
  return true;
}

/** Planar polygons back to a GeoJSON geometry in degrees, coordinates rounded to 1e-7° (~1 cm). */
export function toGeoJSON(polygons: PlanarMultiPolygon, plane: Plane): MultiPolygon {
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  return {
    type: 'MultiPolygon',
    coordinates: polygons.map((poly) =>
      poly.map((ring) =>
        ring.map(([x, y]) => {
          const [lon, lat] = plane.inverse(x, y);
          return [round(lon), round(lat)];
        }),
      ),
    ),
  };
}
