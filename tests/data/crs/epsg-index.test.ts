// Every EPSG code on the Node side (data/crs over epsg-index), checked against GDAL's gdaltransform.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../shared/api/errors.ts';
import { createTransform } from '../../../shared/crs/transform.ts';
import type { CrsDef, XY } from '../../../shared/crs/types.ts';
import { createEpsgLookup, resolveCrs, resolveUserCrs } from '../../../data/crs/index.ts';
import { gdalSrs, gdalTransform, metresBetween } from '../../shared/crs/gdal-crs.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

function errorOf(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AtlasError);
    return err as AtlasError;
  }
  throw new Error('expected an AtlasError');
}

/** Points inside each CRS's area, in its own units (GDAL's x/y order). */
const CASES: [code: number, name: string, points: XY[]][] = [
  [2056, 'CH1903+ / LV95', [[2600000, 1200000], [2683000, 1248000], [2500100, 1117800]]],
  [27700, 'OSGB36 / British National Grid', [[530000, 180000], [326000, 673000], [145000, 40000]]],
  [3414, 'SVY21 / Singapore TM', [[30000, 30000], [21000, 39000], [41000, 44000]]],
  [2154, 'RGF93 v1 / Lambert-93', [[652000, 6862000], [1045000, 6298000], [355000, 6689000]]],
];

