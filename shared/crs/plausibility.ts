import type { CrsDef, XY } from './types.ts';
import { crsById } from './catalog.ts';
import { BEIJING1954, CGCS2000, XIAN1980 } from './datums.ts';
import { gkCode, gkZoneOf } from './epsg-china.ts';
import { utmZoneOf } from './epsg-world.ts';
import { createTransform } from './transform.ts';

/** What is wrong with coordinates for the CRS they are said to be in. */
export type CoordinateProblem = 'projected_as_degrees' | 'degrees_as_projected' | 'outside_crs_area' | 'in_ocean';

/** The verdict of checkCoordinates, with an English message naming the CRS and a sample point. */
export interface CoordinateCheck {
  ok: boolean;
  problem?: CoordinateProblem;
  message: string;
}

/** A lon/lat box in degrees. */
export interface LonLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Coarse box around China's land: a Chinese city layer outside it has the wrong CRS. */
export const CHINA_BOX: LonLatBox = { west: 73, south: 18, east: 135, north: 54 };

const WGS84_CRS = crsById('EPSG:4326') as CrsDef;

function inBox([lon, lat]: XY, box: LonLatBox): boolean {
  return lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
}

const show = ([x, y]: XY): string => `(${+x.toFixed(6)}, ${+y.toFixed(6)})`;
const showLonLat = ([lon, lat]: XY): string =>
  `${Math.abs(lon).toFixed(4)}°${lon < 0 ? 'W' : 'E'} ${Math.abs(lat).toFixed(4)}°${lat < 0 ? 'S' : 'N'}`;
const showCrs = (c: { id: string; name: string }): string => (c.id.startsWith('EPSG:') ? `${c.name} (${c.id})` : c.name);

/** Central meridian and the largest believable distance from it, for GK and UTM CRSs. */
function zoneOf(def: CrsDef): { cm: number; maxOffset: number } | undefined {
  const code = /^EPSG:(\d+)$/.exec(def.id);
  const gk = code ? gkZoneOf(Number(code[1])) : undefined;
  if (gk) return { cm: gk.cm, maxOffset: gk.range.width };
  const utm = code ? utmZoneOf(Number(code[1])) : undefined;
  if (utm) return { cm: utm.zone * 6 - 183, maxOffset: 6 };
  const lon0 = def.proj4 && /\+proj=tmerc\b/.test(def.proj4) ? /\+lon_0=(-?[\d.]+)/.exec(def.proj4) : null;
  return lon0 ? { cm: Number(lon0[1]), maxOffset: /3[-_ ]degree/i.test(def.name) ? 3 : 6 } : undefined;
}

function check(points: XY[], def: CrsDef | null, area: LonLatBox | null): CoordinateCheck {
  const crs = def ?? WGS84_CRS;
  const label = def ? showCrs(crs) : 'WGS 84 lon/lat (no CRS given)';
  const fail = (problem: CoordinateProblem, message: string): CoordinateCheck => ({ ok: false, problem, message });
  if (crs.geographic) {
    const bad = points.find(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90);
    if (bad) {
      return fail(
        'projected_as_degrees',
        `${label} is in degrees, but ${show(bad)} is beyond ±180 / ±90: these look like projected metres, not longitude/latitude.`,
      );
    }
  } else if (points.every(([x, y]) => Math.abs(x) < 1000 && Math.abs(y) < 1000)) {
    return fail(
      'degrees_as_projected',
      `${label} is in metres, but every coordinate, e.g. ${show(points[0])}, is below 1000: these look like longitude/latitude in degrees.`,
    );
  }
  const transform = createTransform(crs);
  const lonLats: XY[] = [];
  for (const p of points) {
    try {
      lonLats.push(transform.toWgs84(p));
    } catch {
      return fail('outside_crs_area', `${show(p)} cannot be converted from ${label}: it lies outside the area this CRS covers.`);
    }
  }
  const zone = zoneOf(crs);
  if (zone) {
    const offset = (ll: XY): number => Math.abs(((ll[0] - zone.cm + 540) % 360) - 180);
    const far = lonLats.findIndex((ll) => offset(ll) > zone.maxOffset);
    if (far >= 0) {
      return fail(
        'outside_crs_area',
        `${show(points[far])} in ${label} lands at ${showLonLat(lonLats[far])}, ${offset(lonLats[far]).toFixed(1)}° from the ` +
          `zone's central meridian ${zone.cm}°E (more than ${zone.maxOffset}°): wrong zone or wrong CRS.`,
      );
    }
  }
  const outside = area ? lonLats.filter((ll) => !inBox(ll, area)) : [];
  if (area && outside.length) {
    const i = lonLats.indexOf(outside[0]);
    return fail(
      'in_ocean',
      `${outside.length} of ${points.length} sample points, e.g. ${show(points[i])} in ${label} → ${showLonLat(lonLats[i])}, ` +
        `land outside China (${area.west}-${area.east}°E, ${area.south}-${area.north}°N), in the sea or another country.`,
    );
  }
  return { ok: true, message: `Coordinates fit ${label}: e.g. ${show(points[0])} → ${showLonLat(lonLats[0])}.` };
}

