import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { checkGeometry } from '../../../shared/geometry/index.ts';

/** A deep-frozen copy, to prove the check does not modify its input. */
function frozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (v: unknown): void => {
    if (v && typeof v === 'object') {
      Object.freeze(v);
      Object.values(v).forEach(freeze);
    }
  };
  freeze(copy);
  return copy;
}

/** Any JSON where a geometry belongs, as files deliver it. */
function check(g: unknown, index = 0) {
  return checkGeometry(frozen(g) as Geometry, index);
}

function kinds(g: unknown): string[] {
  return check(g).problems.map((p) => `${p.kind}${p.fixed ? ' (fixed)' : ''}`);
}

const square: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const hole: Position[] = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]];

describe('checkGeometry: geometries that are fine', () => {
  it('returns a valid geometry unchanged, the same object, with no problems', () => {
    const g = frozen({ type: 'Polygon', coordinates: [square, hole] } as Geometry);
    const r = checkGeometry(g, 3);
    expect(r).toEqual({ geometry: g, problems: [], valid: true });
    expect(r.geometry).toBe(g);
  });

  it('accepts points with z (and extra ordinates), lines, multi-geometries and collections', () => {
    for (const g of [
      { type: 'Point', coordinates: [120.75, 30.76, 5] },
      { type: 'Point', coordinates: [2, 4, 6, 8] },
      { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] },
      { type: 'LineString', coordinates: [[0, 0], [1, 1], [0, 1], [1, 0]] },
      { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] },
      { type: 'MultiPolygon', coordinates: [[square], [[[2, 0], [3, 0], [3, 1], [2, 0]]]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] },
    ]) {
      expect(check(g), JSON.stringify(g)).toMatchObject({ problems: [], valid: true });
    }
  });

  it('lets a hole touch its outer ring at one point, and polygons of a multipolygon touch', () => {
    const touching = [[0, 0.5], [0.5, 0.8], [0.8, 0.5], [0.5, 0.2], [0, 0.5]];
    expect(kinds({ type: 'Polygon', coordinates: [square, touching] })).toEqual([]);
    const corner = [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]];
    expect(kinds({ type: 'MultiPolygon', coordinates: [[square], [corner]] })).toEqual([]);
  });

  it('ignores repeated consecutive points', () => {
    expect(kinds({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] })).toEqual([]);
  });
});

describe('checkGeometry: null, empty and broken coordinates', () => {
  it('reports a null geometry', () => {
    expect(checkGeometry(null, 7)).toEqual({
      geometry: null,
      problems: [{ feature: 7, kind: 'null_geometry', message: 'Feature 7 has no geometry.', fixed: false }],
      valid: false,
    });
  });

  it('reports geometries without coordinates as empty', () => {
    for (const g of [
      { type: 'Point' },
      { type: 'Point', coordinates: [] },
      { type: 'Polygon', coordinates: [] },
      { type: 'Polygon', coordinates: [[]] },
      { type: 'MultiPolygon', coordinates: [] },
      { type: 'LineString', coordinates: null },
      { type: 'GeometryCollection', geometries: [] },
    ]) {
      expect(check(g), JSON.stringify(g)).toMatchObject({ valid: false, problems: [{ kind: 'empty_geometry', fixed: false }] });
    }
  });

  it('reports NaN, Infinity, strings and positions with one number as nan_coordinate', () => {
    for (const g of [
      { type: 'Point', coordinates: [NaN, 30] },
      { type: 'Point', coordinates: [120, Infinity] },
      { type: 'Point', coordinates: [120, '30.5'] },
      { type: 'Point', coordinates: [120] },
      { type: 'Point', coordinates: 'foo' },
      { type: 'LineString', coordinates: [[0, 0], [1, null]] },
      { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, NaN], [0, 0]]] },
      { type: 'Polygon', coordinates: [5] },
      { type: 'MultiPoint', coordinates: [0, 0] },
      { type: 'MultiPoint', coordinates: [[[0, 0], [0, 0]]] },
    ]) {
      expect(check(g), JSON.stringify(g)).toMatchObject({ valid: false, problems: [{ kind: 'nan_coordinate', fixed: false }] });
    }
  });

  it('says where the bad position is', () => {
    const r = check({ type: 'Polygon', coordinates: [square, [[0.2, 0.2], [0.4, 'x'], [0.4, 0.4], [0.2, 0.2]]] }, 12);
    expect(r.problems[0].message).toBe('Feature 12: hole 1 position 1: a position holds a string instead of a number.');
  });

  it('drops empty parts of multi-geometries and empty holes, as a fix', () => {
    const r = check({ type: 'MultiPolygon', coordinates: [[], [square, []]] });
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'empty_geometry', fixed: true, message: expect.stringContaining('(and 1 more like it)') })]);
    expect(r.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square]] });
  });
});

