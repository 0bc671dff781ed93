import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import type { ImportProblem } from '../../../shared/api/transfer.ts';
import { geometryTypeName, summariseProblems } from '../../../shared/geometry/index.ts';

describe('summariseProblems', () => {
  it('counts problems by kind and features by outcome', () => {
    const problems: ImportProblem[] = [
      { feature: 0, kind: 'unclosed_ring', message: '', fixed: true },
      { feature: 0, kind: 'wrong_winding', message: '', fixed: true },
      { feature: 1, kind: 'wrong_winding', message: '', fixed: true },
      { feature: 1, kind: 'self_intersection', message: '', fixed: false },
      { feature: 2, kind: 'null_geometry', message: '', fixed: false },
    ];
    expect(summariseProblems(Object.freeze(problems))).toEqual({
      total: 5,
      fixed: 3,
      invalidFeatures: 2,
      fixedFeatures: 1,
      byKind: {
        unclosed_ring: { count: 1, fixed: 1 },
        wrong_winding: { count: 2, fixed: 2 },
        self_intersection: { count: 1, fixed: 0 },
        null_geometry: { count: 1, fixed: 0 },
      },
    });
  });

  it('is all zero for no problems', () => {
    expect(summariseProblems([])).toEqual({ total: 0, fixed: 0, invalidFeatures: 0, fixedFeatures: 0, byKind: {} });
  });
});

describe('geometryTypeName', () => {
  it('names GeoJSON types as GeoPackage does', () => {
    const names = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'].map((type) =>
      geometryTypeName({ type } as Geometry),
    );
    expect(names).toEqual(['POINT', 'MULTIPOINT', 'LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON', 'GEOMETRY']);
    expect(geometryTypeName(null)).toBeNull();
    expect(geometryTypeName({ type: 'Circle' } as unknown as Geometry)).toBe('GEOMETRY');
  });
});