const finite = (points: XY[]): XY[] => points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));

/**
 * Whether sample coordinates can be right for `def` (null: no CRS, read as WGS84 lon/lat): catches
 * projected metres read as degrees, degrees read as metres, points far from a Gauss-Kruger/UTM
 * zone's central meridian (more than 3° for 3-degree zones, 6° otherwise) and, unless
 * `options.area` is null, points that land outside China. A failed check's message ends with the
 * likeliest CRSs from guessCrsCandidates when there are any.
 */
export function checkCoordinates(sampleXY: XY[], def: CrsDef | null, options: { area?: LonLatBox | null } = {}): CoordinateCheck {
  const points = finite(sampleXY);
  if (!points.length) return { ok: true, message: 'No finite coordinates to check.' };
  const result = check(points, def, options.area === undefined ? CHINA_BOX : options.area);
  if (result.ok) return result;
  const others = guessCrsCandidates(points).filter((c) => c.id !== (def ?? WGS84_CRS).id);
  if (!others.length) return result;
  const names = others.slice(0, 3).map(showCrs);
  return { ...result, message: `${result.message} Perhaps ${names.join(' or ')}?` };
}

/** Candidate ids for projected numbers, most likely first, before they are checked against China. */
function projectedIds(points: XY[]): string[] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const within = (v: number[], lo: number, hi: number): boolean => v.every((n) => n >= lo && n <= hi);
  const ids: string[] = [];
  // Web Mercator over China: x 8.1e6..1.51e7 (73-135E), y 2.0e6..7.2e6 (18-54N).
  if (within(xs, 8.1e6, 1.52e7) && within(ys, 1.9e6, 7.3e6)) ids.push('EPSG:3857');
  // GK with zone prefix: the millions of the easting are the zone number.
  const zones = new Set(xs.map((x) => Math.floor(x / 1e6)));
  if (zones.size === 1 && within(ys, 1.9e6, 6.2e6)) {
    const [zone] = zones;
    const [width, cm] = zone >= 25 && zone <= 45 ? [3 as const, zone * 3] : [6 as const, zone * 6 - 3];
    for (const datum of [CGCS2000, XIAN1980, BEIJING1954]) {
      const code = gkCode(datum, width, true, cm);
      if (code) ids.push(`EPSG:${code}`);
    }
  }
  // GK without prefix (or UTM): the zone cannot be told from the numbers; Jiaxing's CM 120E first.
  if (within(xs, 1e5, 9e5) && within(ys, 1.9e6, 6.2e6)) {
    ids.push('EPSG:4549', 'EPSG:4548', 'EPSG:4550', 'EPSG:2385', 'EPSG:2437', 'EPSG:32651', 'EPSG:32650');
  }
  return ids;
}

/**
 * CRSs that data without one may be in, judged from sample coordinates, most likely first; each is
 * checked to put the points in China. Lon/lat in China → WGS84, GCJ-02, BD-09 (lon/lat elsewhere →
 * WGS84); eastings with a zone prefix (40,5xx,xxx) → that GK zone (CGCS2000, then Xian 1980 and
 * Beijing 1954); 6-digit eastings → CGCS2000 GK CM 120E, 117E, 123E and the older datums and UTM;
 * Web Mercator-sized numbers → EPSG:3857. Empty when nothing fits.
 */
export function guessCrsCandidates(sampleXY: XY[]): { id: string; name: string }[] {
  const points = finite(sampleXY);
  if (!points.length) return [];
  if (points.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
    const inChina = points.every((p) => inBox(p, CHINA_BOX));
    return (inChina ? ['EPSG:4326', 'GCJ02', 'BD09'] : ['EPSG:4326']).map((id) => {
      const def = crsById(id) as CrsDef;
      return { id: def.id, name: def.name };
    });
  }
  return projectedIds(points)
    .map((id) => crsById(id))
    .filter((def): def is CrsDef => def !== undefined && check(points, def, CHINA_BOX).ok)
    .map((def) => ({ id: def.id, name: def.name }));
}
