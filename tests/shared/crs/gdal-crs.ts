// GDAL as the reference for the CRS tests: gdalsrsinfo for definitions, gdaltransform for points.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { XY } from '../../../shared/crs/types.ts';

/** Runs a GDAL tool; deprecated EPSG codes keep their own definition (not the replacement's). */
function run(tool: string, args: string[], input?: string): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', input, env: { ...process.env, OSR_USE_NON_DEPRECATED: 'NO' } });
  if (r.error) throw new Error(`${tool} is not installed (Debian package gdal-bin): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const HEADERS = { proj4: 'PROJ.4', wkt1: 'OGC WKT1', wkt2: 'OGC WKT2:2019', wkt_esri: 'ESRI WKT' };
const srsInfo = new Map<string, Map<string, string>>();

/**
 * What gdalsrsinfo writes for a CRS: 'proj4', 'wkt1', 'wkt2' or 'wkt_esri' (WKTs on one line).
 * One `gdalsrsinfo -o all` per CRS, remembered: the tool's answer for a code never changes.
 */
export function gdalSrs(format: keyof typeof HEADERS, srs: string): string {
  let sections = srsInfo.get(srs);
  if (!sections) {
    sections = new Map();
    for (const block of run('gdalsrsinfo', ['-o', 'all', srs]).split(/\n\s*\n/)) {
      const m = /^([^\n]+?) :\s*([\s\S]*)$/.exec(block.trim());
      if (m) sections.set(m[1], m[2].trim());
    }
    srsInfo.set(srs, sections);
  }
  const out = sections.get(HEADERS[format]);
  if (out === undefined) throw new Error(`gdalsrsinfo -o all ${srs} has no "${HEADERS[format]}" section`);
  return format === 'proj4' ? out : out.replace(/\n\s*/g, ''); // pretty-printing only; names keep their spaces
}

const ELLIPSOIDS: Record<string, [number, number]> = {
  GRS80: [6378137, 298.257222101],
  WGS84: [6378137, 298.257223563],
  IAU76: [6378140, 298.257],
  krass: [6378245, 298.3],
};

/**
 * The parameters that matter in a proj4 string, with numbers as numbers and the ellipsoid as a/rf
 * whether it was given by name (+ellps, +datum=WGS84) or by value.
 */
export function proj4Parameters(def: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const token of def.trim().split(/\s+/)) {
    const [key, value = ''] = token.replace(/^\+/, '').split('=');
    out[key] = value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  const ellps = out.datum === 'WGS84' ? 'WGS84' : String(out.ellps ?? '');
  if (ELLIPSOIDS[ellps]) [out.a, out.rf] = ELLIPSOIDS[ellps];
  const keep = ['proj', 'lat_0', 'lon_0', 'k', 'x_0', 'y_0', 'zone', 'south', 'a', 'b', 'rf', 'towgs84', 'units', 'nadgrids'];
  return Object.fromEntries(Object.entries(out).filter(([key]) => keep.includes(key)));
}

/** Points through gdaltransform (traditional GIS order: x/lon first); `srs` as gdaltransform takes it. */
export function gdalTransform(sourceSrs: string, targetSrs: string, points: XY[]): XY[] {
  const out = run('gdaltransform', ['-s_srs', sourceSrs, '-t_srs', targetSrs], points.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n');
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      return [x, y] as XY;
    });
}

const TESTDATA = fileURLToPath(new URL('../../../../shared/testdata/', import.meta.url));

/** Path of a file in the shared real-world test data (../shared/testdata); fails clearly when absent. */
export function testdataPath(relative: string): string {
  const path = TESTDATA + relative;
  if (!existsSync(path)) throw new Error(`Shared test data missing: ${path} (the ../shared/testdata folder beside the project)`);
  return path;
}

/** Text of a file in the shared real-world test data. */
export function readTestdata(relative: string): string {
  return readFileSync(testdataPath(relative), 'utf8');
}

/** Distance in metres between two lon/lat points (haversine on a 6,371 km sphere; fine for metres). */
export function metresBetween(a: XY, b: XY): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Largest planar distance between matching points of two lists. */
export function maxPlanarGap(a: XY[], b: XY[]): number {
  return Math.max(...a.map((p, i) => Math.hypot(p[0] - b[i][0], p[1] - b[i][1])));
}
