import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/turf';
import { blindSpots } from '../../../shared/analysis/blind-spots.ts';
import { catchmentStraight } from '../../../shared/analysis/catchment-straight.ts';
import { coverage } from '../../../shared/analysis/coverage.ts';
import { expectOutput, readInput } from './fixtures.ts';

const CASE = 'blind-spots';

function run() {
  const facilities = readInput(CASE, 'facilities.geojson');
  const residential = readInput(CASE, 'residential.geojson');
  const { distance, quadrantSegments } = facilities.properties as { distance: number; quadrantSegments: number };
  const catchment = catchmentStraight(facilities, { distance, quadrantSegments });
  return { residential, catchment };
}

describe('blindSpots', () => {
  it('ranks the uncovered parts by residents affected', () => {
    const { residential, catchment } = run();
    const spots = blindSpots(residential, catchment);
    // 未覆盖 (2,000 people, all uncovered) before 半覆盖 (1,000 people, about half) before 未覆盖少人 (100).
    expect(spots.features.map((f) => [f.properties.rank, f.properties.name])).toEqual([[1, '未覆盖'], [2, '半覆盖'], [3, '未覆盖少人']]);
    expect(spots.features[0].properties).toMatchObject({ uncoveredFraction: 1, affected: 2000 });
    expectOutput(CASE, 'blind-spots.geojson', spots);
  });

  it('leaves exactly what coverage counts as uncovered', () => {
    const { residential, catchment } = run();
    const cov = coverage(residential, catchment);
    const spots = blindSpots(residential, catchment);
    const uncovered = spots.features.reduce((s, f) => s + f.properties.area, 0);
    expect(uncovered).toBeCloseTo(cov.uncoveredArea, 3);
    const half = spots.features.find((f) => f.properties.name === '半覆盖')!;
    expect(half.properties.area).toBeCloseTo(cov.areas[0].area - cov.areas[0].coveredArea, 3);
    // The polygon drawn has that area too (turf measures on a sphere: 0.3 % apart from the plane).
    expect(Math.abs(turfArea(half) / half.properties.area - 1)).toBeLessThan(0.005);
  });

  it('ranks by area when there is no population', () => {
    const { residential, catchment } = run();
    const spots = blindSpots(residential, catchment, { populationField: null });
    expect(spots.features.map((f) => f.properties.name)).toEqual(['未覆盖', '未覆盖少人', '半覆盖']);
    expect(spots.features.every((f) => f.properties.affected === null)).toBe(true);
  });

  it('explains bad input', () => {
    const { residential, catchment } = run();
    expect(() => blindSpots(residential, catchment, { minArea: -1 })).toThrow(/minArea/);
    expect(() => blindSpots({ type: 'Feature' } as never, catchment)).toThrow(/residential must be a GeoJSON FeatureCollection/);
  });
});