describe('EPSG codes beyond the built-ins (epsg-index)', () => {
  it.each(CASES)('EPSG:%i (%s) converts to WGS 84 within 1 m of gdaltransform', (code, name, points) => {
    const def = resolveCrs(`EPSG:${code}`);
    expect(def).toMatchObject({ id: `EPSG:${code}`, name, geographic: false });
    const t = createTransform(def);
    const expected = gdalTransform(`EPSG:${code}`, 'EPSG:4326', points);
    points.forEach((p, i) => expect(metresBetween(t.toWgs84(p), expected[i])).toBeLessThan(1));
  });

  it.each(CASES)('EPSG:%i (%s) converts from WGS 84 within 1 m of gdaltransform', (code, _name, points) => {
    const t = createTransform(resolveCrs(`EPSG:${code}`));
    const lonLats = gdalTransform(`EPSG:${code}`, 'EPSG:4326', points);
    const expected = gdalTransform('EPSG:4326', `EPSG:${code}`, lonLats);
    lonLats.forEach((ll, i) => {
      const [x, y] = t.fromWgs84(ll);
      expect(Math.hypot(x - expected[i][0], y - expected[i][1])).toBeLessThan(1);
    });
  });

  it('reads every spelling of a code, and a geographic code as geographic', () => {
    for (const text of ['EPSG:2056', 'epsg::2056', '2056', 'urn:ogc:def:crs:EPSG::2056', 'http://www.opengis.net/def/crs/EPSG/0/2056']) {
      expect(resolveCrs(text).id).toBe('EPSG:2056');
    }
    expect(resolveCrs('EPSG:4283')).toMatchObject({ id: 'EPSG:4283', name: 'GDA94', geographic: true });
  });

  it('keeps the built-in definitions for the codes it has (Chinese GK zones, WGS 84)', () => {
    expect(resolveCrs('EPSG:4549').name).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 120E');
    expect(resolveCrs('EPSG:4549').prjWkt).toMatch(/^PROJCS\["CGCS2000_3_Degree_GK_CM_120E"/);
  });

  it('converts a south-oriented grid (+axis=wsu, Hartebeesthoek94 / Lo29) as GDAL does', () => {
    const points: XY[] = [[-20000, 2900000], [35000, 3300000]];
    const t = createTransform(resolveCrs('EPSG:2053'));
    const expected = gdalTransform('EPSG:2053', 'EPSG:4326', points);
    points.forEach((p, i) => expect(metresBetween(t.toWgs84(p), expected[i])).toBeLessThan(1));
  });
});

describe('datum shifts as PROJ chooses them (data/crs/proj-helmerts.ts)', () => {
  // Lon/lat inside each CRS's area (and inside the area of the transformation PROJ takes there).
  const SHIFTED: [code: number, why: string, lonLats: XY[]][] = [
    [3061, 'Porto Santo 1995 / UTM 28N: coordinate-frame rotations epsg-index gives with the wrong sign', [[-16.91, 32.65], [-16.34, 33.07]]],
    [24200, 'JAD69 / Jamaica National Grid: the same', [[-76.8, 18.0], [-77.9, 18.4]]],
    [4802, 'Bogota 1975 (Bogota): no towgs84 in epsg-index, a Helmert in PROJ (Bogota prime meridian)', [[-74.08, 4.6], [-75.6, 6.25]]],
    [2761, 'NAD83(HARN) / Arizona East: no towgs84, PROJ’s 7-parameter shift (about 1 m)', [[-110, 32.2], [-109.5, 35.1]]],
    [32201, 'WGS 72 / UTM 1N: the WGS 72 ellipsoid proj4js does not know by name', [[-177, 30], [-175, 60]]],
  ];

  it.each(SHIFTED)('EPSG:%i converts to WGS 84 within 5 cm of gdaltransform (%s)', (code, _why, lonLats) => {
    const points = gdalTransform('EPSG:4326', `EPSG:${code}`, lonLats);
    const t = createTransform(resolveCrs(`EPSG:${code}`));
    const expected = gdalTransform(`EPSG:${code}`, 'EPSG:4326', points);
    points.forEach((p, i) => expect(metresBetween(t.toWgs84(p), expected[i])).toBeLessThan(0.05));
  });

  it('writes the corrected shift into the .prj, which GDAL reads back to the same place', () => {
    const def = resolveCrs('EPSG:3061');
    expect(def.prjWkt).toContain('TOWGS84[-210.502,-66.902,-48.476,2.094,-15.067,-5.817,0.485]');
    const { dir, cleanup } = makeTempDir();
    try {
      const prj = path.join(dir, 'x.prj');
      fs.writeFileSync(prj, def.prjWkt!);
      const [xy] = gdalTransform('EPSG:4326', 'EPSG:3061', [[-16.91, 32.65]]);
      const [ll] = gdalTransform(prj, 'EPSG:4326', [xy]);
      expect(metresBetween(ll, createTransform(def).toWgs84(xy))).toBeLessThan(0.05);
    } finally {
      cleanup();
    }
  });
});

describe('.prj WKT naming a code the built-ins lack', () => {
  it('takes GDAL’s WKT 1 of EPSG:27700 as EPSG:27700 from the registry', () => {
    const def = resolveCrs(gdalSrs('wkt1', 'EPSG:27700'));
    expect(def).toMatchObject({ id: 'EPSG:27700', name: 'OSGB36 / British National Grid' });
  });

  it('keeps a WKT that states its own TOWGS84 as it is (the file’s datum shift wins)', () => {
    const wkt = gdalSrs('wkt1', 'EPSG:27700').replace(/SPHEROID\["Airy 1830",[^\]]*\]\]/, '$&,TOWGS84[375,-111,431,0,0,0,0]');
    expect(wkt).toContain('TOWGS84');
    expect(resolveCrs(wkt)).toMatchObject({ id: 'CUSTOM', name: expect.stringContaining('EPSG:27700') });
  });

  it('writes a .prj (WKT 1) for an export that GDAL reads back as the same CRS', () => {
    const def = resolveCrs('EPSG:2056');
    expect(def.prjWkt).toMatch(/^PROJCS\["CH1903\+ \/ LV95"/);
    const { dir, cleanup } = makeTempDir();
    try {
      const prj = path.join(dir, 'x.prj');
      fs.writeFileSync(prj, def.prjWkt!);
      const [ll] = gdalTransform(prj, 'EPSG:4326', [[2600000, 1200000]]);
      expect(metresBetween(ll, createTransform(def).toWgs84([2600000, 1200000]))).toBeLessThan(1);
    } finally {
      cleanup();
    }
  });
});

