import type { PlanarMultiPolygon } from './shapes.ts';

/**
 * From directed boundary edges (inside on their left) to polygons: chaining, cleaning, and sorting the
 * rings into outers and holes. Used by `outline.ts`.
 */

/** Points on the same slab line closer than this (metres) are one point. */
export const SNAP = 1e-7;

/**
 * Chains directed edges into closed rings (flat, open). Edge ends meet on the slab lines (exact x), but
 * two edges crossing there give the crossing two slightly different y: ends on the same x within SNAP
 * are welded into one point first. Where several edges leave a point, the leftmost turn is taken.
 */
export function chain(edges: number[]): number[][] {
  const count = edges.length / 4;
  // Weld: per x, sort the ends by y and give each run of ends closer than SNAP one node id.
  const byX = new Map<number, number[]>(); // x → end slots (2·edge for starts, 2·edge + 1 for ends)
  for (let slot = 0; slot < 2 * count; slot++) {
    const x = edges[2 * slot];
    const list = byX.get(x);
    if (list) list.push(slot);
    else byX.set(x, [slot]);
  }
  const node = new Int32Array(2 * count);
  const nodeY: number[] = [];
  const nodeX: number[] = [];
  for (const [x, slots] of byX) {
    slots.sort((p, q) => edges[2 * p + 1] - edges[2 * q + 1]);
    let first = -Infinity;
    for (const slot of slots) {
      const y = edges[2 * slot + 1];
      if (y - first > SNAP) {
        first = y;
        nodeX.push(x);
        nodeY.push(y);
      }
      node[slot] = nodeY.length - 1;
    }
  }
  const byStart = new Map<number, number[]>();
  for (let e = 0; e < count; e++) {
    if (node[2 * e] === node[2 * e + 1]) continue;
    const list = byStart.get(node[2 * e]);
    if (list) list.push(e);
    else byStart.set(node[2 * e], [e]);
  }
  const used = new Uint8Array(count);
  const rings: number[][] = [];
  for (const list of byStart.values()) {
    for (const first of list) {
      if (used[first]) continue;
      const ring: number[] = [];
      let e = first;
      while (e >= 0 && !used[e]) {
        used[e] = 1;
        ring.push(nodeX[node[2 * e]], nodeY[node[2 * e]]);
        e = pickNext(edges, e, byStart.get(node[2 * e + 1]), used);
      }
      if (ring.length >= 6) rings.push(ring);
    }
  }
  return rings;
}

function pickNext(edges: number[], from: number, candidates: number[] | undefined, used: Uint8Array): number {
  if (!candidates) return -1;
  const dx = edges[4 * from + 2] - edges[4 * from];
  const dy = edges[4 * from + 3] - edges[4 * from + 1];
  let best = -1;
  let bestTurn = -Infinity;
  for (const c of candidates) {
    if (used[c]) continue;
    const ex = edges[4 * c + 2] - edges[4 * c];
    const ey = edges[4 * c + 3] - edges[4 * c + 1];
    const turn = Math.atan2(dx * ey - dy * ex, dx * ex + dy * ey);
    if (turn > bestTurn) { bestTurn = turn; best = c; }
  }
  return best;
}

/** Drops repeated and collinear vertices (within 1e-6 m of the line through their neighbours). */
function clean(ring: number[]): number[] {
  let pts = ring;
  for (let pass = 0; pass < 2; pass++) {
    const out: number[] = [];
    const n = pts.length / 2;
    for (let i = 0; i < n; i++) {
      const px = out.length ? out[out.length - 2] : pts[2 * ((i + n - 1) % n)];
      const py = out.length ? out[out.length - 1] : pts[2 * ((i + n - 1) % n) + 1];
      const x = pts[2 * i], y = pts[2 * i + 1];
      const nx = pts[2 * ((i + 1) % n)], ny = pts[2 * ((i + 1) % n) + 1];
      const len = Math.hypot(nx - px, ny - py);
      const off = len > 0 ? Math.abs((nx - px) * (y - py) - (ny - py) * (x - px)) / len : Math.hypot(x - px, y - py);
      if (off > 1e-6) out.push(x, y);
    }
    pts = out;
    if (pts.length < 6) return [];
  }
  return pts;
}

function signedArea(r: number[]): number {
  let s = 0;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) s += (r[j] - r[i]) * (r[j + 1] + r[i + 1]);
  return s / 2;
}

function inRing(r: number[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    if (r[i + 1] > y !== r[j + 1] > y && x < ((r[j] - r[i]) * (y - r[i + 1])) / (r[j + 1] - r[i + 1]) + r[i]) inside = !inside;
  }
  return inside;
}

const close = (r: number[]): number[][] => {
  const pts: number[][] = [];
  for (let i = 0; i < r.length; i += 2) pts.push([r[i], r[i + 1]]);
  pts.push([r[0], r[1]]);
  return pts;
};

/** Outer rings with the holes that fall inside them (each hole to the smallest outer containing it). */
export function assemble(raw: number[][]): PlanarMultiPolygon {
  const outers: { ring: number[]; area: number; holes: number[][] }[] = [];
  const holes: number[][] = [];
  for (const r of raw) {
    const ring = clean(r);
    if (ring.length < 6) continue;
    const a = signedArea(ring);
    if (a > 1e-6) outers.push({ ring, area: a, holes: [] });
    else if (a < -1e-6) holes.push(ring);
  }
  outers.sort((p, q) => p.area - q.area);
  for (const h of holes) {
    // A point just left of the hole's first edge is inside the region, so inside its outer ring.
    const dx = h[2] - h[0], dy = h[3] - h[1], len = Math.hypot(dx, dy) || 1;
    const x = (h[0] + h[2]) / 2 - (dy / len) * 1e-4;
    const y = (h[1] + h[3]) / 2 + (dx / len) * 1e-4;
    const owner = outers.find((o) => inRing(o.ring, x, y));
    if (owner) owner.holes.push(h);
  }
  return outers.map((o) => [close(o.ring), ...o.holes.map(close)]);
}
