import proj4 from 'proj4';
import { AtlasError } from '../api/errors.ts';
import type { CrsDef } from './types.ts';
import { builtInCrs, crsByCode } from './catalog.ts';
import { BEIJING1954, CGCS2000, XIAN1980 } from './datums.ts';
import { gkCode } from './epsg-china.ts';
import { normalizeWktName, parseWkt, wktChildren, wktEpsgCode, wktName, wktParameters, type WktNode } from './wkt-parse.ts';

const GEOGRAPHIC = ['GEOGCS', 'GEOGCRS', 'GEOGRAPHICCRS'];
const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEODETIC = ['GEODCRS', 'GEODETICCRS'];

/** Geographic and Web Mercator names (normalized, any 'gcs_' prefix removed) as ESRI, EPSG and QGIS write them. */
const NAMED_CODES = new Map<string, number>(Object.entries({
  wgs_1984: 4326,
  wgs_84: 4326,
  wgs84: 4326,
  china_geodetic_coordinate_system_2000: 4490,
  cgcs2000: 4490,
  cgcs_2000: 4490,
  xian_1980: 4610,
  beijing_1954: 4214,
  wgs_1984_web_mercator_auxiliary_sphere: 3857,
  wgs_1984_web_mercator: 3857,
  wgs_84_pseudo_mercator: 3857,
}));

/** 'CGCS2000_3_Degree_GK_CM_120E', 'Xian 1980 / Gauss-Kruger zone 20', 'Beijing_1954_GK_Zone_18N'... */
const GK_NAME = /^(cgcs_?2000|china_geodetic_coordinate_system_2000|xian_?1980|beijing_?1954)_(3_degree_)?(?:gk|gauss_kruger)_(?:cm_(\d+)e|(?:zone_)?(\d+)(n?))$/;
const UTM_NAME = /^wgs_?(?:19)?84_utm_zone_(\d+)([ns])$/;

/**
 * The EPSG code a CRS name stands for ('CGCS2000_3_Degree_GK_Zone_40' → 4528,
 * 'WGS_1984_UTM_Zone_51N' → 32651, 'GCS_WGS_1984' → 4326), or undefined.
 * A zone name ending in N ('Beijing_1954_GK_Zone_18N') is ESRI's spelling of a zone without prefix.
 */
export function codeFromCrsName(name: string): number | undefined {
  const n = normalizeWktName(name).replace(/^gcs_/, '');
  const gk = GK_NAME.exec(n);
  if (gk) {
    const datum = gk[1].startsWith('xian') ? XIAN1980 : gk[1].startsWith('beijing') ? BEIJING1954 : CGCS2000;
    const width = gk[2] ? 3 : 6;
    if (gk[3]) return gkCode(datum, width, false, Number(gk[3]));
    const zone = Number(gk[4]);
    return gkCode(datum, width, gk[5] !== 'n', width === 3 ? zone * 3 : zone * 6 - 3);
  }
  const utm = UTM_NAME.exec(n);
  if (utm && Number(utm[1]) >= 1 && Number(utm[1]) <= 60) return (utm[2] === 'n' ? 32600 : 32700) + Number(utm[1]);
  return NAMED_CODES.get(n);
}

/** The horizontal CRS inside a BOUNDCRS (WKT2 with a datum shift) or a compound CRS; else the node. */
function horizontalCrs(root: WktNode): WktNode {
  if (root.keyword === 'BOUNDCRS') {
    const inner = wktChildren(root, 'SOURCECRS')[0]?.args.find((a): a is WktNode => typeof a === 'object');
    return inner ? horizontalCrs(inner) : root;
  }
  if (root.keyword === 'COMPD_CS' || root.keyword === 'COMPOUNDCRS') {
    return wktChildren(root, ...GEOGRAPHIC, ...PROJECTED, ...GEODETIC)[0] ?? root;
  }
  return root;
}

