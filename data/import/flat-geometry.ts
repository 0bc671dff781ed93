import { findRingIntersection, signedArea2 } from '../../shared/geometry/index.ts';
import type { GeometryTypeName } from '../../shared/layers/types.ts';
import type { FlatGeometry } from '../formats/types.ts';

/**
 * The import's steps for a FlatGeometry (a decoded GeoJSON geometry, see data/formats/types.ts), the
 * same as for GeoJSON objects: check, fit to the layer's type, reproject. The check only says whether
 * `checkGeometry` would pass the geometry untouched; anything it would fix or report goes the general
 * way, so that fixes and messages stay the same.
 */

/** GeoJSON type names by WKB code. */
export const FLAT_TYPE_NAMES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'] as const;

/** Scratch for the rings' de-duplicated x/y (views of it are handed to findRingIntersection). */
let scratch = new Float64Array(4096);
let used = 0;

/**
 * The positions `at..at+n` with consecutive repeats dropped (as `ringXY` does), as a view of the
 * scratch array; valid until the next geometry is checked.
 */
function distinctXY(xy: Float64Array, at: number, n: number): Float64Array {
  if (used + n * 2 > scratch.length) {
    // Earlier views keep the old array alive until the check ends.
    scratch = new Float64Array(Math.max(scratch.length * 2, n * 2));
    used = 0;
  }
  const from = used;
  let o = from;
  for (let k = at * 2, end = (at + n) * 2; k < end; k += 2) {
    const x = xy[k];
    const y = xy[k + 1];
    if (o > from && scratch[o - 2] === x && scratch[o - 1] === y) continue;
    scratch[o++] = x;
    scratch[o++] = y;
  }
  used = o;
  return scratch.subarray(from, o);
}

/**
 * The rings of one polygon from `counts[i]` (number of rings) on, positions from `at`: pushes their x/y
 * to `out` and returns the index after its counts, or -1 when checkGeometry would have something to say
 * (a ring open, too short or wound the wrong way).
 */
function polygonRings(g: FlatGeometry, i: number, at: { p: number }, out: Float64Array[]): number {
  const c = g.counts;
  const xy = g.xy;
  const rings = c[i++];
  for (let k = 0; k < rings; k++) {
    const n = c[i++];
    const first = at.p * 2;
    const last = (at.p + n - 1) * 2;
    if (n < 4 || xy[first] !== xy[last] || xy[first + 1] !== xy[last + 1]) return -1;
    const ring = distinctXY(xy, at.p, n);
    at.p += n;
    if (ring.length < 8) return -1;
    const area = signedArea2(ring);
    if (area !== 0 && area > 0 !== (k === 0)) return -1;
    out.push(ring);
  }
  return i;
}

/**
 * True when `checkGeometry` would pass this geometry as it is: no fix, no problem. The decoder has
 * already declined empty lists and positions that are not two finite numbers.
 */
export function flatIsClean(g: FlatGeometry): boolean {
  used = 0;
  const c = g.counts;
  switch (g.type) {
    case 1:
    case 4:
      return true;
    case 2:
      return distinctXY(g.xy, 0, c[g.start]).length >= 4;
    case 5: {
      let at = 0;
      for (let k = 0, i = g.start + 1; k < c[g.start]; k++, i++) {
        if (distinctXY(g.xy, at, c[i]).length < 4) return false;
        at += c[i];
      }
      return true;
    }
    case 3: {
      const rings: Float64Array[] = [];
      if (polygonRings(g, g.start, { p: 0 }, rings) < 0) return false;
      return findRingIntersection([rings]) === null;
    }
    case 6: {
      const polygons: Float64Array[][] = [];
      const at = { p: 0 };
      let i = g.start + 1;
      for (let k = 0; k < c[g.start]; k++) {
        const rings: Float64Array[] = [];
        i = polygonRings(g, i, at, rings);
        if (i < 0) return false;
        polygons.push(rings);
      }
      return findRingIntersection(polygons) === null;
    }
    default:
      return false;
  }
}

/**
 * Fits the geometry to the layer's type as `fitGeometry` does (a single part into a Multi* layer is
 * wrapped, in place); false when it cannot go there.
 */
export function fitFlat(g: FlatGeometry, layerType: GeometryTypeName): boolean {
  const want = layerType.toUpperCase();
  const have = FLAT_TYPE_NAMES[g.type].toUpperCase();
  if (want === 'GEOMETRY' || want === have) return true;
  if (g.type <= 3 && want === `MULTI${have}`) {
    g.start--;
    g.counts[g.start] = 1;
    g.type += 3;
    return true;
  }
  return false;
}

/** Maps every position through `fn` (e.g. a CRS's toWgs84), in place. */
export function transformFlat(g: FlatGeometry, fn: (xy: [number, number]) => [number, number]): void {
  const xy = g.xy;
  for (let i = 0, n = g.points * 2; i < n; i += 2) {
    const out = fn([xy[i], xy[i + 1]]);
    xy[i] = out[0];
    xy[i + 1] = out[1];
  }
}
