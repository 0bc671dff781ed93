import { PROJ_HELMERTS, type ProjArea, type ProjCandidate, type ProjShift } from './proj-helmerts.ts';

// PROJ's choice of datum shift for an EPSG code (from the table generated out of proj.db), applied
// to epsg-index's proj4 definition where the two disagree.

const toRad = Math.PI / 180;

/** The centre of an area of use [north, west, south, east] as lon/lat (across the antimeridian when east < west). */
export function centreOf(bbox: number[]): [number, number] {
  const [north, west, south, east] = bbox;
  const lon = east >= west ? (west + east) / 2 : ((west + east + 360) / 2 + 540) % 360 - 180;
  return [lon, (north + south) / 2];
}

function contains(area: ProjArea, [lon, lat]: [number, number]): boolean {
  if (!area) return true;
  const [west, south, east, north] = area;
  if (lat < south || lat > north) return false;
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

/** Ellipsoids of the proj4 datums epsg-index names, for when a datum shift replaces the datum's own. */
const DATUM_ELLIPSOIDS: Record<string, string> = { WGS84: 'WGS84', NAD83: 'GRS80', NAD27: 'clrk66' };

/**
 * The datum shift PROJ (so GDAL) uses for a geographic CRS at the centre of a code's area, from
 * PROJ_HELMERTS, chosen as PROJ chooses one point by point (so a single shift for the whole code
 * matches GDAL only where one candidate covers the code's area). Undefined where epsg-index agrees
 * with PROJ (the datum is not in the table) or no candidate covers the centre.
 */
export function projShiftAt(geographicCode: number | undefined, bbox: number[] | null | undefined): ProjShift | undefined {
  const candidates = geographicCode === undefined ? undefined : PROJ_HELMERTS.get(geographicCode);
  if (!candidates || !bbox || bbox.length !== 4) return undefined;
  const centre = centreOf(bbox);
  // As PROJ's proj_trans for a point: of the candidates whose area contains it, the most accurate;
  // offshore-only areas and the ballpark only when nothing else covers it; the smaller area of equals.
  const rank = ([, opArea, accuracy, offshore]: ProjCandidate): [number, number] => [
    (offshore ? 1 : 0) * 4e9 + (typeof accuracy === 'number' ? accuracy : accuracy === null ? 1e9 : 2e9),
    overlap(opArea, null),
  ];
  let best: [ProjCandidate, [number, number]] | undefined;
  for (const c of candidates) {
    if (!contains(c[1], centre)) continue;
    const r = rank(c);
    if (!best || r[0] < best[1][0] || (r[0] === best[1][0] && r[1] < best[1][1])) best = [c, r];
  }
  return best?.[0][0];
}

/** The longitude spans [west, east] of an area, split at the antimeridian. */
function lonSpans(area: [number, number, number, number]): [number, number][] {
  const [west, , east] = area;
  return west <= east ? [[west, east]] : [[west, 180], [-180, east]];
}

/** PROJ's "pseudo area" of the overlap of two areas of use (longitude span × difference of sines of latitude); null is the world. */
function overlap(a: ProjArea, b: ProjArea): number {
  const full: [number, number, number, number] = [-180, -90, 180, 90];
  const [pa, pb] = [a ?? full, b ?? full];
  const south = Math.max(pa[1], pb[1]);
  const north = Math.min(pa[3], pb[3]);
  if (north <= south) return 0;
  let lon = 0;
  for (const [w1, e1] of lonSpans(pa)) for (const [w2, e2] of lonSpans(pb)) lon += Math.max(0, Math.min(e1, e2) - Math.max(w1, w2));
  return lon * (Math.sin(north * toRad) - Math.sin(south * toRad));
}

/**
 * The definition with PROJ's datum shift where epsg-index's +towgs84 differs from it (missing,
 * rotations of the wrong sign, another transformation, a shift where PROJ has none): `towgs84` is
 * the new shift ('' for none), absent when nothing changed. Definitions with datum shift grids are
 * left to withUsableGrids.
 */
export function withProjShift(def: string, shift: ProjShift | undefined): { proj4: string; towgs84?: string } {
  if (shift === undefined || shift === 'grid' || /\+nadgrids=/.test(def)) return { proj4: def };
  const datum = /\s*\+datum=(\S+)/.exec(def);
  if (datum && (shift === null ? datum[1] === 'WGS84' : !DATUM_ELLIPSOIDS[datum[1]])) return { proj4: def };
  let out = datum ? def.replace(datum[0], ` +ellps=${DATUM_ELLIPSOIDS[datum[1]]}`) : def;
  out = out.replace(/\s*\+towgs84=\S+/, '');
  if (shift !== null) out = out.replace(/(\s\+units=|\s\+no_defs|$)/, ` +towgs84=${shift}$1`);
  return out === def ? { proj4: def } : { proj4: out, towgs84: shift ?? '' };
}
