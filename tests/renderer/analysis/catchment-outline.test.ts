import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Position } from 'geojson';
import { catchmentOutline } from '../../../renderer/map/catchment-outline.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

function multi(...polygons: Position[][][]): FeatureCollection {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons } }] };
}

const segments = (fc: FeatureCollection) =>
  fc.features.flatMap((f) => (f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [])).reduce((n, line) => n + line.length - 1, 0);

describe('catchment outlines', () => {
  it('leave out the border between two tiles of one catchment', () => {
    // Two 0.01° squares meeting along x = 120.01; the right one split at y = 30.005 (a T-junction).
    const fc = multi([box(120, 30, 120.01, 30.01)], [[[120.01, 30], [120.02, 30], [120.02, 30.01], [120.01, 30.01], [120.01, 30.005], [120.01, 30]]]);
    const out = catchmentOutline(fc);
    expect(segments(out)).toBe(6);
    const xs = out.features[0].geometry.coordinates.flat().map((p) => p[0]);
    // No segment runs along the shared border.
    const lines = out.features[0].geometry.coordinates.flatMap((line) => line.slice(1).map((p, i) => [line[i], p]));
    expect(lines.filter(([a, b]) => a[0] === 120.01 && b[0] === 120.01)).toEqual([]);
    expect(Math.min(...xs)).toBe(120);
  });

  it('keep the outline of separate parts and of holes', () => {
    const fc = multi([box(120, 30, 120.01, 30.01), box(120.003, 30.003, 120.006, 30.006)], [box(120.02, 30, 120.03, 30.01)]);
    expect(segments(catchmentOutline(fc))).toBe(12);
  });

  it('give no feature for an empty catchment', () => {
    expect(catchmentOutline({ type: 'FeatureCollection', features: [] }).features).toEqual([]);
  });
});