describe('codes that cannot be used', () => {
  it('names an unknown code and says what to do', () => {
    const err = errorOf(() => resolveCrs('EPSG:99999'));
    expect(err.code).toBe('invalid_file');
    expect(err.message).toBe('EPSG:99999 is not the code of a coordinate system in the EPSG registry; check the number, or give the coordinate system as WKT (.prj) or a proj4 string');
    expect(err.params).toMatchObject({ code: 99999 });
  });

  it('refuses a vertical, a geocentric and a datum code, saying why', () => {
    expect(errorOf(() => resolveCrs('EPSG:5773')).message).toMatch(/^EPSG:5773 \(EGM96 height\) is a vertical coordinate system/);
    expect(errorOf(() => resolveCrs('EPSG:4978')).message).toMatch(/^EPSG:4978 \(WGS 84\) is geocentric/);
    expect(errorOf(() => resolveCrs('EPSG:6326')).message).toMatch(/^EPSG:6326 is not the code of a coordinate system/);
  });

  it('refuses lon/lat in grads (NTF Paris, alone or with a height) rather than reading them as degrees', () => {
    expect(errorOf(() => resolveCrs('EPSG:4807')).message).toMatch(/^EPSG:4807 \(NTF \(Paris\)\) gives longitude and latitude in grad, not degrees/);
    expect(errorOf(() => resolveCrs('EPSG:7400')).message).toMatch(/^EPSG:7400 \(NTF \(Paris\) \+ NGF IGN69 height\) gives longitude and latitude in grad/);
  });

  it('makes a user’s unusable choice an invalid_argument for the option, keeping the message', () => {
    const err = errorOf(() => resolveUserCrs(' EPSG:99999 '));
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toMatch(/^EPSG:99999 is not/);
    expect(err.params).toMatchObject({ option: 'crs', given: 'EPSG:99999', code: 99999 });
  });

  it('reports a missing registry as an internal error, not as an unknown code', () => {
    const lookup = createEpsgLookup({ indexDir: '/nonexistent/epsg-index/s' });
    expect(() => lookup(2056)).toThrow(/epsg-index/);
  });
});

describe('datum shift grids', () => {
  let noGrids: { dir: string; cleanup: () => void };
  beforeAll(() => {
    // A PROJ data folder with proj.db only: GDAL then converts as it would without the grids installed.
    noGrids = makeTempDir();
    const projDb = ['/usr/share/proj/proj.db', '/usr/local/share/proj/proj.db'].find((f) => fs.existsSync(f));
    if (!projDb) throw new Error('proj.db not found (install proj-data / gdal-bin)');
    fs.symlinkSync(projDb, path.join(noGrids.dir, 'proj.db'));
  });
  afterAll(() => noGrids.cleanup());

  function gdalWithoutGrids(code: number, points: XY[]): XY[] {
    const r = spawnSync('gdaltransform', ['-s_srs', `EPSG:${code}`, '-t_srs', 'EPSG:4326', '-output_xy'], {
      input: points.map((p) => p.join(' ')).join('\n') + '\n',
      encoding: 'utf8',
      env: { ...process.env, PROJ_DATA: noGrids.dir, PROJ_LIB: noGrids.dir, PROJ_NETWORK: 'OFF' },
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number) as XY);
  }

  // Stuttgart and Frankfurt: outside the former East Germany, whose own Helmert GDAL picks there.
  const DHDN: XY[] = [[3513000, 5405000], [3470000, 5530000]];

  it('loads a grid PROJ has installed (DHDN’s BETA2007.gsb) and converts as GDAL does with it', () => {
    if (!fs.existsSync('/usr/share/proj/BETA2007.gsb')) return;
    const def = resolveCrs('EPSG:31467');
    expect(def.note).toBeUndefined();
    const expected = gdalTransform('EPSG:31467', 'EPSG:4326', DHDN);
    DHDN.forEach((p, i) => expect(metresBetween(createTransform(def).toWgs84(p), expected[i])).toBeLessThan(0.05));
  });

  it('falls back to PROJ’s Helmert shift when the grid is missing, with a note, as GDAL does without it', () => {
    const found = createEpsgLookup({ gridDirs: [] })(31467);
    const def = (found as { crs: CrsDef }).crs;
    expect(def.note).toMatch(/BETA2007\.gsb is not installed.*DHDN to WGS 84 \(2\), EPSG:1777/);
    const expected = gdalWithoutGrids(31467, DHDN);
    DHDN.forEach((p, i) => expect(metresBetween(createTransform(def).toWgs84(p), expected[i])).toBeLessThan(0.05));
    expect(def.prjWkt).toContain('TOWGS84[598.1,73.7,418.2,0.202,0.045,-2.455,6.7]');
    expect(def.prjWkt).not.toContain('EXTENSION');
  });

  it('converts OSGB36 without its OSTN15 grid with the Helmert shift GDAL uses', () => {
    const def = resolveCrs('EPSG:27700');
    const points: XY[] = [[530000, 180000], [326000, 673000]];
    const expected = gdalWithoutGrids(27700, points);
    points.forEach((p, i) => expect(metresBetween(createTransform(def).toWgs84(p), expected[i])).toBeLessThan(0.05));
  });
});
