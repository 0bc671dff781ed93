import { describe, it, expect } from 'vitest';
import type { Feature, MultiPolygon } from 'geojson';
import { area, booleanClockwise, booleanIntersects, booleanValid } from '@turf/turf';
import { generateParcelGrid } from '../../seeds/synthetic/parcel-grid.ts';
import { LAYER_KINDS } from '../../shared/layers/registry.ts';

const MAIN = { west: 120.66, south: 30.7, east: 120.86, north: 30.81 };
const props = (f: Feature) => f.properties as Record<string, string | number>;

describe('generateParcelGrid', () => {
  it('makes exactly `count` renewal parcels', () => {
    for (const count of [0, 1, 7, 1000]) {
      const layer = generateParcelGrid(count);
      expect(layer.kind).toBe('renewal_parcel');
      expect(layer.features).toHaveLength(count);
    }
  });

  it('gives byte-identical output for the same seed', () => {
    expect(JSON.stringify(generateParcelGrid(500, 9))).toBe(JSON.stringify(generateParcelGrid(500, 9)));
  });

  it('gives different attributes for a different seed', () => {
    expect(JSON.stringify(generateParcelGrid(500, 1))).not.toBe(JSON.stringify(generateParcelGrid(500, 2)));
  });

  it('fills every field of the renewal_parcel kind with an allowed value', () => {
    const fields = LAYER_KINDS.renewal_parcel.fields;
    for (const f of generateParcelGrid(2000).features) {
      const p = props(f);
      expect(Object.keys(p).sort()).toEqual(fields.map((d) => d.key).sort());
      for (const d of fields) {
        if (d.values) expect(d.values).toContain(p[d.key]);
        if (d.type === 'INTEGER') expect(Number.isInteger(p[d.key])).toBe(true);
        if (d.type === 'REAL') expect(typeof p[d.key]).toBe('number');
      }
    }
  });

  it('gives every parcel a unique code', () => {
    const codes = generateParcelGrid(5000).features.map((f) => props(f)['地块编号']);
    expect(new Set(codes).size).toBe(5000);
  });

  it('writes valid, counter-clockwise MultiPolygons inside the main urban area', () => {
    for (const f of generateParcelGrid(3000).features as Feature<MultiPolygon>[]) {
      expect(booleanValid(f)).toBe(true);
      const ring = f.geometry.coordinates[0][0];
      expect(booleanClockwise(ring)).toBe(false);
      for (const [x, y] of ring) {
        expect(x >= MAIN.west && x <= MAIN.east && y >= MAIN.south && y <= MAIN.north).toBe(true);
      }
    }
  });

  it('computes 面积 (ha) as turf.area would', () => {
    const features = generateParcelGrid(10_000, 3).features;
    for (let i = 0; i < features.length; i += 997) {
      expect(Math.abs(Number(props(features[i])['面积']) - area(features[i]) / 10_000)).toBeLessThanOrEqual(0.01);
    }
  });

  it('keeps neighbouring parcels apart', () => {
    const features = generateParcelGrid(400).features;
    for (let i = 0; i < features.length - 1; i++) {
      expect(booleanIntersects(features[i], features[i + 1])).toBe(false);
    }
  });

  it('makes 100,000 parcels with distinct ids', () => {
    const layer = generateParcelGrid(100_000);
    expect(layer.features).toHaveLength(100_000);
    expect(new Set(layer.features.map((f) => props(f)['地块编号'])).size).toBe(100_000);
  });

  it('rejects a count that is not a non-negative integer', () => {
    expect(() => generateParcelGrid(-1)).toThrow(/count/);
    expect(() => generateParcelGrid(2.5)).toThrow(/count/);
  });
});
