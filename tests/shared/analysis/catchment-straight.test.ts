import { describe, expect, it } from 'vitest';
import { catchmentStraight } from '../../../shared/analysis/catchment-straight.ts';
import { catchmentPolygons } from '../../../shared/analysis/catchment-polygons.ts';
import { coverage } from '../../../shared/analysis/coverage.ts';
import { area as turfArea, booleanPointInPolygon, point } from '@turf/turf';
import { expectOutput, readInput } from './fixtures.ts';

const CASE = 'circle-square';

function run() {
  const facilities = readInput(CASE, 'facilities.geojson');
  const residential = readInput(CASE, 'residential.geojson');
  const { distance, quadrantSegments } = facilities.properties as { distance: number; quadrantSegments: number };
  const catchment = catchmentStraight(facilities, { distance, quadrantSegments });
  return { facilities, residential, distance, quadrantSegments, catchment };
}

describe('catchmentStraight: a point inside a square block', () => {
  it('covers πr² of the block, within the polygonisation error', () => {
    const { residential, catchment, distance } = run();
    const result = coverage(residential, catchment);
    expect(Math.abs(result.coveredArea / (Math.PI * distance ** 2) - 1)).toBeLessThan(0.01);
    expectOutput(CASE, 'coverage.json', result);
  });

  it('covers exactly the inscribed 4q-gon (the overlay adds no error of its own)', () => {
    const { residential, catchment, distance, quadrantSegments } = run();
    const n = 4 * quadrantSegments;
    const polygonArea = (n / 2) * distance ** 2 * Math.sin((2 * Math.PI) / n);
    expect(coverage(residential, catchment).coveredArea).toBeCloseTo(polygonArea, 3);
  });

  it('draws the catchment as a polygon of that area around the facility', () => {
    const { facilities, catchment, distance } = run();
    const polygons = catchmentPolygons(catchment);
    expect(polygons.features).toHaveLength(1);
    // turf.area is on a sphere, so only close (0.3 %) to the ellipsoidal area the analysis measures.
    expect(Math.abs(turfArea(polygons) / (Math.PI * distance ** 2) - 1)).toBeLessThan(0.01);
    expect(booleanPointInPolygon(point((facilities.features[0].geometry as GeoJSON.Point).coordinates), polygons.features[0])).toBe(true);
    expectOutput(CASE, 'catchment.geojson', polygons);
  });

  it('buffers lines and polygons, and skips features without a distance', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        { type: 'Feature' as const, properties: { d: 100 }, geometry: { type: 'LineString' as const, coordinates: [[120.75, 30.75], [120.76, 30.75]] } },
        { type: 'Feature' as const, properties: { d: null }, geometry: { type: 'Point' as const, coordinates: [120.75, 30.75] } },
      ],
    };
    const c = catchmentStraight(fc, { distance: (f) => (f.properties?.d as number | null) ?? null });
    expect(c.skipped).toEqual([1]);
    expect(c.pieces.every((p) => p.facility === 0)).toBe(true);
  });

  it('explains bad input', () => {
    expect(() => catchmentStraight({} as never, { distance: 300 })).toThrow(/facilities must be a GeoJSON FeatureCollection/);
    expect(() => catchmentStraight(readInput(CASE, 'facilities.geojson'), { distance: -1 })).toThrow(/distance/);
    expect(() => catchmentStraight(readInput(CASE, 'facilities.geojson'), { distance: 300, quadrantSegments: 0 })).toThrow(/quadrantSegments/);
  });
});
