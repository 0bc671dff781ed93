import type { CrsDef } from './types.ts';
import { WGS84 } from './datums.ts';
import { esriGeogcs, esriProjcs, esriTransverseMercator } from './esri-wkt.ts';

/** proj4 string of WGS84 lon/lat, the app's storage CRS. */
export const WGS84_PROJ4 = '+proj=longlat +datum=WGS84 +no_defs';

/** Unofficial codes for Web Mercator still seen in files and web services. */
const WEB_MERCATOR_ALIASES = new Set([900913, 102100, 102113]);

const WEB_MERCATOR_WKT = esriProjcs('WGS_1984_Web_Mercator_Auxiliary_Sphere', WGS84, 'Mercator_Auxiliary_Sphere', [
  ['False_Easting', 0],
  ['False_Northing', 0],
  ['Central_Meridian', 0],
  ['Standard_Parallel_1', 0],
  ['Auxiliary_Sphere_Type', 0],
]);

/** The UTM zone of an EPSG code in 32601-32660 (north) or 32701-32760 (south). */
export function utmZoneOf(code: number): { zone: number; south: boolean } | undefined {
  if (code >= 32601 && code <= 32660) return { zone: code - 32600, south: false };
  if (code >= 32701 && code <= 32760) return { zone: code - 32700, south: true };
  return undefined;
}

function utmCrs(code: number, zone: number, south: boolean): CrsDef {
  const hemi = south ? 'S' : 'N';
  return {
    id: `EPSG:${code}`,
    name: `WGS 84 / UTM zone ${zone}${hemi}`,
    geographic: false,
    proj4: `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`,
    prjWkt: esriTransverseMercator(`WGS_1984_UTM_Zone_${zone}${hemi}`, WGS84, 'Transverse_Mercator', {
      lon0: zone * 6 - 183,
      k: 0.9996,
      x0: 500_000,
      y0: south ? 10_000_000 : 0,
    }),
  };
}

/**
 * Definitions of worldwide CRSs by EPSG code: WGS84 (4326), Web Mercator (3857, also under the
 * unofficial 900913 / 102100 / 102113) and WGS84 UTM zones. Returns undefined for any other code.
 */
export function worldCrs(code: number): CrsDef | undefined {
  if (code === 4326) {
    return { id: 'EPSG:4326', name: 'WGS 84', geographic: true, proj4: WGS84_PROJ4, prjWkt: esriGeogcs(WGS84) };
  }
  if (code === 3857 || WEB_MERCATOR_ALIASES.has(code)) {
    return {
      id: 'EPSG:3857',
      name: 'WGS 84 / Pseudo-Mercator (Web Mercator)',
      geographic: false,
      // As GDAL writes it: spherical Mercator on WGS84 lon/lat, no datum shift (@null grid).
      proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
      prjWkt: WEB_MERCATOR_WKT,
    };
  }
  const utm = utmZoneOf(code);
  return utm ? utmCrs(code, utm.zone, utm.south) : undefined;
}
