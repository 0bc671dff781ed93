import { assemble, chain, SNAP } from './rings.ts';
import type { PlanarMultiPolygon } from './shapes.ts';

/**
 * Turns the trapezoid stream of `sweep` (slab by slab, bottom to top) into polygons: the lower and upper
 * sides of the trapezoids plus the vertical pieces where the region differs between neighbouring slabs,
 * directed with the inside on their left, then chained into rings (`rings.ts`). A side that goes on
 * along the same input edge in the next slab extends the edge already stored instead of adding one, so
 * the work after the sweep grows with the outline, not with the number of trapezoids.
 */
export class OutlineBuilder {
  private readonly edges: number[] = []; // x0, y0, x1, y1 per boundary edge
  /** Area of everything added so far (m²). */
  area = 0;
  private curX = NaN;
  private curB = NaN;
  private curLeft: number[] = []; // interval ends (lo, hi, ...) of the current slab at curX
  private curRight: number[] = []; // ... at curB
  private curLo = new Map<number, number>(); // input edge → boundary edge it is the lower side of
  private curHi = new Map<number, number>();
  private lastX = NaN;
  private prevRight: number[] = [];
  private prevLo = new Map<number, number>();
  private prevHi = new Map<number, number>();

  /** The `TrapezoidSink` to hand to `sweep`. */
  readonly sink = (xa: number, xb: number, loA: number, loB: number, hiA: number, hiB: number, lo: number, hi: number): void => {
    if (hiA - loA <= 0 && hiB - loB <= 0) return;
    this.area += ((hiA - loA + hiB - loB) * (xb - xa)) / 2;
    if (xa !== this.curX) this.closeSlab(xa);
    const E = this.edges;
    const continued = this.lastX === xa;
    // Lower side, directed east: extend the one ending here on the same input edge, if any.
    const l = continued ? this.prevLo.get(lo) : undefined;
    if (l !== undefined && E[4 * l + 2] === xa && E[4 * l + 3] === loA) {
      E[4 * l + 2] = xb;
      E[4 * l + 3] = loB;
      this.curLo.set(lo, l);
    } else {
      this.curLo.set(lo, E.length / 4);
      E.push(xa, loA, xb, loB);
    }
    // Upper side, directed west: extend the start of the one that began here.
    const h = continued ? this.prevHi.get(hi) : undefined;
    if (h !== undefined && E[4 * h] === xa && E[4 * h + 1] === hiA) {
      E[4 * h] = xb;
      E[4 * h + 1] = hiB;
      this.curHi.set(hi, h);
    } else {
      this.curHi.set(hi, E.length / 4);
      E.push(xb, hiB, xa, hiA);
    }
    this.curLeft.push(loA, hiA);
    this.curRight.push(loB, hiB);
    this.curB = xb;
  };

  private closeSlab(nextX: number): void {
    if (!Number.isNaN(this.curX)) {
      this.verticals(this.curX, this.lastX === this.curX ? this.prevRight : [], this.curLeft);
      this.lastX = this.curB;
      this.prevRight = this.curRight;
      this.prevLo = this.curLo;
      this.prevHi = this.curHi;
    }
    if (!Number.isNaN(this.lastX) && this.lastX !== nextX) {
      this.verticals(this.lastX, this.prevRight, []);
      this.prevRight = [];
      this.prevLo = new Map();
      this.prevHi = new Map();
    }
    this.curX = nextX;
    this.curLeft = [];
    this.curRight = [];
    this.curLo = new Map();
    this.curHi = new Map();
  }

  /** Vertical boundary at x: up where only the left side is inside, down where only the right side is. */
  private verticals(x: number, left: number[], right: number[]): void {
    const l = merged(left);
    const r = merged(right);
    for (const [lo, hi] of subtract(l, r)) this.edges.push(x, lo, x, hi);
    for (const [lo, hi] of subtract(r, l)) this.edges.push(x, hi, x, lo);
  }

  /** The polygons, outer rings counter-clockwise with their holes. */
  finish(): PlanarMultiPolygon {
    this.closeSlab(NaN);
    return assemble(chain(this.edges));
  }
}

/** Sorted intervals (flat lo, hi pairs) with touching or overlapping ones (within SNAP) joined. */
function merged(v: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < v.length; i += 2) {
    const lo = Math.min(v[i], v[i + 1]);
    const hi = Math.max(v[i], v[i + 1]);
    if (out.length && lo <= out[out.length - 1] + SNAP) out[out.length - 1] = Math.max(out[out.length - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}

/** Parts (longer than SNAP) of sorted disjoint intervals `a` not covered by sorted disjoint intervals `b`. */
function subtract(a: number[], b: number[]): [number, number][] {
  const out: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let lo = a[i];
    const hi = a[i + 1];
    while (j < b.length && b[j + 1] <= lo) j += 2;
    for (let k = j; k < b.length && b[k] < hi; k += 2) {
      if (b[k] - lo > SNAP) out.push([lo, b[k]]);
      lo = Math.max(lo, b[k + 1]);
    }
    if (hi - lo > SNAP) out.push([lo, hi]);
  }
  return out;
}
