import { assemble, chain } from './rings.ts';
import type { PlanarMultiPolygon } from './shapes.ts';

/**
 * Turns the trapezoid stream of `sweep` (slab by slab, bottom to top) into polygons: the lower and upper
 * sides of each trapezoid plus the vertical pieces where the region differs between neighbouring slabs
 * are directed with the inside on their left, chained end to start into rings, and cleaned of the
 * collinear vertices the slab cuts leave. Counter-clockwise rings are outers, clockwise ones holes.
 */
export class OutlineBuilder {
  private readonly edges: number[] = []; // x0, y0, x1, y1 per edge
  private lastX = NaN;
  private prevRight: number[] = []; // positions in `edges` of the y of each interval end at lastX
  private curX = NaN;
  private curLeft: number[] = [];
  private curRight: number[] = [];
  private curB = NaN;
  /** Area of everything added so far (m²). */
  area = 0;

  /** The `TrapezoidSink` to hand to `sweep`. */
  readonly sink = (xa: number, xb: number, loA: number, loB: number, hiA: number, hiB: number): void => {
    if (hiA - loA <= 0 && hiB - loB <= 0) return;
    this.area += ((hiA - loA + hiB - loB) * (xb - xa)) / 2;
    if (xa !== this.curX) this.closeSlab(xa);
    const at = this.edges.length;
    this.edges.push(xa, loA, xb, loB, xb, hiB, xa, hiA);
    this.curLeft.push(at + 1, at + 7);
    this.curRight.push(at + 3, at + 5);
    this.curB = xb;
  };

  private closeSlab(nextX: number): void {
    if (!Number.isNaN(this.curX)) {
      this.verticals(this.curX, this.lastX === this.curX ? this.prevRight : [], this.curLeft);
      this.lastX = this.curB;
      this.prevRight = this.curRight;
    }
    if (!Number.isNaN(this.lastX) && this.lastX !== nextX) {
      this.verticals(this.lastX, this.prevRight, []);
      this.prevRight = [];
    }
    this.curX = nextX;
    this.curLeft = [];
    this.curRight = [];
  }

  /**
   * The boundary on the line x between the slab on its left and the one on its right. Two edges that
   * cross at x give the same point two slightly different floats, so the ends within SNAP of each other
   * are first made equal (in the stored edges too), then the vertical boundary goes up where only the
   * left side is inside and down where only the right side is.
   */
  private verticals(x: number, left: number[], right: number[]): void {
    const E = this.edges;
    const all = [...left, ...right].sort((p, q) => E[p] - E[q]);
    let rep = NaN;
    for (const p of all) {
      if (E[p] - rep <= SNAP) E[p] = rep;
      else rep = E[p];
    }
    const l = merged(left.map((p) => E[p]));
    const r = merged(right.map((p) => E[p]));
    for (const [lo, hi] of subtract(l, r)) E.push(x, lo, x, hi);
    for (const [lo, hi] of subtract(r, l)) E.push(x, hi, x, lo);
  }

  /** The polygons, outer rings counter-clockwise with their holes. */
  finish(): PlanarMultiPolygon {
    this.closeSlab(NaN);
    return assemble(chain(this.edges));
  }
}

/** Interval ends closer than this (metres) are one point. */
const SNAP = 1e-7;

/** Sorted intervals (flat lo, hi pairs) with touching or overlapping ones joined. */
function merged(v: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < v.length; i += 2) {
    const lo = Math.min(v[i], v[i + 1]);
    const hi = Math.max(v[i], v[i + 1]);
    if (out.length && lo <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}

/** Parts of sorted disjoint intervals `a` not covered by sorted disjoint intervals `b`. */
function subtract(a: number[], b: number[]): [number, number][] {
  const out: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let lo = a[i];
    const hi = a[i + 1];
    while (j < b.length && b[j + 1] <= lo) j += 2;
    let k = j;
    while (k < b.length && b[k] < hi) {
      if (b[k] > lo) out.push([lo, b[k]]);
      lo = Math.max(lo, b[k + 1]);
      k += 2;
    }
    if (hi > lo) out.push([lo, hi]);
  }
  return out;
}

