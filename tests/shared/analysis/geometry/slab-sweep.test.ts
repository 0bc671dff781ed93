import { describe, expect, it } from 'vitest';
import { booleanValid } from '@turf/turf';
import { capsule, disk, polygonPieces } from '../../../../shared/analysis/geometry/buffer-pieces.ts';
import { coveredArea, uncoveredParts, unionParts } from '../../../../shared/analysis/geometry/local-overlay.ts';
import { shapeFromRing, type PlanarMultiPolygon, type Shape } from '../../../../shared/analysis/geometry/shapes.ts';
import { sweepArea } from '../../../../shared/analysis/geometry/slab-sweep.ts';
import { mulberry32 } from '../../../../seeds/random.ts';

const rect = (x0: number, y0: number, x1: number, y1: number, convex = true) => shapeFromRing(new Float64Array([x0, y0, x1, y0, x1, y1, x0, y1]), convex);

function area(polygons: PlanarMultiPolygon): number {
  let a = 0;
  for (const poly of polygons) {
    for (const ring of poly) for (let i = 0; i + 1 < ring.length; i++) a += (ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]) / 2;
  }
  return a;
}

function randomPieces(rnd: () => number): Shape[] {
  const pieces: Shape[] = [];
  const n = 1 + Math.floor(rnd() * 25);
  for (let i = 0; i < n; i++) {
    const t = rnd();
    // Integer coordinates on purpose: shared vertices, collinear and touching edges are the hard cases.
    if (t < 0.4) pieces.push(disk(Math.round(rnd() * 1000), Math.round(rnd() * 1000), 50 + Math.round(rnd() * 300), 1 + Math.floor(rnd() * 8)));
    else if (t < 0.7) pieces.push(capsule(Math.round(rnd() * 1000), Math.round(rnd() * 1000), Math.round(rnd() * 1000), Math.round(rnd() * 1000), 40, 8));
    else if (t < 0.85) pieces.push(rect(Math.round(rnd() * 10) * 100, 200, Math.round(rnd() * 10) * 100 + 100, 300));
    else {
      const x = rnd() * 1000, y = rnd() * 1000;
      const l = shapeFromRing(new Float64Array([x, y, x + 100, y, x + 100, y + 30, x + 30, y + 30, x + 30, y + 100, x, y + 100]), false);
      pieces.push(...polygonPieces(l, 20 + rnd() * 100, 8));
    }
  }
  return pieces;
}

describe('slab sweep', () => {
  it('measures the area of a disk, a capsule and an L-shaped buffer exactly', () => {
    expect(sweepArea([{ rings: disk(0, 0, 10, 8).rings, group: 1 }], 'union', [-20, -20, 20, 20])).toBeCloseTo(16 * 100 * Math.sin(Math.PI / 16), 9);
    const c = capsule(0, 0, 100, 0, 10, 8);
    expect(c.area).toBeCloseTo(2000 + 16 * 100 * Math.sin(Math.PI / 16), 9);
    expect(sweepArea([{ rings: c.rings, group: 1 }], 'union', [-20, -20, 120, 20])).toBeCloseTo(c.area, 9);
  });

  it('intersects, subtracts and unites overlapping squares', () => {
    const a = rect(0, 0, 10, 10);
    const b = rect(5, 5, 15, 15);
    const win: [number, number, number, number] = [-1, -1, 16, 16];
    const src = [{ rings: a.rings, group: 0 as const }, { rings: b.rings, group: 1 as const }];
    expect(sweepArea(src, 'intersection', win)).toBeCloseTo(25, 12);
    expect(sweepArea(src, 'difference', win)).toBeCloseTo(75, 12);
    expect(sweepArea(src, 'union', win)).toBeCloseTo(175, 12);
  });

  it('reads holes with the even-odd rule', () => {
    const courtyard = { rings: [...rect(0, 0, 10, 10).rings, ...rect(3, 3, 7, 7).rings], bbox: [0, 0, 10, 10] as [number, number, number, number], area: 84, convex: false };
    expect(coveredArea(courtyard, [rect(-5, -5, 20, 20)])).toBe(84);
    expect(coveredArea(courtyard, [rect(0, 0, 5, 10, true)])).toBeCloseTo(50 - 8, 12);
  });

  it('keeps covered + uncovered = area and union outlines = union area on random pieces', () => {
    const rnd = mulberry32(7);
    const block = shapeFromRing(new Float64Array([200, 200, 700, 250, 650, 700, 250, 600]), false);
    for (let trial = 0; trial < 150; trial++) {
      const pieces = randomPieces(rnd);
      const win: [number, number, number, number] = [-500, -500, 1600, 1600];
      const union = unionParts(pieces, win);
      expect(area(union) / sweepArea(pieces.map((p) => ({ rings: p.rings, group: 1 as const })), 'union', win)).toBeCloseTo(1, 10);
      const parts = uncoveredParts(block, pieces);
      expect((area(parts.polygons) + coveredArea(block, pieces)) / block.area).toBeCloseTo(1, 10);
    }
  });

  it('draws valid polygons (outer rings counter-clockwise, holes inside)', () => {
    const rnd = mulberry32(11);
    for (let trial = 0; trial < 40; trial++) {
      const union = unionParts(randomPieces(rnd), [-500, -500, 1600, 1600]);
      for (const poly of union) {
        expect(booleanValid({ type: 'Polygon', coordinates: poly.map((r) => r.map(([x, y]) => [x / 1e5, y / 1e5])) })).toBe(true);
      }
    }
  });
});
