// WKT as files carry it: real .prj files from ../shared/testdata and WKT written by GDAL at test time.
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../shared/api/errors.ts';
import { resolveCrs } from '../../../shared/crs/resolve.ts';
import { codeFromCrsName } from '../../../shared/crs/wkt.ts';
import { GK_RANGES, chinaCrs } from '../../../shared/crs/epsg-china.ts';
import { createTransform } from '../../../shared/crs/transform.ts';
import { gdalSrs, gdalTransform, readTestdata, testdataPath } from './gdal-crs.ts';

describe('WKT with an EPSG authority', () => {
  it('resolves GDAL\'s OGC WKT 1 of EPSG:4549 by its AUTHORITY', () => {
    expect(resolveCrs(gdalSrs('wkt1', 'EPSG:4549')).id).toBe('EPSG:4549');
  });

  it('resolves GDAL\'s WKT 2 of EPSG:2385 by its ID', () => {
    expect(resolveCrs(gdalSrs('wkt2', 'EPSG:2385')).id).toBe('EPSG:2385');
  });

  it('takes the outermost authority, not the base CRS\'s (EPSG:4528 holds 4490 inside)', () => {
    expect(resolveCrs(gdalSrs('wkt1', 'EPSG:4528')).id).toBe('EPSG:4528');
  });

  it('resolves ipra_dresden_polygon.prj (WGS 84 with AUTHORITY 4326)', () => {
    expect(resolveCrs(readTestdata('shapefile-js/ipra_dresden_polygon.prj')).id).toBe('EPSG:4326');
  });
});

describe('ESRI WKT by name', () => {
  it('resolves GDAL\'s ESRI WKT of EPSG:4549 (CGCS2000_3_Degree_GK_CM_120E)', () => {
    expect(resolveCrs(gdalSrs('wkt_esri', 'EPSG:4549')).id).toBe('EPSG:4549');
  });

  it.each([
    ['CGCS2000_3_Degree_GK_CM_120E', 4549],
    ['CGCS2000_3_Degree_GK_Zone_40', 4528],
    ['Xian_1980_3_Degree_GK_CM_120E', 2385],
    ['Beijing_1954_3_Degree_GK_Zone_40', 2416],
    ['Beijing_1954_GK_Zone_18N', 21458],
    ['Beijing_1954_Gauss_Kruger_CM_105E', 21458],
    ['CGCS2000 / Gauss-Kruger zone 21', 4499],
    ['WGS_1984_Web_Mercator_Auxiliary_Sphere', 3857],
    ['WGS_1984_UTM_Zone_51N', 32651],
    ['WGS 84 / UTM zone 50S', 32750],
    ['GCS_China_Geodetic_Coordinate_System_2000', 4490],
    ['GCS_WGS_1984', 4326],
  ])('knows %s as EPSG:%i', (name, code) => {
    expect(codeFromCrsName(name)).toBe(code);
  });

  it.each([2385, 2416, 3857, 32651, 4490])('resolves GDAL\'s ESRI WKT of EPSG:%i by its name', (code) => {
    expect(resolveCrs(gdalSrs('wkt_esri', `EPSG:${code}`)).id).toBe(`EPSG:${code}`);
  });

  it('reads back every .prj it writes for a current GK code as that code', () => {
    const codes = GK_RANGES.filter((r) => !r.deprecated).flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i));
    const misread = codes.filter((code) => resolveCrs(chinaCrs(code)?.prjWkt ?? '').id !== `EPSG:${code}`);
    expect(misread).toEqual([]);
  });

  it('resolves fiona\'s coutwildrnp.prj (GCS_WGS_1984, no authority) as EPSG:4326', () => {
    expect(resolveCrs(readTestdata('fiona/coutwildrnp.prj')).id).toBe('EPSG:4326');
  });

  it('does not trust a known name whose parameters differ (a local false northing)', () => {
    const wkt = gdalSrs('wkt_esri', 'EPSG:4549').replace('PARAMETER["False_Northing",0.0]', 'PARAMETER["False_Northing",-3000000.0]');
    expect(resolveCrs(wkt)).toMatchObject({ id: 'CUSTOM', name: 'CGCS2000_3_Degree_GK_CM_120E' });
  });
});

describe('WKT through proj4\'s parser', () => {
  it('keeps a local datum shift: a Beijing 1954 CM 120E WKT with TOWGS84 converts as GDAL does with it', () => {
    const proj = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=krass +towgs84=-12,-113,-41,0,0,0,0 +units=m +no_defs';
    const wkt = gdalSrs('wkt1', proj).replace(/^PROJCS\["[^"]*"/, 'PROJCS["Beijing_1954_3_Degree_GK_CM_120E"');
    const [expected] = gdalTransform('OGC:CRS84', proj, [[120.755, 30.755]]);
    const [x, y] = createTransform(resolveCrs(wkt)).fromWgs84([120.755, 30.755]);
    expect(Math.hypot(x - expected[0], y - expected[1])).toBeLessThan(0.001);
  });

  it('takes senate.prj (NAD83 Massachusetts Mainland, not in our tables) as CUSTOM, keeping it for .prj', () => {
    const prj = readTestdata('shapefile-js/senate.prj');
    expect(resolveCrs(prj)).toMatchObject({ id: 'CUSTOM', geographic: false, prjWkt: prj.trim() });
  });

  it('converts senate.prj coordinates as GDAL does (within 1 mm)', () => {
    const lonLat: [number, number][] = [[-71.06, 42.36], [-72.5, 42.1], [-70.2, 41.7]];
    const expected = gdalTransform('OGC:CRS84', testdataPath('shapefile-js/senate.prj'), lonLat);
    const t = createTransform(resolveCrs(readTestdata('shapefile-js/senate.prj')));
    lonLat.forEach((p, i) => {
      const [x, y] = t.fromWgs84(p);
      expect(Math.hypot(x - expected[i][0], y - expected[i][1])).toBeLessThan(0.001);
    });
  });

  it('takes LGA_2013_AUST.prj (GDA94, AUTHORITY 4283 we have no entry for) as geographic CUSTOM naming the code', () => {
    expect(resolveCrs(readTestdata('shapefile-js/LGA_2013_AUST.prj'))).toMatchObject({
      id: 'CUSTOM',
      geographic: true,
      name: 'GCS_GDA_1994 (EPSG:4283)',
    });
  });

  it('takes GDAL\'s WKT 2 of a CRS outside our tables', () => {
    expect(resolveCrs(gdalSrs('wkt2', 'EPSG:2154'))).toMatchObject({ id: 'CUSTOM', geographic: false });
  });
});

describe('WKT that is not a CRS', () => {
  it('refuses htmlprj.prj (an HTML page saved as .prj) with invalid_file saying it is HTML', () => {
    let error: unknown;
    try {
      resolveCrs(readTestdata('shapefile-js/htmlprj.prj'));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AtlasError);
    expect(error).toMatchObject({ code: 'invalid_file', message: expect.stringContaining('HTML') });
  });

  it('refuses a truncated WKT', () => {
    expect(() => resolveCrs('PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS[')).toThrow(/well-formed WKT/);
  });

  it('refuses a projection proj4 cannot do, naming the CRS', () => {
    const wkt =
      'PROJCS["Odd",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
      'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Bogus_Projection"],UNIT["Meter",1.0]]';
    expect(() => resolveCrs(wkt)).toThrow(/"Odd"/);
  });
});
