// Our generated definitions against GDAL 3.6's EPSG database: the first, a middle and the last code
// of every range. (The full ranges, 329 codes, were checked the same way once; all agreed.)
import { describe, expect, it } from 'vitest';
import { GK_RANGES, chinaCrs, gkCode, gkZoneOf } from '../../../shared/crs/epsg-china.ts';
import { worldCrs } from '../../../shared/crs/epsg-world.ts';
import { crsByCode } from '../../../shared/crs/catalog.ts';
import { CGCS2000 } from '../../../shared/crs/datums.ts';
import { gdalSrs, proj4Parameters } from './gdal-crs.ts';

const samples = (first: number, last: number): number[] => [first, Math.round((first + last) / 2), last];

const GK_SAMPLES = GK_RANGES.flatMap((r) => samples(r.first, r.last));
const WORLD_SAMPLES = [4326, 3857, ...samples(32601, 32660), ...samples(32701, 32760)];
const GEOGRAPHIC_CHINA = [4490, 4480, 4610, 4214];
const ALL_SAMPLES = [...GK_SAMPLES, ...WORLD_SAMPLES, ...GEOGRAPHIC_CHINA];

describe('EPSG definitions agree with GDAL', () => {
  it.each(ALL_SAMPLES)('EPSG:%i has the proj4 parameters GDAL gives', (code) => {
    const ours = crsByCode(code);
    expect(ours?.proj4).toBeTruthy();
    expect(proj4Parameters(ours?.proj4 ?? '')).toEqual(proj4Parameters(gdalSrs('proj4', `EPSG:${code}`)));
  });

  it.each([...GK_SAMPLES, 32601, 32760])('EPSG:%i has the name GDAL gives', (code) => {
    expect(crsByCode(code)?.name).toBe(/^PROJCS\["([^"]+)"/.exec(gdalSrs('wkt1', `EPSG:${code}`))?.[1]);
  });

  it.each([...GK_SAMPLES, ...WORLD_SAMPLES, 4490, 4610, 4214])('EPSG:%i writes the ESRI .prj GDAL writes', (code) => {
    expect(crsByCode(code)?.prjWkt).toBe(gdalSrs('wkt_esri', `EPSG:${code}`));
  });
});

describe('EPSG code ranges', () => {
  it('give CGCS2000 3-degree zone 40 (EPSG:4528) a false easting with the zone prefix', () => {
    expect(gkZoneOf(4528)).toMatchObject({ zone: 40, cm: 120, falseEasting: 40_500_000 });
  });

  it('give CGCS2000 3-degree CM 120E (EPSG:4549) a false easting of 500 km', () => {
    expect(gkZoneOf(4549)).toMatchObject({ cm: 120, falseEasting: 500_000 });
  });

  it('find the code of a zone from its parameters', () => {
    expect(gkCode(CGCS2000, 6, false, 123)).toBe(4510);
  });

  it('treat deprecated Beijing 1954 6-degree codes 21473-21483 like their replacements 21453-21463', () => {
    expect(chinaCrs(21478)?.proj4).toBe(chinaCrs(21458)?.proj4);
  });

  it.each([2326, 2391, 2400, 2443, 4489, 4555, 21412, 21424, 21452, 21464, 21472, 21484, 32600, 32661, 32700, 32761])(
    'do not claim the neighbouring code EPSG:%i',
    (code) => {
      expect(crsByCode(code)).toBeUndefined();
    },
  );

  it('name UTM zones by hemisphere', () => {
    expect(worldCrs(32751)?.name).toBe('WGS 84 / UTM zone 51S');
  });
});
