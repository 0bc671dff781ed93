import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { checkGeometry } from '../../../shared/geometry/index.ts';

/** A deterministic pseudo-random sequence in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A closed circle-like ring of `n` points. */
function circle(n: number, cx = 0, cy = 0, r = 1): Position[] {
  const pts: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    pts.push([cx + r * Math.cos(a) * (1 + 0.05 * Math.sin(7 * a)), cy + r * Math.sin(a)]);
  }
  return [...pts, pts[0]];
}

// Large inputs (a sweep, not a pairwise check, keeps these to seconds; speed itself is measured
// by `npm run bench`, never asserted here).
describe('checkGeometry on large inputs', () => {
  it('finds no problem in 100,000 valid parcel polygons with holes', () => {
    const rnd = random(7);
    const polygons: Polygon[] = [];
    let vertices = 0;
    for (let i = 0; i < 100_000; i++) {
      const cx = 120.7 + (i % 400) * 0.001;
      const cy = 30.7 + Math.floor(i / 400) * 0.001;
      const n = 5 + Math.floor(rnd() * 40);
      const rings = [circle(n, cx, cy, 0.0004)];
      if (i % 10 === 0) rings.push(circle(8, cx, cy, 0.0001).reverse());
      vertices += rings.reduce((s, r) => s + r.length, 0);
      polygons.push({ type: 'Polygon', coordinates: rings });
    }
    let problems = 0;
    for (let i = 0; i < polygons.length; i++) problems += checkGeometry(polygons[i], i).problems.length;
    expect(vertices).toBeGreaterThan(2_000_000);
    expect(problems).toBe(0);
  }, 120_000);

  it('accepts a valid ring of 1,000,000 points, and finds the one crossing put into it', () => {
    const ring = circle(1_000_000);
    expect(checkGeometry({ type: 'Polygon', coordinates: [ring] } as Polygon, 0).valid).toBe(true);
    const crossed = [...ring];
    [crossed[500_000], crossed[500_001]] = [crossed[500_001], crossed[500_000]];
    const result = checkGeometry({ type: 'Polygon', coordinates: [crossed] } as Polygon, 0);
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.message).join(' ')).toMatch(/crosses or touches itself/);
  }, 120_000);
});
