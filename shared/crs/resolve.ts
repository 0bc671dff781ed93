import proj4 from 'proj4';
import { AtlasError } from '../api/errors.ts';
import type { CrsDef } from './types.ts';
import { BD09_CRS, GCJ02_CRS, crsById, hasCodeLookup, lookupCode } from './catalog.ts';
import { crsFromWkt } from './wkt.ts';

/** Names people type for a CRS, with spaces, '-' and '_' removed, in lower case. */
const ALIASES = new Map<string, string>(Object.entries({
  gcj02: 'GCJ02',
  gcj: 'GCJ02',
  amap: 'GCJ02',
  gaode: 'GCJ02',
  bd09: 'BD09',
  bd09ll: 'BD09',
  baidu: 'BD09',
  wgs84: 'EPSG:4326',
  wgs1984: 'EPSG:4326',
  crs84: 'EPSG:4326',
  cgcs2000: 'EPSG:4490',
  webmercator: 'EPSG:3857',
}));

/** 'EPSG:4549', 'epsg::4549', '4549', 'urn:ogc:def:crs:EPSG::4549', 'urn:ogc:def:crs:EPSG:6.6:4549'. */
const EPSG_CODE = /^(?:urn:ogc:def:crs:)?(?:epsg\s*:{0,2}(?:\d+(?:\.\d+)*:)?)?\s*(\d+)$/i;
/** 'http://www.opengis.net/def/crs/EPSG/0/4549' (GML, OGC API). */
const EPSG_URL = /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i;
/** 'OGC:CRS84', 'urn:ogc:def:crs:OGC:1.3:CRS84' (GeoJSON's lon/lat WGS84). */
const CRS84 = /^(?:urn:ogc:def:crs:)?OGC:(?:[\d.]+:)?CRS84$|^https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/[\d.]+\/CRS84$/i;
/** The keywords a WKT CRS can begin with (WKT 1, ESRI, WKT 2). */
const WKT_START =
  /^(?:PROJCS|GEOGCS|GEOCCS|COMPD_CS|LOCAL_CS|VERT_CS|PROJCRS|PROJECTEDCRS|GEOGCRS|GEOGRAPHICCRS|GEODCRS|GEODETICCRS|BOUNDCRS|COMPOUNDCRS|ENGCRS|VERTCRS)\s*[[(]/i;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

function invalid(message: string, given: string, extra: Record<string, string | number> = {}): AtlasError {
  return new AtlasError('invalid_file', message, { given: excerpt(given), ...extra });
}

/**
 * The definition of an EPSG code: built in, else from the installed registry (the Node side has every
 * EPSG code). Throws 'invalid_file' naming the code when it is unknown or cannot place map data.
 */
function fromCode(code: number, given: string): CrsDef {
  const found = lookupCode(code);
  if (found && 'crs' in found) return found.crs;
  if (found) throw invalid(`EPSG:${code} ${found.unusable}`, given, { code });
  const known = hasCodeLookup()
    ? 'is not the code of a coordinate system in the EPSG registry; check the number'
    : 'is not a coordinate system this app knows here (Chinese Gauss-Kruger zones, WGS 84, UTM, Web Mercator)';
  throw invalid(`EPSG:${code} ${known}, or give the coordinate system as WKT (.prj) or a proj4 string`, given, { code });
}

function fromProj4String(text: string): CrsDef {
  let projection: InstanceType<typeof proj4.Proj>;
  try {
    projection = new proj4.Proj(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw invalid(`Not a usable proj4 definition: "${excerpt(text)}" (${reason})`, text);
  }
  if (projection.names.includes('geocent')) throw invalid(`"${excerpt(text)}" is geocentric (X/Y/Z), not a map CRS`, text);
  return { id: 'CUSTOM', name: `proj4 ${excerpt(text)}`, geographic: projection.names.includes('longlat'), proj4: text };
}

/**
 * The CRS a user or a file names: an EPSG code ('EPSG:4549', '4549', URNs), a name ('gcj02',
 * 'GCJ-02', 'bd09', 'wgs84', 'cgcs2000'), a proj4 string ('+proj=...') or WKT (OGC or ESRI, e.g. a
 * shapefile .prj). Strings other than EPSG codes and names get id 'CUSTOM' unless the WKT carries
 * a known EPSG code or name. Throws AtlasError 'invalid_file' saying what was given when the text is
 * none of these (an HTML page saved as .prj, an EPSG code the app has no definition for).
 */
export function resolveCrs(input: string): CrsDef {
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text) throw invalid('The coordinate system definition is empty', input);
  const aliased = crsById(ALIASES.get(text.toLowerCase().replace(/[\s_-]+/g, '')) ?? '');
  if (aliased) return aliased;
  if (CRS84.test(text)) return fromCode(4326, text);
  const code = EPSG_CODE.exec(text) ?? EPSG_URL.exec(text);
  if (code) return fromCode(Number(code[1]), text);
  if (text.startsWith('+') || /(^|\s)\+proj=/.test(text)) return fromProj4String(text);
  if (WKT_START.test(text)) return crsFromWkt(text);
  const what = text.startsWith('<') ? 'This looks like an HTML or XML page, not a CRS definition' : 'Not a CRS definition';
  throw invalid(`${what} (expected an EPSG code, a proj4 string or WKT): "${excerpt(text)}"`, text);
}

/** One line naming a CRS for people: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)'. */
export function describeCrs(def: CrsDef): string {
  if (def.id === GCJ02_CRS.id || def.id === BD09_CRS.id) return `${def.name}, web-map lon/lat`;
  if (def.id === 'CUSTOM') return `${def.name} (custom definition, ${def.geographic ? 'degrees' : 'metres'})`;
  return `${def.name} (${def.id})`;
}

const COMMON_IDS = [
  'EPSG:4326',
  'EPSG:4490',
  'EPSG:4549',
  'EPSG:4528',
  'EPSG:4548',
  'EPSG:4550',
  'EPSG:2385',
  'EPSG:2364',
  'EPSG:2437',
  'EPSG:2416',
  'EPSG:3857',
  'EPSG:32650',
  'EPSG:32651',
  'GCJ02',
  'BD09',
];

/** The CRSs offered in the UI's CRS picker, Jiaxing's first: WGS84, CGCS2000, GK zone 40 / CM 120E... */
export const COMMON_CRS: { id: string; name: string }[] = COMMON_IDS.map((id) => {
  const def = crsById(id);
  if (!def) throw new Error(`COMMON_CRS lists ${id}, which has no definition`);
  return { id: def.id, name: def.name };
});
