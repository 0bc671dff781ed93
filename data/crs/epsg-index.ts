import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import proj4 from 'proj4';
import { AtlasError } from '../../shared/api/errors.ts';
import type { CodeLookup, CodeLookupResult } from '../../shared/crs/catalog.ts';
import { WGS84_PROJ4 } from '../../shared/crs/epsg-world.ts';
import type { CrsDef } from '../../shared/crs/types.ts';
import { parseWkt, wktChildren, wktEpsgCode, type WktNode, wktGeographicNode } from '../../shared/crs/wkt-parse.ts';
import { defaultGridDirs, withUsableGrids } from './datum-shifts.ts';
import { centreOf, projShiftAt, withProjShift } from './proj-shift.ts';

declare const __ATLAS_BUNDLED__: boolean | undefined;

/** One file of epsg-index (s/<code>.json), as far as it is used. */
interface IndexEntry {
  code: string;
  kind: string;
  name: string;
  wkt?: string | null;
  proj4?: string | null;
  /** Area of use: north, west, south, east (degrees). */
  bbox?: number[] | null;
  /** Unit of the coordinates, e.g. 'metre', 'degree (supplier to define representation)', 'grad'. */
  unit?: string | null;
}

/**
 * The folder of epsg-index's one-file-per-code JSON (`s/`): beside the Electron bundle the package
 * stays in node_modules (as better-sqlite3 does); otherwise Node resolves it.
 */
export function defaultIndexDir(): string {
  if (typeof __ATLAS_BUNDLED__ !== 'undefined' && __ATLAS_BUNDLED__) {
    return path.join(__dirname, '..', '..', 'node_modules', 'epsg-index', 's');
  }
  return path.join(path.dirname(createRequire(import.meta.url).resolve('epsg-index/package.json')), 's');
}

/** Kinds of entries that can place map data; the others are refused with the reason given. */
const REFUSED: Record<string, string> = {
  'CRS-VERTCRS': 'is a vertical coordinate system (heights only), which cannot place map data; give the horizontal CRS of the data',
  'CRS-GCENCRS': "is geocentric (X/Y/Z from the Earth's centre), which cannot place map data",
  'CRS-ENGCRS': 'is a local engineering coordinate system with no tie to the Earth, which cannot place map data',
};
const USABLE = new Set(['CRS-PROJCRS', 'CRS-GEOGCRS', 'CRS-GEOG3DCRS', 'CRS-COMPOUNDCRS', 'CRS-DRVDCRS']);

/**
 * Ellipsoids proj4js does not know by name (it takes them silently as WGS 84): WGS 72 (proj4js
 * spells its key 'WGS7') and GSK-2011, with a and 1/f as PROJ's proj.db has them.
 */
const ELLIPSOIDS: Record<string, string> = { WGS72: '+a=6378135 +rf=298.26', GSK2011: '+a=6378136.5 +rf=298.2564151' };

/**
 * proj4 parameters proj4js has no use for (the CRS marker, the vertical part of a compound CRS)
 * removed, and ellipsoids it does not know given by value.
 */
function cleanProj4(def: string): string {
  return def
    .replace(/\s*\+(?:type=crs|geoidgrids=\S+|vunits=\S+|vto_meter=\S+)/g, '')
    .replace(/\+ellps=(\S+)/, (m, name: string) => ELLIPSOIDS[name] ?? m)
    .trim();
}

/**
 * WKT 1 to write as a .prj: the grid extension removed, and the Helmert shift stated when one replaced
 * it; a TOWGS84 the WKT states made PROJ's shift (`projShift`, '' for none) when that replaced it.
 */
