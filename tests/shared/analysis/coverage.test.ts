import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { catchmentStraight } from '../../../shared/analysis/catchment-straight.ts';
import { coverage } from '../../../shared/analysis/coverage.ts';
import { createPlane } from '../../../shared/analysis/geometry/plane.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { expectOutput, inputPath, readInput } from './fixtures.ts';
import { geosCoverage, loadSpatialite } from './spatialite.ts';

const CASE = 'geos-agreement';
const tmp = makeTempDir('atlas-coverage-');
afterAll(() => tmp.cleanup());

function ours() {
  const facilities = readInput(CASE, 'facilities.geojson');
  const { distance, quadrantSegments } = facilities.properties as { distance: number; quadrantSegments: number };
  return { distance, quadrantSegments, result: coverage(readInput(CASE, 'residential.geojson'), catchmentStraight(facilities, { distance, quadrantSegments })) };
}

describe('coverage against GEOS (SpatiaLite, EPSG:4549)', () => {
  it('covers the same residential area as ST_Intersection(res, ST_Union(ST_Buffer(...))), within 0.5 %', () => {
    const { distance, quadrantSegments, result } = ours();
    const db = path.join(tmp.dir, 'geos.sqlite');
    loadSpatialite(db, [
      { table: 'res', file: inputPath(CASE, 'residential.geojson') },
      { table: 'fac', file: inputPath(CASE, 'facilities.geojson') },
    ]);
    const geos = geosCoverage(db, { residential: 'res', facilities: 'fac', distance, quadrantSegments });
    expect(Math.abs(result.area / geos.residentialArea - 1)).toBeLessThan(0.005);
    expect(Math.abs(result.coveredArea / geos.coveredArea - 1)).toBeLessThan(0.005);
    // The case is built so that every kind of overlap happens: partly, wholly and not covered areas.
    expect(result.areas.some((a) => a.fraction === 0)).toBe(true);
    expect(result.areas.some((a) => a.fraction > 0 && a.fraction < 1)).toBe(true);
    expectOutput(CASE, 'coverage.json', result);
  });
});

describe('coverage figures', () => {
  const plane = createPlane(120.755, 30.755);
  const square = (x0: number, y0: number, size: number, properties: Record<string, unknown>): Feature => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]].map(([x, y]) => plane.inverse(x, y))] },
  });
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const point = (x: number, y: number, properties: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: plane.inverse(x, y) } });
  // Two blocks 100 m square: one around the facility (covered), one 2 km away (not).
  const residential = fc([square(-50, -50, 100, { 小区: '近', 人口: 300, 户数: 100 }), square(2000, -50, 100, { 小区: '远', 人口: 100, 户数: 40 })]);
  const catchment = () => catchmentStraight(fc([point(0, 0)]), { distance: 300, plane });

  it('gives the share of land and of residents, and the threshold check', () => {
    const r = coverage(residential, catchment());
    expect(r.share).toBeCloseTo(0.5, 6);
    expect(r.populationField).toBe('人口');
    expect(r.populationShare).toBeCloseTo(0.75, 6);
    expect(r.coveredArea + r.uncoveredArea).toBeCloseTo(r.area, 6);
    expect(r).toMatchObject({ threshold: 0.9, met: false, count: 2, coveredCount: 1 });
    expect(coverage(residential, catchment(), { threshold: 0.45 }).met).toBe(true);
    expect(coverage(residential, catchment(), { threshold: null }).met).toBeNull();
  });

  it('uses 户数 when there is no 人口, or the field asked for, or none', () => {
    const hh = fc(residential.features.map((f) => ({ ...f, properties: { 户数: f.properties!.户数 } })));
    expect(coverage(hh, catchment())).toMatchObject({ populationField: '户数', population: 140 });
    expect(coverage(residential, catchment(), { populationField: '户数' }).populationShare).toBeCloseTo(100 / 140, 6);
    expect(coverage(residential, catchment(), { populationField: null })).toMatchObject({ population: null, populationShare: null });
  });

  it('reports per district, with the lower threshold for old districts', () => {
    const districts = fc([square(-1000, -1000, 2000, { 名称: '南湖区' }), square(1500, -1000, 2000, { 名称: '秀洲区' })]);
    const r = coverage(residential, catchment(), { districts, oldDistricts: ['南湖区'] });
    expect(r.areas.map((a) => a.district)).toEqual(['南湖区', '秀洲区']);
    expect(r.districts).toMatchObject([
      { name: '南湖区', old: true, share: 1, threshold: 0.8, met: true },
      { name: '秀洲区', old: false, share: 0, threshold: 0.9, met: false },
    ]);
  });

  it('counts point targets (schools, hospitals) as covered or not', () => {
    const schools = fc([point(100, 100, { 类型: '学校' }), point(1000, 0, { 类型: '医院' })]);
    const r = coverage(schools, catchment());
    expect(r).toMatchObject({ count: 2, coveredCount: 1, share: 0.5, area: 0 });
  });

  it('explains bad input', () => {
    expect(() => coverage(null as never, catchment())).toThrow(/residential must be a GeoJSON FeatureCollection/);
    expect(() => coverage(residential, {} as never)).toThrow(/catchment must come from/);
    expect(() => coverage(residential, catchment(), { threshold: 90 })).toThrow(/threshold must be a share between 0 and 1/);
  });
});

describe('coverage with no facility left', () => {
  it('still measures the residential land correctly (nothing covered)', () => {
    const residential = readInput(CASE, 'residential.geojson');
    const withAll = coverage(residential, catchmentStraight(readInput(CASE, 'facilities.geojson'), { distance: 200 }));
    const none = coverage(residential, catchmentStraight({ type: 'FeatureCollection', features: [] }, { distance: 200 }));
    expect(none.coveredArea).toBe(0);
    expect(none.area / withAll.area).toBeCloseTo(1, 4);
  });
});