function isGeographic(node: WktNode): boolean | undefined {
  if (GEOGRAPHIC.includes(node.keyword)) return true;
  if (PROJECTED.includes(node.keyword)) return false;
  if (GEODETIC.includes(node.keyword)) return wktChildren(node, 'CS')[0]?.args[0] === 'ellipsoidal';
  return undefined;
}

/** True when every projection parameter both WKTs state has the same value (a renamed custom zone fails). */
function sameParameters(node: WktNode, def: CrsDef): boolean {
  const ours = def.prjWkt ? parseWkt(def.prjWkt) : undefined;
  if (!ours) return true;
  const want = wktParameters(ours);
  for (const [key, value] of wktParameters(node)) {
    const expected = want.get(key);
    if (expected !== undefined && Math.abs(expected - value) > 1e-9 * Math.max(1, Math.abs(expected))) return false;
  }
  return true;
}

/** True when the WKT states its own datum shift (a non-zero TOWGS84), which our table entries lack. */
function hasOwnDatumShift(wkt: string): boolean {
  const shift = /TOWGS84\s*[[(]([^\])]*)[\])]/i.exec(wkt);
  return !!shift && shift[1].split(',').some((v) => Number(v) !== 0);
}

function invalid(message: string, given: string): AtlasError {
  return new AtlasError('invalid_file', message, { given: given.slice(0, 200) });
}

/** proj4's own parse of a WKT we have no table entry for; the WKT itself serves as the proj4 definition. */
function customCrs(text: string, node: WktNode): CrsDef {
  const name = wktName(node) || 'unnamed CRS';
  let projection: InstanceType<typeof proj4.Proj>;
  try {
    projection = new proj4.Proj(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw invalid(`The coordinate system "${name}" in this WKT is not supported: ${reason}`, text);
  }
  if (projection.names.includes('geocent')) {
    throw invalid(`"${name}" is a geocentric (X/Y/Z) coordinate system, which cannot place map data`, text);
  }
  const code = wktEpsgCode(node);
  return {
    id: 'CUSTOM',
    name: code === undefined ? name : `${name} (EPSG:${code})`,
    geographic: projection.names.includes('longlat'),
    proj4: text,
    ...(node.keyword === 'PROJCS' || node.keyword === 'GEOGCS' ? { prjWkt: text } : {}),
  };
}

/**
 * A CRS from WKT (OGC WKT 1, WKT 2 or ESRI, e.g. a shapefile .prj): by the outermost EPSG
 * authority (built in, or from the EPSG registry where one is installed and the WKT states no
 * datum shift of its own), else by a known name (unless its parameters differ or it states its own TOWGS84),
 * else proj4's WKT parser with id 'CUSTOM' (the WKT becomes the proj4 definition, and the .prj
 * text to write back when it is WKT 1).
 * Throws AtlasError 'invalid_file' for text that is not a usable WKT CRS.
 */
export function crsFromWkt(wkt: string): CrsDef {
  const text = wkt.trim();
  const root = parseWkt(text);
  if (!root) throw invalid(`Not a well-formed WKT coordinate system: "${text.slice(0, 60)}"`, text);
  const node = horizontalCrs(root);
  const geographic = isGeographic(node);
  if (geographic === undefined) throw invalid(`A ${node.keyword} is not a horizontal coordinate system: "${text.slice(0, 60)}"`, text);
  const byCode = wktEpsgCode(node);
  const builtIn = byCode === undefined ? undefined : builtInCrs(byCode);
  if (builtIn) return builtIn;
  // A code from the EPSG registry (Node side), unless the WKT states its own datum shift.
  const listed = byCode === undefined || hasOwnDatumShift(text) ? undefined : crsByCode(byCode);
  if (listed && listed.geographic === geographic) return listed;
  const nameCode = codeFromCrsName(wktName(node));
  const named = nameCode === undefined ? undefined : builtInCrs(nameCode);
  if (named && named.geographic === geographic && sameParameters(node, named) && !hasOwnDatumShift(text)) return named;
  return customCrs(text, node);
}