function prjWktOf(wkt: string, towgs84: string | undefined, projShift?: string): string | undefined {
  if (!/^(PROJCS|GEOGCS)\[/.test(wkt)) return undefined;
  const out = wkt.replace(/,EXTENSION\["PROJ4_GRIDS","[^"]*"\]/, towgs84 ? `,TOWGS84[${towgs84}]` : '');
  if (projShift === undefined) return out;
  return out.replace(/,TOWGS84\[[^\]]*\]/, projShift ? `,TOWGS84[${projShift}]` : '');
}

const toRad = Math.PI / 180;

/** The angle UNIT of a geographic WKT 1 CRS: its name, and whether it is the degree. */
function angleUnit(node: WktNode): { name: string; factor: number } | undefined {
  const unit = wktChildren(node, 'UNIT')[0];
  const [name, factor] = unit?.args ?? [];
  return typeof name === 'string' && typeof factor === 'number' ? { name, factor } : undefined;
}

function inDegrees(node: WktNode): boolean {
  const unit = angleUnit(node);
  return !unit || Math.abs(unit.factor - toRad) < 1e-12;
}

function unitName(node: WktNode): string {
  return angleUnit(node)?.name ?? 'an unknown unit';
}

/** True when the area's centre survives WGS 84 → CRS → WGS 84 (catches projections proj4js cannot invert). */
function roundTrips(converter: proj4.Converter, bbox: number[] | null | undefined): boolean {
  if (!bbox || bbox.length !== 4) return true;
  const centre = centreOf(bbox);
  const xy = converter.inverse(centre);
  const back = converter.forward(xy);
  if (![...xy, ...back].every(Number.isFinite)) return false;
  const dx = (back[0] - centre[0]) * Math.cos(centre[1] * toRad) * 111_320;
  const dy = (back[1] - centre[1]) * 110_574;
  return Math.hypot(dx, dy) < 1;
}

function definitionOf(entry: IndexEntry, gridDirs: readonly string[]): CodeLookupResult {
  const code = Number(entry.code);
  const refused = REFUSED[entry.kind];
  if (refused) return { unusable: `(${entry.name}) ${refused}` };
  if (!USABLE.has(entry.kind)) return { unusable: `(${entry.name}) is a ${entry.kind.replace(/^CRS-/, '')}, which cannot place map data` };
  const wktNode = entry.wkt ? parseWkt(entry.wkt) : undefined;
  const geog = wktNode ? wktGeographicNode(wktNode) : undefined;
  // A compound CRS's horizontal part (NTF (Paris) + NGF IGN69 height is in grads, as NTF (Paris) is).
  const horizontal = wktNode?.keyword === 'COMPD_CS' ? wktChildren(wktNode, 'GEOGCS', 'PROJCS')[0] : wktNode;
  const geographicKind = entry.kind === 'CRS-GEOGCRS' || entry.kind === 'CRS-GEOG3DCRS';
  const otherAngle = geographicKind && entry.unit && !/^degree/.test(entry.unit) ? entry.unit : horizontal?.keyword === 'GEOGCS' && !inDegrees(horizontal) ? unitName(horizontal) : null;
  if (otherAngle) {
    return { unusable: `(${entry.name}) gives longitude and latitude in ${otherAngle}, not degrees, which this app cannot read; give it as a proj4 string instead` };
  }
  const geographicCode = geog ? wktEpsgCode(geog) : geographicKind ? code : undefined;
  const projShift = projShiftAt(geographicCode, entry.bbox);
  const shifted = entry.proj4 ? withProjShift(cleanProj4(entry.proj4), projShift) : undefined;
  // Without its grid, a datum converts as PROJ does then: with PROJ's Helmert shift where it has one.
  const fallback = projShift && projShift !== 'grid' ? { towgs84: projShift, source: 'that PROJ uses for this datum here' } : undefined;
  const grids = shifted ? withUsableGrids(shifted.proj4, geographicCode, gridDirs, fallback) : undefined;
  const def = grids?.proj4 ?? entry.wkt;
  if (!def) return { unusable: `(${entry.name}) has no definition in the EPSG registry copy this app carries` };
  let projection: InstanceType<typeof proj4.Proj>;
  let converter: proj4.Converter;
  try {
    projection = new proj4.Proj(def);
    converter = proj4(def, WGS84_PROJ4);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { unusable: `(${entry.name}) cannot be converted by this app (${reason}); give it as a proj4 string instead` };
  }
  if (projection.names.includes('geocent')) return { unusable: `(${entry.name}) ${REFUSED['CRS-GCENCRS']}` };
  if (!roundTrips(converter, entry.bbox)) {
    return { unusable: `(${entry.name}) cannot be converted reliably by this app (its projection does not invert); give it as a proj4 string instead` };
  }
  const prjWkt = entry.wkt ? prjWktOf(entry.wkt, grids?.towgs84, shifted?.towgs84) : undefined;
  const crs: CrsDef = {
    id: `EPSG:${code}`,
    name: entry.name,
    geographic: projection.names.includes('longlat'),
    proj4: def,
    ...(prjWkt ? { prjWkt } : {}),
    ...(grids?.note ? { note: `EPSG:${code} (${entry.name}): ${grids.note}` } : {}),
  };
  return { crs };
}

export interface EpsgLookupOptions {
  /** Folder of epsg-index's s/<code>.json files; defaultIndexDir() when absent. */
  indexDir?: string;
  /** Folders searched for datum shift grids; defaultGridDirs() when absent. */
  gridDirs?: readonly string[];
}

/**
 * A CodeLookup over epsg-index (every EPSG code, read one small file per code on first use and
 * remembered): the entry's proj4 definition (its WKT when it has none), with datum shift grids made
 * usable (datum-shifts.ts). Vertical, geocentric and engineering CRSs are refused with the reason.
 * Unknown codes give undefined. A missing index is an internal error: the app is installed wrongly.
 */
export function createEpsgLookup(options: EpsgLookupOptions = {}): CodeLookup {
  const cache = new Map<number, CodeLookupResult>();
  let dir: string | undefined = options.indexDir;
  return (code) => {
    if (!Number.isSafeInteger(code) || code <= 0 || code > 99_999_999) return undefined;
    if (cache.has(code)) return cache.get(code);
    if (!dir) {
      try {
        dir = defaultIndexDir();
      } catch (err) {
        throw new AtlasError('internal', `The EPSG registry (package epsg-index) is missing: ${(err as Error).message}`, { code });
      }
    }
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, `${code}.json`), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (!fs.existsSync(dir)) throw new AtlasError('internal', `The EPSG registry (package epsg-index) is missing: no folder ${dir}`, { code });
      cache.set(code, undefined);
      return undefined;
    }
    const result = definitionOf(JSON.parse(text) as IndexEntry, options.gridDirs ?? defaultGridDirs());
    cache.set(code, result);
    return result;
  };
}
