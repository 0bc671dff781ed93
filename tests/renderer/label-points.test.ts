import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { labelPoints } from '../../renderer/map/label-points.ts';

const small = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
const large = [[[10, 0], [14, 0], [14, 4], [10, 4], [10, 0]]];

describe('labelPoints', () => {
  it('gives a multipolygon one point, inside its largest part, with id and properties', () => {
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 7, properties: { 名称: '南湖' }, geometry: { type: 'MultiPolygon', coordinates: [small, large] } }],
    };
    const out = labelPoints(data);
    expect(out.features).toHaveLength(1);
    expect(out.features[0].id).toBe(7);
    expect(out.features[0].properties).toEqual({ 名称: '南湖' });
    const part: MultiPolygon = { type: 'MultiPolygon', coordinates: [large] };
    expect(booleanPointInPolygon(out.features[0].geometry.coordinates, part)).toBe(true);
  });

  it('skips points and lines', () => {
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
      ],
    };
    expect(labelPoints(data).features).toEqual([]);
  });
});
