/**
 * Coordinate systems for import and export: resolve what a file or user names, convert to and from
 * the WGS84 lon/lat the project stores, and judge whether coordinates fit a CRS.
 */
export type { CrsDef, CrsTransform, XY } from './types.ts';
export { resolveCrs, describeCrs, COMMON_CRS } from './resolve.ts';
export { crsFromWkt, codeFromCrsName } from './wkt.ts';
export {
  crsByCode,
  crsById,
  builtInCrs,
  lookupCode,
  setCodeLookup,
  hasCodeLookup,
  GCJ02_CRS,
  BD09_CRS,
  type CodeLookup,
  type CodeLookupResult,
} from './catalog.ts';
export { chinaCrs, gkZoneOf, gkCode, GK_RANGES, type GkRange, type GkZone } from './epsg-china.ts';
export { worldCrs, utmZoneOf, WGS84_PROJ4 } from './epsg-world.ts';
export { createTransform, transformGeometry, isIdentity } from './transform.ts';
export {
  checkCoordinates,
  guessCrsCandidates,
  CHINA_BOX,
  type CoordinateCheck,
  type CoordinateProblem,
  type LonLatBox,
} from './plausibility.ts';
