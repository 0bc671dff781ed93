import type { Feature, Geometry, LineString, MultiPolygon, Point, Position } from 'geojson';

/**
 * Small planar helpers for laying out seed data around Jiaxing. Distances work in a local equirectangular
 * frame (metres east / north of a reference point): at city scale (< 20 km) its error is far below what
 * demo data needs, and it keeps the hot paths free of Turf.
 */

/** Latitude the metric conversions are taken at (Jiaxing centre). */
export const REF_LAT = 30.755;
/** Metres per degree of latitude near 30.75°N (WGS84 ellipsoid). */
export const M_PER_DEG_LAT = 110_852;
/** Metres per degree of longitude at {@link REF_LAT}. */
export const M_PER_DEG_LON = 111_320 * Math.cos((REF_LAT * Math.PI) / 180);

/** Rounds to 6 decimals (≈ 0.1 m), the precision every seed coordinate is written at. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Degrees of longitude spanning `metres` east–west. */
export const lonDeg = (metres: number): number => metres / M_PER_DEG_LON;
/** Degrees of latitude spanning `metres` north–south. */
export const latDeg = (metres: number): number => metres / M_PER_DEG_LAT;

/** A position moved `dx` metres east and `dy` metres north. */
export function shift(p: Position, dx: number, dy: number): Position {
  return [p[0] + lonDeg(dx), p[1] + latDeg(dy)];
}

/** Planar distance in metres between two lon/lat positions. */
export function distanceM(a: Position, b: Position): number {
  return Math.hypot((a[0] - b[0]) * M_PER_DEG_LON, (a[1] - b[1]) * M_PER_DEG_LAT);
}

/** Shoelace area in degree units: positive when the ring runs counter-clockwise. */
export function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/**
 * Rounds a ring to 6 decimals, drops repeated positions that rounding can create, closes it and gives
 * it the RFC 7946 winding (outer rings counter-clockwise, holes clockwise).
 */
export function finishRing(ring: Position[], outer: boolean): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round6(p[0]), round6(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] === last[0] && first[1] === last[1]) out.pop();
  out.push([first[0], first[1]]);
  if (signedArea(out) > 0 !== outer) out.reverse();
  return out;
}

/** A MultiPolygon from polygons given as ring lists (first ring outer, the rest holes). */
export function multiPolygon(polygons: Position[][][]): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: polygons.map((rings) => rings.map((ring, i) => finishRing(ring, i === 0))),
  };
}

/** A LineString rounded to 6 decimals. */
export function lineString(coords: Position[]): LineString {
  return { type: 'LineString', coordinates: coords.map((p) => [round6(p[0]), round6(p[1])]) };
}

/** A Point rounded to 6 decimals. */
export function point(p: Position): Point {
  return { type: 'Point', coordinates: [round6(p[0]), round6(p[1])] };
}

/** A GeoJSON feature with the given properties. */
export function feature<G extends Geometry>(geometry: G, properties: Record<string, string | number>): Feature<G> {
  return { type: 'Feature', properties, geometry };
}

/** An axis-aligned rectangle ring (counter-clockwise, closed). */
export function rectRing(west: number, south: number, east: number, north: number): Position[] {
  return [[west, south], [east, south], [east, north], [west, north], [west, south]];
}

/**
 * A polyline offset sideways by `metres` (positive = to the left of the direction of travel), with
 * mitred corners. Meant for the gentle bends of canals and greenways, not for hairpins.
 */
export function offsetLine(coords: Position[], metres: number): Position[] {
  const xy = coords.map((p) => [p[0] * M_PER_DEG_LON, p[1] * M_PER_DEG_LAT]);
  const normals: number[][] = [];
  for (let i = 0; i < xy.length - 1; i++) {
    const dx = xy[i + 1][0] - xy[i][0];
    const dy = xy[i + 1][1] - xy[i][1];
    const len = Math.hypot(dx, dy);
    normals.push([-dy / len, dx / len]);
  }
  return xy.map((p, i) => {
    const a = normals[Math.max(0, i - 1)];
    const b = normals[Math.min(normals.length - 1, i)];
    const mx = a[0] + b[0];
    const my = a[1] + b[1];
    const ml = Math.hypot(mx, my);
    const ux = mx / ml;
    const uy = my / ml;
    // Stretching along the mitre keeps both offset segments exactly `metres` from the originals.
    const k = metres / (ux * a[0] + uy * a[1]);
    return [(p[0] + ux * k) / M_PER_DEG_LON, (p[1] + uy * k) / M_PER_DEG_LAT];
  });
}

/** A ring enclosing a strip `width` metres wide centred on a polyline (a canal, a linear park). */
export function stripRing(coords: Position[], width: number): Position[] {
  const left = offsetLine(coords, width / 2);
  const right = offsetLine(coords, -width / 2).reverse();
  return [...left, ...right, left[0]];
}

/** Positions along a polyline between fractions `from` and `to` of its length (0–1). */
export function sliceLine(coords: Position[], from: number, to: number): Position[] {
  const lens = [0];
  for (let i = 1; i < coords.length; i++) lens.push(lens[i - 1] + distanceM(coords[i - 1], coords[i]));
  const total = lens[lens.length - 1];
  const at = (d: number): Position => {
    let i = 1;
    while (i < lens.length - 1 && lens[i] < d) i++;
    const t = (d - lens[i - 1]) / (lens[i] - lens[i - 1]);
    return [coords[i - 1][0] + t * (coords[i][0] - coords[i - 1][0]), coords[i - 1][1] + t * (coords[i][1] - coords[i - 1][1])];
  };
  const a = from * total;
  const b = to * total;
  return [at(a), ...coords.filter((_, i) => lens[i] > a && lens[i] < b), at(b)];
}
