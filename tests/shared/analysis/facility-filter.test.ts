import { describe, expect, it } from 'vitest';
import { AFTER_PLAN_2023, BEFORE_PLAN, facilityArea, filterFacilities } from '../../../shared/analysis/facility-filter.ts';
import { expectOutput, readInput } from './fixtures.ts';

const CASE = 'facility-filter';
const names = (fc: { features: { properties: Record<string, unknown> | null }[] }) => fc.features.map((f) => String(f.properties?.名称).split(' ')[0]);

describe('filterFacilities', () => {
  it('keeps parks of at least 400 m², measuring those without 面积', () => {
    const parks = readInput(CASE, 'parks.geojson');
    expect(facilityArea(parks.features[0])).toBeGreaterThan(295);
    expect(facilityArea(parks.features[0])).toBeLessThan(305);
    const kept = filterFacilities(parks, { minArea: 400 });
    expect(names(kept)).toEqual(['口袋公园', '社区公园', '滨水公园', '改建公园', '无状态公园']);
    expect(kept.indexes).toEqual([1, 2, 3, 4, 5]);
  });

  it('compares before and after the 2023 plan', () => {
    const parks = readInput(CASE, 'parks.geojson');
    const before = filterFacilities(parks, BEFORE_PLAN);
    const after = filterFacilities(parks, AFTER_PLAN_2023);
    expect(names(before)).toEqual(['小游园', '口袋公园', '改建公园', '无状态公园']);
    expect(names(after)).toEqual(['小游园', '口袋公园', '社区公园', '改建公园', '无状态公园']);
    expectOutput(CASE, 'before-after.json', { before: before.indexes, after: after.indexes });
  });

  it('filters by type and by an area band', () => {
    const parks = readInput(CASE, 'parks.geojson');
    expect(names(filterFacilities(parks, { types: ['社区公园'] }))).toEqual(['社区公园', '改建公园']);
    expect(names(filterFacilities(parks, { minArea: 2000, maxArea: 5000 }))).toEqual(['无状态公园']);
    expect(names(filterFacilities(parks, { statuses: ['现状'], keepMissingStatus: false }))).toEqual(['小游园', '口袋公园']);
  });

  it('explains bad input', () => {
    const parks = readInput(CASE, 'parks.geojson');
    expect(() => filterFacilities(parks, { minArea: '400' as never })).toThrow(/minArea must be a number/);
    expect(() => filterFacilities(parks, { statuses: '现状' as never })).toThrow(/statuses must be a list/);
    expect(() => filterFacilities([] as never)).toThrow(/FeatureCollection/);
  });
});
