import proj4, { type Converter } from 'proj4';
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import { AtlasError } from '../api/errors.ts';
import type { CrsDef, CrsTransform, XY } from './types.ts';
import { BD09_CRS, GCJ02_CRS } from './catalog.ts';
import { WGS84_PROJ4 } from './epsg-world.ts';

/** CRSs whose lon/lat the app stores as they are (CGCS2000 is taken as equal to WGS84). */
const IDENTITY_IDS = new Set(['EPSG:4326', 'EPSG:4490', 'EPSG:4480']);

/** True when coordinates in `def` are already WGS84 lon/lat for the app's purposes, so no work is needed. */
export function isIdentity(def: CrsDef): boolean {
  return IDENTITY_IDS.has(def.id);
}

function badPoint(xy: readonly number[], def: CrsDef, direction: string): AtlasError {
  const shown = `(${xy.slice(0, 2).join(', ')})`;
  return new AtlasError('bad_coordinates', `The point ${shown} cannot be converted ${direction} ${def.name} (${def.id})`, {
    crs: def.id,
    point: shown,
  });
}

/** Wraps a point conversion so that a non-finite input or result throws 'bad_coordinates' naming the point. */
function guarded(convert: (xy: XY) => number[], def: CrsDef, direction: string): (xy: XY) => XY {
  return (xy) => {
    let out: number[];
    try {
      out = convert([xy[0], xy[1]]);
    } catch {
      throw badPoint(xy, def, direction);
    }
    if (!Number.isFinite(out[0]) || !Number.isFinite(out[1])) throw badPoint(xy, def, direction);
    return [out[0], out[1]];
  };
}

function gcoordTransform(def: CrsDef, crs: typeof gcoord.GCJ02 | typeof gcoord.BD09): CrsTransform {
  return {
    toWgs84: guarded((xy) => gcoord.transform(xy, crs, gcoord.WGS84), def, 'from'),
    fromWgs84: guarded((ll) => gcoord.transform(ll, gcoord.WGS84, crs), def, 'to'),
  };
}

/** A position in a CRS with the axes of a proj4 `+axis=` (e.g. 'wsu': westing, southing) as easting/northing, and back. */
interface AxisOrder {
  toEastNorth(xy: XY): XY;
  fromEastNorth(en: XY): XY;
}

/**
 * The proj4 definition without a `+axis=` other than 'enu' (south-oriented 'wsu' and 'swu' grids of
 * the EPSG registry), and how to turn such positions into easting/northing, which proj4js does not
 * do itself in both directions.
 */
function splitAxis(def: string): { def: string; axis: AxisOrder | null } {
  const m = /\s*\+axis=([ewns])([ewns])[ud]?(?=\s|$)/.exec(def);
  if (!m || (m[1] === 'e' && m[2] === 'n')) return { def, axis: null };
  const [a, b] = [m[1], m[2]];
  // Sign and slot of each input coordinate in (easting, northing).
  const slot = (c: string): [number, 1 | -1] => [c === 'e' || c === 'w' ? 0 : 1, c === 'w' || c === 's' ? -1 : 1];
  const [ia, sa] = slot(a);
  const [ib, sb] = slot(b);
  if (ia === ib) return { def, axis: null };
  return {
    def: def.replace(m[0], ''),
    axis: {
      toEastNorth: (xy) => {
        const out: XY = [0, 0];
        out[ia] = sa * xy[0];
        out[ib] = sb * xy[1];
        return out;
      },
      fromEastNorth: (en) => [sa * en[ia], sb * en[ib]],
    },
  };
}

/**
 * Conversion between `def` and WGS84 lon/lat: proj4 for EPSG and custom definitions, gcoord for
 * GCJ-02 and BD-09 (which it leaves unchanged outside China), nothing for WGS84/CGCS2000.
 * The functions throw AtlasError 'bad_coordinates' for a point that has no image (NaN, off the
 * projection); creating the transform throws 'invalid_argument' for a definition proj4 refuses.
 */
export function createTransform(def: CrsDef): CrsTransform {
  if (isIdentity(def)) return { toWgs84: ([x, y]) => [x, y], fromWgs84: ([lon, lat]) => [lon, lat] };
  if (def.id === GCJ02_CRS.id) return gcoordTransform(def, gcoord.GCJ02);
  if (def.id === BD09_CRS.id) return gcoordTransform(def, gcoord.BD09);
  if (!def.proj4) throw new AtlasError('invalid_argument', `${def.name} (${def.id}) has no definition to convert with`);
  const { def: definition, axis } = splitAxis(def.proj4);
  let converter: Converter;
  try {
    converter = proj4(definition, WGS84_PROJ4);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AtlasError('invalid_argument', `${def.name} (${def.id}) cannot be used for conversion: ${reason}`);
  }
  if (axis) {
    return {
      toWgs84: guarded((xy) => converter.forward(axis.toEastNorth(xy)), def, 'from'),
      fromWgs84: guarded((ll) => {
        const en = converter.inverse(ll);
        return axis.fromEastNorth([en[0], en[1]]);
      }, def, 'to'),
    };
  }
  return {
    toWgs84: guarded((xy) => converter.forward(xy), def, 'from'),
    fromWgs84: guarded((ll) => converter.inverse(ll), def, 'to'),
  };
}

function mapPositions(positions: Position[], fn: (xy: XY) => XY): Position[] {
  return positions.map((p) => fn([p[0], p[1]]));
}

/**
 * A copy of a GeoJSON geometry with every position mapped by `fn` (e.g. a CrsTransform's
 * `toWgs84`). Z and M values are dropped and so is any `bbox`, which would no longer be true.
 * The input is not changed.
 */
export function transformGeometry<G extends Geometry>(geom: G, fn: (xy: XY) => XY): G {
  const g: Geometry = geom;
  let out: Geometry;
  switch (g.type) {
    case 'Point':
      out = { type: 'Point', coordinates: fn([g.coordinates[0], g.coordinates[1]]) };
      break;
    case 'MultiPoint':
    case 'LineString':
      out = { type: g.type, coordinates: mapPositions(g.coordinates, fn) };
      break;
    case 'MultiLineString':
    case 'Polygon':
      out = { type: g.type, coordinates: g.coordinates.map((ring) => mapPositions(ring, fn)) };
      break;
    case 'MultiPolygon':
      out = { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => mapPositions(ring, fn))) };
      break;
    case 'GeometryCollection':
      out = { type: 'GeometryCollection', geometries: g.geometries.map((child) => transformGeometry(child, fn)) };
      break;
  }
  return out as G;
}
