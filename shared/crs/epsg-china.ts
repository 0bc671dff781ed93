import type { CrsDef } from './types.ts';
import { BEIJING1954, CGCS2000, XIAN1980, type Datum } from './datums.ts';
import { esriGeogcs, esriTransverseMercator } from './esri-wkt.ts';

/**
 * A run of consecutive EPSG codes for Gauss-Kruger zones of one datum, zone width and easting style.
 * Every run covers central meridians 75E..135E in steps of `width` degrees, one code per zone.
 */
export interface GkRange {
  first: number;
  last: number;
  datum: Datum;
  /** Zone width in degrees: 3-degree zones 25..45 (CM = 3 * zone), 6-degree zones 13..23 (CM = 6 * zone - 3). */
  width: 3 | 6;
  /** True when the false easting carries the zone number: zone * 1,000,000 + 500,000. */
  prefixed: boolean;
  /** Set on EPSG:21473-21483, deprecated duplicates of 21453-21463 named 'Gauss-Kruger 13N'. */
  deprecated?: true;
}

/** All GK code runs, checked against GDAL 3.6 by tests/shared/crs/epsg-ranges.test.ts. */
export const GK_RANGES: readonly GkRange[] = [
  { first: 4513, last: 4533, datum: CGCS2000, width: 3, prefixed: true },
  { first: 4534, last: 4554, datum: CGCS2000, width: 3, prefixed: false },
  { first: 4491, last: 4501, datum: CGCS2000, width: 6, prefixed: true },
  { first: 4502, last: 4512, datum: CGCS2000, width: 6, prefixed: false },
  { first: 2349, last: 2369, datum: XIAN1980, width: 3, prefixed: true },
  { first: 2370, last: 2390, datum: XIAN1980, width: 3, prefixed: false },
  { first: 2327, last: 2337, datum: XIAN1980, width: 6, prefixed: true },
  { first: 2338, last: 2348, datum: XIAN1980, width: 6, prefixed: false },
  { first: 2401, last: 2421, datum: BEIJING1954, width: 3, prefixed: true },
  { first: 2422, last: 2442, datum: BEIJING1954, width: 3, prefixed: false },
  { first: 21413, last: 21423, datum: BEIJING1954, width: 6, prefixed: true },
  { first: 21453, last: 21463, datum: BEIJING1954, width: 6, prefixed: false },
  { first: 21473, last: 21483, datum: BEIJING1954, width: 6, prefixed: false, deprecated: true },
];

/** One Gauss-Kruger zone as defined by an EPSG code. */
export interface GkZone {
  code: number;
  range: GkRange;
  zone: number;
  /** Central meridian, degrees east. */
  cm: number;
  falseEasting: number;
}

/** The GK zone an EPSG code stands for, or undefined when the code is not in GK_RANGES. */
export function gkZoneOf(code: number): GkZone | undefined {
  const range = GK_RANGES.find((r) => code >= r.first && code <= r.last);
  if (!range) return undefined;
  const cm = 75 + range.width * (code - range.first);
  const zone = range.width === 3 ? cm / 3 : (cm + 3) / 6;
  const falseEasting = range.prefixed ? zone * 1_000_000 + 500_000 : 500_000;
  return { code, range, zone, cm, falseEasting };
}

/** The EPSG code of a GK zone: datum, width, prefix style and central meridian; undefined if none. */
export function gkCode(datum: Datum, width: 3 | 6, prefixed: boolean, cm: number): number | undefined {
  const range = GK_RANGES.find((r) => r.datum === datum && r.width === width && r.prefixed === prefixed && !r.deprecated);
  if (!range || cm < 75 || (cm - 75) % width !== 0) return undefined;
  const code = range.first + (cm - 75) / width;
  return code <= range.last ? code : undefined;
}

function gkNames(z: GkZone): { name: string; esri: string } {
  const { datum, width, prefixed, deprecated } = z.range;
  const degree = width === 3 ? '3-degree ' : '';
  const esriDegree = width === 3 ? '3_Degree_' : '';
  if (deprecated) return { name: `${datum.shortName} / Gauss-Kruger ${z.zone}N (deprecated)`, esri: `${datum.esriPrefix}_GK_Zone_${z.zone}N` };
  if (prefixed) {
    return { name: `${datum.shortName} / ${degree}Gauss-Kruger zone ${z.zone}`, esri: `${datum.esriPrefix}_${esriDegree}GK_Zone_${z.zone}` };
  }
  // ESRI spells out Gauss_Kruger for these few (as GDAL's wkt_esri does).
  const gk = datum === BEIJING1954 && width === 6 ? 'Gauss_Kruger' : 'GK';
  return { name: `${datum.shortName} / ${degree}Gauss-Kruger CM ${z.cm}E`, esri: `${datum.esriPrefix}_${esriDegree}${gk}_CM_${z.cm}E` };
}

/** A Chinese Gauss-Kruger CRS built from its zone parameters. */
function gkCrs(z: GkZone): CrsDef {
  const { name, esri } = gkNames(z);
  const t = { lon0: z.cm, k: 1, x0: z.falseEasting, y0: 0 };
  return {
    id: `EPSG:${z.code}`,
    name,
    geographic: false,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${t.lon0} +k=1 +x_0=${t.x0} +y_0=0 ${z.range.datum.proj4} +units=m +no_defs`,
    prjWkt: esriTransverseMercator(esri, z.range.datum, 'Gauss_Kruger', t),
  };
}

function geographicCrs(code: number, datum: Datum, name: string): CrsDef {
  return { id: `EPSG:${code}`, name, geographic: true, proj4: `+proj=longlat ${datum.proj4} +no_defs`, prjWkt: esriGeogcs(datum) };
}

/**
 * Definitions of Chinese CRSs by EPSG code: CGCS2000 geographic (4490, and 4480, its 3D form, whose
 * heights are dropped), Xian 1980 (4610) and Beijing 1954 (4214) geographic, and every GK zone in
 * GK_RANGES. Returns undefined for any other code.
 */
export function chinaCrs(code: number): CrsDef | undefined {
  if (code === 4490) return geographicCrs(code, CGCS2000, 'CGCS2000');
  if (code === 4480) return geographicCrs(code, CGCS2000, 'CGCS2000 (geographic 3D)');
  if (code === 4610) return geographicCrs(code, XIAN1980, 'Xian 1980');
  if (code === 4214) return geographicCrs(code, BEIJING1954, 'Beijing 1954');
  const zone = gkZoneOf(code);
  return zone ? gkCrs(zone) : undefined;
}
