import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';

/** A seven- (or three-) parameter Helmert shift to WGS 84, as proj4's +towgs84 takes it (position vector). */
export interface Helmert {
  towgs84: string;
  /** The EPSG transformation it is, for notes. */
  source: string;
  /** Its accuracy in metres, as EPSG states it (when known). */
  accuracy?: number;
}

/**
 * What PROJ (and so GDAL) converts with when a datum's shift grid is not installed: its best Helmert
 * transformation to WGS 84 (`projinfo -s EPSG:<code> -t EPSG:4326 --grid-check discard_missing`),
 * by the EPSG code of the geographic CRS. Rotations of coordinate-frame transformations are negated.
 * For datums missing here, epsg-index.ts passes withUsableGrids PROJ's Helmert from proj-helmerts.ts
 * where PROJ has one (NAD27...); the others (ATS77, RD/83...) have only PROJ's "ballpark": no shift.
 */
export const GRID_FALLBACKS: ReadonlyMap<number, Helmert> = new Map([
  [4277, { towgs84: '446.448,-125.157,542.06,0.15,0.247,0.842,-20.489', source: 'OSGB36 to WGS 84 (6), EPSG:1314', accuracy: 2 }],
  [4314, { towgs84: '598.1,73.7,418.2,0.202,0.045,-2.455,6.7', source: 'DHDN to WGS 84 (2), EPSG:1777', accuracy: 3 }],
  [4272, { towgs84: '59.47,-5.04,187.44,0.47,-0.1,1.024,-4.5993', source: 'NZGD49 to WGS 84 (2), EPSG:1564', accuracy: 4 }],
  [4203, { towgs84: '-117.763,-51.51,139.061,0.292,0.443,0.277,-0.191', source: 'AGD84 to WGS 84 (7), EPSG:1669', accuracy: 3 }],
  [4225, { towgs84: '-206.05,168.28,-3.82', source: 'Corrego Alegre 1970-72 to WGS 84 (4), EPSG:6194', accuracy: 5 }],
]);

/** Folders PROJ keeps its grids in: $PROJ_DATA / $PROJ_LIB, then the usual install places. */
export function defaultGridDirs(): string[] {
  const fromEnv = [process.env.PROJ_DATA, process.env.PROJ_LIB]
    .filter((v): v is string => !!v)
    .flatMap((v) => v.split(path.delimiter));
  return [...fromEnv, '/usr/share/proj', '/usr/local/share/proj', '/opt/homebrew/share/proj'];
}

const loaded = new Map<string, string | null>();

/** proj4js's name for a grid: the file name with anything but [A-Za-z0-9_.-] made '_' (no spaces, quotes). */
export function gridKey(file: string): string {
  return file.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/**
 * Loads an NTv2 grid (.gsb) into proj4js from the first folder that has it, as GDAL would find it.
 * Returns its key for +nadgrids, or null when no folder has it (or it is not NTv2).
 */
export function loadGrid(file: string, dirs: readonly string[]): string | null {
  const key = gridKey(file);
  const cacheKey = `${dirs.join(path.delimiter)}|${file}`;
  const known = loaded.get(cacheKey);
  if (known !== undefined) return known;
  let result: string | null = null;
  if (/\.gsb$/i.test(file) && !file.includes('/') && !file.includes('\\')) {
    for (const dir of dirs) {
      const full = path.join(dir, file);
      try {
        const buf = fs.readFileSync(full);
        proj4.nadgrid(key, buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
        result = key;
        break;
      } catch {
        // not there (or unreadable): try the next folder
      }
    }
  }
  loaded.set(cacheKey, result);
  return result;
}

const NADGRIDS = /\s*\+nadgrids=("[^"]*"|\S+)/;

/**
 * A proj4 definition whose datum shift proj4js can carry out: mandatory grids (no '@') loaded from a
 * local PROJ install, else replaced by the datum's Helmert shift from GRID_FALLBACKS (else `fallback`), else dropped
 * (PROJ's ballpark), with a note for the user in the last two cases. `towgs84` is set when a Helmert
 * shift replaced the grid (the .prj written for the CRS should state it).
 */
export function withUsableGrids(
  def: string,
  geographicCode: number | undefined,
  dirs: readonly string[],
  fallback?: Helmert,
): { proj4: string; towgs84?: string; note?: string } {
  const m = NADGRIDS.exec(def);
  if (!m) return { proj4: def };
  const grids = m[1].replace(/^"|"$/g, '').split(',');
  const keys: string[] = [];
  const missing: string[] = [];
  for (const grid of grids) {
    if (grid === '@null' || grid.startsWith('@')) {
      keys.push(grid);
      continue;
    }
    const key = loadGrid(grid, dirs);
    if (key) keys.push(key);
    else missing.push(grid);
  }
  if (missing.length === 0) return { proj4: def.replace(m[0], ` +nadgrids=${keys.join(',')}`) };
  const helmert = (geographicCode === undefined ? undefined : GRID_FALLBACKS.get(geographicCode)) ?? fallback;
  const grid = missing.join(', ');
  if (helmert) {
    return {
      proj4: def.replace(m[0], ` +towgs84=${helmert.towgs84}`),
      towgs84: helmert.towgs84,
      note: `The datum shift grid ${grid} is not installed, so coordinates are converted with the Helmert shift ${helmert.source}${helmert.accuracy === undefined ? '' : ` (about ${helmert.accuracy} m)`}, as GDAL does without the grid`,
    };
  }
  return {
    proj4: def.replace(m[0], ''),
    note: `The datum shift grid ${grid} is not installed and no Helmert shift is known for this datum: the datum difference (metres to a few hundred metres) is not corrected, as in GDAL without the grid`,
  };
}