describe('checkGeometry: rings', () => {
  it('closes an open ring and says so', () => {
    const r = check({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, 4);
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([{ feature: 4, kind: 'unclosed_ring', fixed: true, message: 'Feature 4: outer ring does not end where it starts; closed it.' }]);
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
  });

  it('treats ends that differ only in z as unclosed and makes the last a copy of the first', () => {
    const r = check({ type: 'Polygon', coordinates: [[[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 0, 2]]] });
    expect(r.problems.map((p) => p.kind)).toEqual(['unclosed_ring']);
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [[[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 0, 1]]] });
  });

  it('reports rings with fewer than three corners, even after closing', () => {
    expect(kinds({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })).toEqual(['short_ring']);
    expect(kinds({ type: 'Polygon', coordinates: [[[0, 0], [1, 0]]] })).toEqual(['unclosed_ring (fixed)', 'short_ring']);
    expect(kinds({ type: 'Polygon', coordinates: [[[0, 0], [0, 0], [1, 1], [0, 0]]] })).toEqual(['short_ring']);
    // Three positions close into a triangle, which is a valid ring.
    expect(kinds({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] })).toEqual(['unclosed_ring (fixed)']);
  });

  it('reports lines with fewer than two distinct positions as short', () => {
    expect(kinds({ type: 'LineString', coordinates: [[1, 1]] })).toEqual(['short_ring']);
    expect(kinds({ type: 'LineString', coordinates: [[1, 1], [1, 1]] })).toEqual(['short_ring']);
    expect(kinds({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2]]] })).toEqual(['short_ring']);
  });

  it('rewinds to RFC 7946: outer rings counter-clockwise, holes clockwise', () => {
    const cwSquare = square.slice().reverse();
    const ccwHole = hole.slice().reverse();
    const r = check({ type: 'Polygon', coordinates: [cwSquare, ccwHole] });
    expect(r.valid).toBe(true);
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [square, hole] });
    expect(r.problems).toEqual([
      expect.objectContaining({ kind: 'wrong_winding', fixed: true, message: expect.stringMatching(/^Feature 0: outer ring runs clockwise; rewound it .*\(and 1 more like it\)\.$/) }),
    ]);
  });

  it('closes, then rewinds, rings of every polygon of a multipolygon and keeps z', () => {
    const r = check({ type: 'MultiPolygon', coordinates: [[[[0, 0, 9], [0, 1, 9], [1, 1, 9], [1, 0, 9]]]] });
    expect(r.problems.map((p) => p.kind)).toEqual(['unclosed_ring', 'wrong_winding']);
    expect(r.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 0, 9], [1, 0, 9], [1, 1, 9], [0, 1, 9], [0, 0, 9]]]] });
  });
});

describe('checkGeometry: self-intersections', () => {
  const expectSelf = (g: unknown, text: RegExp) => {
    const r = check(g);
    expect(r.valid).toBe(false);
    const p = r.problems.find((q) => q.kind === 'self_intersection');
    expect(p?.message).toMatch(text);
  };

  it('finds a bow-tie and says where it crosses', () => {
    expectSelf({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }, /outer ring crosses or touches itself near \(0\.5, 0\.5\)/);
  });

  it('finds a ring that touches itself at a point, and a spike that runs back on itself', () => {
    expectSelf({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [1, 0], [0, 2], [0, 0]]] }, /touches itself near \(1, 0\)/);
    // A spike is also a touch of non-neighbouring edges; which of the two is named first depends on order.
    expectSelf({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [2, 3], [2, 2], [0, 2], [0, 0]]] }, /(runs back along|touches) itself near \(2, [23]\)/);
  });

  it('finds a hole that crosses its outer ring or touches it twice', () => {
    expectSelf({ type: 'Polygon', coordinates: [square, [[0.5, 0.5], [1.5, 0.5], [0.5, 0.7], [0.5, 0.5]]] }, /outer ring and hole 1 cross/);
    expectSelf({ type: 'Polygon', coordinates: [square, [[0, 0.5], [0.5, 0.8], [1, 0.5], [0.5, 0.2], [0, 0.5]]] }, /touch at two or more points/);
  });

  it('finds polygons of a multipolygon that overlap or share an edge', () => {
    const shifted = square.map(([x, y]) => [x + 0.5, y + 0.5]);
    expectSelf({ type: 'MultiPolygon', coordinates: [[square], [shifted]] }, /polygon 0 outer ring and polygon 1 outer ring overlap/);
    const beside = square.map(([x, y]) => [x + 1, y]);
    expectSelf({ type: 'MultiPolygon', coordinates: [[square], [beside]] }, /overlap/);
  });

  it('checks each member of a GeometryCollection', () => {
    expectSelf({ type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }] }, /^Feature 0: geometry 0 \(Polygon\) outer ring crosses/);
  });

  it('does not judge lines that cross themselves (they are valid, if not simple)', () => {
    expect(kinds({ type: 'LineString', coordinates: [[0, 0], [1, 1], [1, 0], [0, 1]] })).toEqual([]);
  });
});

describe('checkGeometry: types', () => {
  it('refuses nested GeometryCollections, unknown and mis-cased types, and non-geometries', () => {
    for (const [g, text] of [
      [{ type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [] }] }, /GeometryCollection inside a GeometryCollection/],
      [{ type: 'Circle', coordinates: [0, 0] }, /"Circle", which is not a GeoJSON geometry type/],
      [{ type: 'polygon', coordinates: [square] }, /case-sensitive: "Polygon"/],
      [{ type: 'GeometryCollection', geometries: [false] }, /geometry 0 is false, not a geometry object/],
      [{ coordinates: [1, 2] }, /has no "type"/],
      ['POINT (1 2)', /is a string, not a geometry object/],
    ] as const) {
      const r = check(g);
      expect(r.valid, JSON.stringify(g)).toBe(false);
      expect(r.problems[0]).toMatchObject({ kind: 'unsupported_geometry', message: expect.stringMatching(text) });
    }
  });

  it('groups problems: one per kind per feature, counting the rest', () => {
    const open = [[0, 0], [1, 0], [1, 1], [0, 1]];
    const r = check({ type: 'MultiPolygon', coordinates: [[open], [open.map(([x, y]) => [x + 5, y])], [open.map(([x, y]) => [x + 9, y])]] });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(/^Feature 0: polygon 0 outer ring does not end where it starts; closed it \(and 2 more like it\)\.$/);
  });
});
