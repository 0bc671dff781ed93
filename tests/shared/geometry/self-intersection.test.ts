import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { kinks } from '@turf/turf';
import { findRingIntersection, ringXY } from '../../../shared/geometry/index.ts';

/** A deterministic pseudo-random sequence in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function closed(points: Position[]): Position[] {
  return [...points, points[0]];
}

/** A circle-like ring of `n` points (smooth, so the sweep meets few segments at once). */
function circle(n: number, cx = 0, cy = 0, r = 1): Position[] {
  const pts: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    pts.push([cx + r * Math.cos(a) * (1 + 0.05 * Math.sin(7 * a)), cy + r * Math.sin(a)]);
  }
  return closed(pts);
}

describe('findRingIntersection', () => {
  it('agrees with turf.kinks on 600 random rings of 4 to 40 points', () => {
    const rnd = random(42);
    let kinked = 0;
    for (let k = 0; k < 600; k++) {
      const n = 4 + Math.floor(rnd() * 37);
      // Mostly star-shaped (simple) rings, some scrambled (crossing).
      const scramble = rnd() < 0.4;
      const pts: Position[] = [];
      for (let i = 0; i < n; i++) {
        const a = scramble ? rnd() * 2 * Math.PI : (i / n) * 2 * Math.PI;
        const r = 0.3 + rnd();
        pts.push([r * Math.cos(a), r * Math.sin(a)]);
      }
      const ring = closed(pts);
      const ours = findRingIntersection([[ringXY(ring)]]) !== null;
      const theirs = kinks({ type: 'Polygon', coordinates: [ring] }).features.length > 0;
      expect(ours, JSON.stringify(ring)).toBe(theirs);
      if (ours) kinked++;
    }
    expect(kinked).toBeGreaterThan(100);
    expect(kinked).toBeLessThan(500);
  });

  it('finds one crossing in a ring of 200,000 points (the sweep path) and none in the clean ring', () => {
    const ring = circle(200_000);
    expect(findRingIntersection([[ringXY(ring)]])).toBeNull();
    // Swap two neighbouring points far from the start: the ring now crosses itself once.
    const bad = ring.slice();
    [bad[100_000], bad[100_001]] = [bad[100_001], bad[100_000]];
    const hit = findRingIntersection([[ringXY(bad)]]);
    expect(hit).toMatchObject({ kind: 'self', a: { polygon: 0, ring: 0 }, b: { polygon: 0, ring: 0 } });
    expect(hit!.x).toBeCloseTo(-1, 3);
  });

  it('tells rings of one polygon from polygons of a multipolygon', () => {
    const outer = ringXY(circle(100));
    const inner = ringXY(circle(100, 0.9, 0, 0.3).reverse());
    expect(findRingIntersection([[outer, inner]])).toMatchObject({ kind: 'crossing', a: { polygon: 0, ring: 0 }, b: { polygon: 0, ring: 1 } });
    expect(findRingIntersection([[outer], [ringXY(circle(100, 0.9, 0, 0.3))]])).toMatchObject({ kind: 'overlap', b: { polygon: 1, ring: 0 } });
    expect(findRingIntersection([[outer], [ringXY(circle(100, 5, 0, 0.3))]])).toBeNull();
  });
});
