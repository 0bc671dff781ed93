// Conversions near Jiaxing against gdaltransform (GDAL 3.6 / PROJ), lon/lat kept in x/y order via OGC:CRS84.
import { describe, expect, it } from 'vitest';
import type { Geometry, LineString, Point } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { XY } from '../../../shared/crs/types.ts';
import { resolveCrs } from '../../../shared/crs/resolve.ts';
import { createTransform, isIdentity, transformGeometry } from '../../../shared/crs/transform.ts';
import { gdalTransform, maxPlanarGap, metresBetween } from './gdal-crs.ts';

/** Jiaxing's centre, South Lake, the corners of the main urban area and the city's east and west edges. */
const JIAXING: XY[] = [
  [120.755, 30.755],
  [120.765, 30.751],
  [120.66, 30.7],
  [120.86, 30.81],
  [121.27, 30.65],
  [120.3, 30.6],
];

// CGCS2000 and WGS84 are taken as equal; Xian 1980 / Beijing 1954 lon/lat are used unshifted, as
// GDAL does at Jiaxing (its "ballpark" operation: no published shift covers the area). So all of
// these agree with GDAL to the millimetre; for the old datums that says nothing about the real
// datum difference, which stays in the data (see shared/crs/datums.ts).
const CODES = [4549, 4528, 2385, 2364, 2437, 2416, 3857, 32651];

describe('conversion near Jiaxing agrees with GDAL', () => {
  it.each(CODES)('WGS84 → EPSG:%i within 1 mm', (code) => {
    const t = createTransform(resolveCrs(`EPSG:${code}`));
    const expected = gdalTransform('OGC:CRS84', `EPSG:${code}`, JIAXING);
    expect(maxPlanarGap(JIAXING.map(t.fromWgs84), expected)).toBeLessThan(0.001);
  });

  it.each(CODES)('EPSG:%i → WGS84 within 1 mm', (code) => {
    const projected = gdalTransform('OGC:CRS84', `EPSG:${code}`, JIAXING);
    const expected = gdalTransform(`EPSG:${code}`, 'OGC:CRS84', projected);
    const t = createTransform(resolveCrs(`EPSG:${code}`));
    const gaps = projected.map((p, i) => metresBetween(t.toWgs84(p), expected[i]));
    expect(Math.max(...gaps)).toBeLessThan(0.001);
  });

  it('puts the centre of Jiaxing at about 572 km E, 3404 km N in EPSG:4549', () => {
    const [x, y] = createTransform(resolveCrs('EPSG:4549')).fromWgs84([120.755, 30.755]);
    expect([Math.round(x), Math.round(y)]).toEqual([572290, 3404055]);
  });

  it('differs between EPSG:4528 and EPSG:4549 by exactly the zone prefix', () => {
    const withPrefix = createTransform(resolveCrs('EPSG:4528')).fromWgs84([120.755, 30.755]);
    const without = createTransform(resolveCrs('EPSG:4549')).fromWgs84([120.755, 30.755]);
    expect(withPrefix[0] - without[0]).toBeCloseTo(40_000_000, 6);
  });
});

describe('web-map systems', () => {
  it('shifts Jiaxing by a few hundred metres in GCJ-02', () => {
    const shifted = createTransform(resolveCrs('gcj02')).fromWgs84([120.755, 30.755]);
    const offset = metresBetween(shifted, [120.755, 30.755]);
    expect(offset > 200 && offset < 800).toBe(true);
  });

  it('round-trips GCJ-02 within 1 m', () => {
    const t = createTransform(resolveCrs('GCJ-02'));
    expect(metresBetween(t.toWgs84(t.fromWgs84([120.755, 30.755])), [120.755, 30.755])).toBeLessThan(1);
  });

  it('shifts Jiaxing by about a kilometre in BD-09', () => {
    const offset = metresBetween(createTransform(resolveCrs('bd09')).fromWgs84([120.755, 30.755]), [120.755, 30.755]);
    expect(offset > 700 && offset < 1500).toBe(true);
  });

  it('round-trips BD-09 within 1 m', () => {
    const t = createTransform(resolveCrs('BD-09'));
    expect(metresBetween(t.toWgs84(t.fromWgs84([120.755, 30.755])), [120.755, 30.755])).toBeLessThan(1);
  });
});

describe('identity and errors', () => {
  it.each(['EPSG:4326', 'EPSG:4490'])('treats %s as identity', (id) => {
    expect(isIdentity(resolveCrs(id))).toBe(true);
  });

  it('does not treat Xian 1980 lon/lat as identity', () => {
    expect(isIdentity(resolveCrs('EPSG:4610'))).toBe(false);
  });

  it('returns CGCS2000 lon/lat unchanged', () => {
    expect(createTransform(resolveCrs('EPSG:4490')).toWgs84([120.755, 30.755])).toEqual([120.755, 30.755]);
  });

  it('throws bad_coordinates naming a point that has no image', () => {
    const t = createTransform(resolveCrs('EPSG:4549'));
    expect(() => t.toWgs84([Number.NaN, 3_404_055])).toThrow(AtlasError);
  });
});

describe('transformGeometry', () => {
  const shift = ([x, y]: XY): XY => [x + 1, y + 2];

  it('maps every position of a polygon with a hole', () => {
    const polygon: Geometry = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [4, 0], [4, 4], [0, 0]],
        [[1, 1], [2, 1], [2, 2], [1, 1]],
      ],
    };
    expect(transformGeometry(polygon, shift)).toEqual({
      type: 'Polygon',
      coordinates: [
        [[1, 2], [5, 2], [5, 6], [1, 2]],
        [[2, 3], [3, 3], [3, 4], [2, 3]],
      ],
    });
  });

  it('drops Z and M values', () => {
    const line: LineString = { type: 'LineString', coordinates: [[0, 0, 10, 99], [1, 1, 11, 98]] };
    expect(transformGeometry(line, shift).coordinates).toEqual([[1, 2], [2, 3]]);
  });

  it('goes into geometry collections and multipolygons', () => {
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [0, 0] },
        { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] },
      ],
    };
    expect(transformGeometry(collection, shift)).toEqual({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [1, 2] },
        { type: 'MultiPolygon', coordinates: [[[[1, 2], [2, 2], [2, 3], [1, 2]]]] },
      ],
    });
  });

  it('leaves its input unchanged', () => {
    const point: Point = Object.freeze({ type: 'Point', coordinates: Object.freeze([120, 30]) as number[] });
    transformGeometry(point, shift);
    expect(point.coordinates).toEqual([120, 30]);
  });

  it('drops a bbox that would no longer be true', () => {
    const point: Geometry = { type: 'Point', coordinates: [0, 0], bbox: [0, 0, 0, 0] };
    expect(transformGeometry(point, shift)).not.toHaveProperty('bbox');
  });

  it('converts a Gauss-Kruger line to lon/lat', () => {
    const line: LineString = { type: 'LineString', coordinates: [[572290.413, 3404055.39], [573290.413, 3404055.39]] };
    const out = transformGeometry(line, createTransform(resolveCrs('EPSG:4549')).toWgs84);
    expect(metresBetween(out.coordinates[0] as XY, [120.755, 30.755])).toBeLessThan(0.01);
  });
});
