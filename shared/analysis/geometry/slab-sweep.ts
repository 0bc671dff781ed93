import type { BBox } from './shapes.ts';

/**
 * Boolean operations on polygons by slab decomposition: cut the plane at every vertex x and every
 * edge crossing x; inside each vertical slab no two edges cross, so the region is a stack of
 * trapezoids whose sides are input edges. Area is then a sum of trapezoids (exact for polygons) and
 * outlines follow from the trapezoids (`outline.ts`). No topology is built, so nothing can fail on
 * near-degenerate input the way an overlay can (polyclip-ts, which turf.union uses, throws "Unable to
 * complete output ring" on overlapping buffers), and the cost is O((events + crossings) · edges per slab).
 *
 * Sources are read with the even-odd rule each; group A (subject) and group B (clip) are each the union
 * of their sources.
 */
export type SweepOp = 'union' | 'intersection' | 'difference';

export interface SweepSource {
  rings: Float64Array[];
  group: 0 | 1;
}

/**
 * One trapezoid of the result: x from xa to xb, lower side from yLoA to yLoB on input edge `lo`, upper
 * side from yHiA to yHiB on input edge `hi` (edge ids are stable through one sweep).
 */
export type TrapezoidSink = (xa: number, xb: number, yLoA: number, yLoB: number, yHiA: number, yHiB: number, lo: number, hi: number) => void;

/** Events closer than this (metres) are one event. */
const EVENT_EPS = 1e-7;

let X0 = new Float64Array(1024);
let Y0 = new Float64Array(1024);
let X1 = new Float64Array(1024);
let Y1 = new Float64Array(1024);
let SRC = new Int32Array(1024);
let YM = new Float64Array(1024);

function grow(n: number): void {
  if (n <= X0.length) return;
  const size = Math.max(n, X0.length * 2);
  const g = (a: Float64Array) => { const b = new Float64Array(size); b.set(a); return b; };
  X0 = g(X0); Y0 = g(Y0); X1 = g(X1); Y1 = g(Y1); YM = g(YM);
  const s = new Int32Array(size); s.set(SRC); SRC = s;
}

/** y of edge e at x, exact at the edge's own endpoints (so adjacent slabs meet on the same floats). */
function yAt(e: number, x: number): number {
  if (x === X0[e]) return Y0[e];
  if (x === X1[e]) return Y1[e];
  return Y0[e] + ((x - X0[e]) * (Y1[e] - Y0[e])) / (X1[e] - X0[e]);
}

/**
 * Sweeps `sources` across `window`: only x inside it, and crossings outside its y range are ignored, so
 * the result is exact only inside the window. For 'intersection' and 'difference' group A must lie inside
 * the window (give its bbox); edges above the window are then dropped and those below flattened.
 */
