import { describe, expect, it } from 'vitest';
import type { AnalysisStage } from '../../../shared/analysis/request.ts';
import type { AreaCoverage } from '../../../shared/analysis/coverage.ts';
import { areaRows } from '../../../renderer/analysis/area-rows.ts';

function area(index: number, name: string | null, fraction: number, population: number | null): AreaCoverage {
  return { index, fid: index + 10, name, district: '南湖区', area: 1000, coveredArea: 1000 * fraction, fraction, population, coveredPopulation: population === null ? null : population * fraction };
}

function stage(plan: AnalysisStage['plan'], areas: AreaCoverage[]): AnalysisStage {
  return { plan, facilitiesUsed: 1, blindSpotCount: 0, coverage: { areas } as AnalysisStage['coverage'] };
}

const AFTER = [area(0, '洪波名邸', 0, 900), area(1, '阳光小区', 0.5, 300), area(2, '建设华庭', 0, 1200), area(3, null, 1, null)];
const BEFORE = [area(0, '洪波名邸', 0, 900), area(1, '阳光小区', 0.25, 300), area(2, '建设华庭', 0, 1200), area(3, null, 0.5, null)];

describe('areaRows', () => {
  it('lists the least covered first, the one with more residents first among equals', () => {
    expect(areaRows([stage('all', AFTER)], 'share').map((r) => r.index)).toEqual([2, 0, 1, 3]);
  });

  it('pairs each area with its share before the plan in a comparison', () => {
    const rows = areaRows([stage('before', BEFORE), stage('after', AFTER)], 'share');
    expect(rows.map((r) => [r.index, r.before, r.share])).toEqual([[2, 0, 0], [0, 0, 0], [1, 0.25, 0.5], [3, 0.5, 1]]);
    expect(areaRows([stage('all', AFTER)], 'share').every((r) => r.before === null)).toBe(true);
  });

  it('sorts by residents (unknown last) and by name in pinyin order (unnamed last)', () => {
    expect(areaRows([stage('all', AFTER)], 'residents').map((r) => r.index)).toEqual([2, 0, 1, 3]);
    expect(areaRows([stage('all', AFTER)], 'name').map((r) => r.name)).toEqual(['洪波名邸', '建设华庭', '阳光小区', null]);
  });

  it('keeps the feature id for selecting the area, null for runs saved without one', () => {
    const old = { ...area(0, 'x', 0, 1) };
    delete old.fid;
    expect(areaRows([stage('all', AFTER)], 'share')[0].fid).toBe(12);
    expect(areaRows([stage('all', [old])], 'share')[0].fid).toBeNull();
  });
});