export function sweep(sources: SweepSource[], op: SweepOp, window: BBox, sink: TrapezoidSink): void {
  const [wx0, wy0, wx1, wy1] = window;
  if (!(wx1 > wx0)) return;
  // Intersection and difference keep only what lies in group A, which callers keep inside the window.
  const clip = op !== 'union';
  let n = 0;
  for (let s = 0; s < sources.length; s++) {
    for (const r of sources[s].rings) {
      grow(n + r.length / 2);
      for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
        let ax = r[j], ay = r[j + 1], bx = r[i], by = r[i + 1];
        if (ax === bx) continue; // vertical edges never span a slab
        if (ax > bx) { const tx = ax; ax = bx; bx = tx; const ty = ay; ay = by; by = ty; }
        if (bx <= wx0 || ax >= wx1) continue;
        if (clip) {
          if (ay > wy1 && by > wy1) continue; // above the window: changes nothing below it
          if (ay < wy0 && by < wy0) ay = by = wy0 - 1; // below: only its parity matters
        }
        X0[n] = ax; Y0[n] = ay; X1[n] = bx; Y1[n] = by; SRC[n] = s; n++;
      }
    }
  }
  if (n === 0) return;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => X0[a] - X0[b]);

  const events: number[] = [wx0, wx1];
  for (let i = 0; i < n; i++) {
    if (X0[i] > wx0 && X0[i] < wx1) events.push(X0[i]);
    if (X1[i] > wx0 && X1[i] < wx1) events.push(X1[i]);
  }
  addCrossings(order, n, wy0, wy1, wx0, wx1, events);
  const sorted = Float64Array.from(events).sort();
  // Events closer than EVENT_EPS merge into the first; edges that start or end there join or leave with it.
  const ev: number[] = [sorted[0]];
  for (let i = 1; i < sorted.length; i++) if (sorted[i] - ev[ev.length - 1] > EVENT_EPS) ev.push(sorted[i]);

  const groupOf = new Uint8Array(sources.length);
  for (let s = 0; s < sources.length; s++) groupOf[s] = sources[s].group;
  const parity = new Uint8Array(sources.length);
  const active: number[] = [];
  let next = 0;
  for (let k = 1; k < ev.length; k++) {
    const a = ev[k - 1];
    const b = ev[k];
    const xm = (a + b) / 2;
    let w = 0;
    for (let i = 0; i < active.length; i++) if (X1[active[i]] > a + EVENT_EPS) active[w++] = active[i];
    active.length = w;
    while (next < n && X0[order[next]] <= a + EVENT_EPS) {
      const e = order[next++];
      if (X1[e] > a + EVENT_EPS) active.push(e);
    }
    for (let i = 0; i < active.length; i++) YM[active[i]] = yAt(active[i], xm);
    // Insertion sort: the order changes only at crossings, so it is nearly sorted from the last slab.
    for (let i = 1; i < active.length; i++) {
      const e = active[i];
      const y = YM[e];
      let j = i - 1;
      while (j >= 0 && YM[active[j]] > y) { active[j + 1] = active[j]; j--; }
      active[j + 1] = e;
    }
    let countA = 0, countB = 0, inside = false, lo = -1;
    for (let i = 0; i < active.length; i++) {
      const e = active[i];
      const s = SRC[e];
      parity[s] ^= 1;
      const d = parity[s] ? 1 : -1;
      if (groupOf[s] === 0) countA += d; else countB += d;
      const now = op === 'union' ? countA > 0 || countB > 0 : op === 'intersection' ? countA > 0 && countB > 0 : countA > 0 && countB === 0;
      if (now && !inside) lo = e;
      else if (!now && inside) sink(a, b, yAt(lo, a), yAt(lo, b), yAt(e, a), yAt(e, b), lo, e);
      inside = now;
    }
    for (let i = 0; i < active.length; i++) parity[SRC[active[i]]] = 0;
  }
}

/** x of every proper crossing between two edges whose y ranges meet the window's. */
function addCrossings(order: Int32Array, n: number, wy0: number, wy1: number, wx0: number, wx1: number, out: number[]): void {
  const active: number[] = [];
  for (let k = 0; k < n; k++) {
    const e = order[k];
    const ex0 = X0[e], ey0 = Y0[e], ex1 = X1[e], ey1 = Y1[e];
    const eMin = ey0 < ey1 ? ey0 : ey1;
    const eMax = ey0 < ey1 ? ey1 : ey0;
    let w = 0;
    for (let i = 0; i < active.length; i++) if (X1[active[i]] > ex0) active[w++] = active[i];
    active.length = w;
    if (eMax >= wy0 && eMin <= wy1) {
      const dx = ex1 - ex0, dy = ey1 - ey0;
      for (let i = 0; i < w; i++) {
        const f = active[i];
        const fy0 = Y0[f], fy1 = Y1[f];
        if ((fy0 < eMin && fy1 < eMin) || (fy0 > eMax && fy1 > eMax)) continue;
        const fx0 = X0[f];
        const fdx = X1[f] - fx0, fdy = fy1 - fy0;
        const den = fdx * dy - fdy * dx;
        if (den === 0) continue;
        const qx = ex0 - fx0, qy = ey0 - fy0;
        const t = (qx * dy - qy * dx) / den;
        const u = (qx * fdy - qy * fdx) / den;
        if (t <= 0 || t >= 1 || u <= 0 || u >= 1) continue;
        const x = fx0 + t * fdx;
        const y = fy0 + t * fdy;
        if (x > wx0 && x < wx1 && y >= wy0 && y <= wy1) out.push(x);
      }
    }
    if (eMax >= wy0 && eMin <= wy1) active.push(e);
  }
}

/** Area of the result of `op` over `sources` inside `window`. */
export function sweepArea(sources: SweepSource[], op: SweepOp, window: BBox): number {
  let area = 0;
  sweep(sources, op, window, (xa, xb, loA, loB, hiA, hiB) => {
    area += ((hiA - loA + hiB - loB) * (xb - xa)) / 2;
  });
  return area;
}
