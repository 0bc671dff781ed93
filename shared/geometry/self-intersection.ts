/**
 * Finds where the rings of a polygon or multipolygon cut into each other, by the OGC rules GEOS uses:
 * a ring may not cross or touch itself, rings of one polygon may not cross and may touch each other at
 * one point only, polygons of a multipolygon may touch but not overlap.
 *
 * Small geometries are checked pair by pair; larger ones with a sweep along x (segments sorted by their
 * left end, each tested against the segments still open), which is O(n log n) for ordinary outlines
 * instead of the O(n²) of `turf.kinks`.
 */

/** Which ring: `polygon` indexes the polygons passed in, `ring` the rings of that polygon (0 = outer). */
export interface RingRef {
  polygon: number;
  ring: number;
}

export interface RingIntersection {
  /**
   * self: a ring crosses or touches itself; spike: a ring doubles back along its own edge;
   * crossing: two rings of one polygon cross or share an edge; double_touch: two rings of one polygon
   * touch at two or more points (cutting the polygon in pieces); overlap: two polygons overlap.
   */
  kind: 'self' | 'spike' | 'crossing' | 'double_touch' | 'overlap';
  a: RingRef;
  b: RingRef;
  x: number;
  y: number;
}

/** Up to this many segments, every pair is tested; above, the sweep is faster. */
const PAIRWISE_MAX_SEGMENTS = 16;

const NONE = 0;
const CROSS = 1;
const TOUCH = 2;
const OVERLAP = 3;

/** Set by `classify`: where the two segments meet. */
let hitX = 0;
let hitY = 0;

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** True when (px, py), known to be on the line through a and b, lies within the segment's box. */
function within(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
}

/** How segment a-b meets segment c-d: NONE, CROSS (interiors cross), TOUCH (at one point) or OVERLAP. */
function classify(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) return NONE;
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) return NONE;
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) {
    const t = d1 / (d1 - d2);
    hitX = ax + t * (bx - ax);
    hitY = ay + t * (by - ay);
    return CROSS;
  }
  if (d1 === 0 && d2 === 0) {
    // Collinear: compare the extents along the longer axis.
    const useX = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
    const a0 = useX ? ax : ay;
    const a1 = useX ? bx : by;
    const c0 = useX ? cx : cy;
    const c1 = useX ? dx : dy;
    const lo = Math.max(Math.min(a0, a1), Math.min(c0, c1));
    const hi = Math.min(Math.max(a0, a1), Math.max(c0, c1));
    if (lo > hi) return NONE;
    const t = a1 === a0 ? 0 : (lo - a0) / (a1 - a0);
    hitX = ax + t * (bx - ax);
    hitY = ay + t * (by - ay);
    return lo < hi ? OVERLAP : TOUCH;
  }
  if (d1 === 0 && within(cx, cy, dx, dy, ax, ay)) return touchAt(ax, ay);
  if (d2 === 0 && within(cx, cy, dx, dy, bx, by)) return touchAt(bx, by);
  if (d3 === 0 && within(ax, ay, bx, by, cx, cy)) return touchAt(cx, cy);
  if (d4 === 0 && within(ax, ay, bx, by, dx, dy)) return touchAt(dx, dy);
  return NONE;
}

function touchAt(x: number, y: number): number {
  hitX = x;
  hitY = y;
  return TOUCH;
}

/** The segments of the rings being checked, and the touch points found so far. */
interface Segments {
  rings: Float64Array[];
  refs: RingRef[];
  /** Ring of each segment, and its index in the ring (segment i runs from point i to point i + 1). */
  ring: Uint32Array;
  index: Uint32Array;
  /** Distinct touch points between two rings of one polygon, keyed by the ring pair. */
  touches: Map<string, Set<string>>;
}

type HitKind = RingIntersection['kind'] | null;

/** Tests segments s and t (s < t); on a hit, `hitX`/`hitY` say where. */
function testPair(seg: Segments, s: number, t: number): HitKind {
  const rs = seg.ring[s];
  const rt = seg.ring[t];
  const A = seg.rings[rs];
  const B = seg.rings[rt];
  const si = seg.index[s];
  const ti = seg.index[t];
  const i = si * 2;
  const j = ti * 2;
  const ax = A[i], ay = A[i + 1], bx = A[i + 2], by = A[i + 3];
  const cx = B[j], cy = B[j + 1], dx = B[j + 2], dy = B[j + 3];

  if (rs === rt) {
    const n = A.length / 2 - 1;
    const gap = si > ti ? si - ti : ti - si;
    if (gap === 1 || gap === n - 1) {
      // Neighbours share a point; they are wrong only when the second runs back along the first.
      const sFirst = ti === si + 1 || (si === n - 1 && ti === 0);
      const px = sFirst ? ax : cx, py = sFirst ? ay : cy;
      const qx = sFirst ? bx : dx, qy = sFirst ? by : dy;
      const rx = sFirst ? dx : bx, ry = sFirst ? dy : by;
      if (orient(px, py, qx, qy, rx, ry) === 0 && (qx - px) * (rx - qx) + (qy - py) * (ry - qy) < 0) {
        hitX = qx;
        hitY = qy;
        return 'spike';
      }
      return null;
    }
    return classify(ax, ay, bx, by, cx, cy, dx, dy) === NONE ? null : 'self';
  }
  const c = classify(ax, ay, bx, by, cx, cy, dx, dy);
  if (c === NONE) return null;
  if (seg.refs[rs].polygon !== seg.refs[rt].polygon) return c === TOUCH ? null : 'overlap';
  if (c !== TOUCH) return 'crossing';
  const key = rs < rt ? `${rs}:${rt}` : `${rt}:${rs}`;
  let points = seg.touches.get(key);
  if (!points) seg.touches.set(key, (points = new Set()));
  points.add(`${hitX},${hitY}`);
  return points.size >= 2 ? 'double_touch' : null;
}

/**
 * The first place where the rings break the rules, or null. Each ring is a closed flat x/y array without
 * consecutive repeated points and with at least four points (see `ringXY`).
 */
export function findRingIntersection(polygons: readonly (readonly Float64Array[])[]): RingIntersection | null {
  const rings: Float64Array[] = [];
  const refs: RingRef[] = [];
  for (let p = 0; p < polygons.length; p++) {
    for (let r = 0; r < polygons[p].length; r++) {
      rings.push(polygons[p][r]);
      refs.push({ polygon: p, ring: r });
    }
  }
  let total = 0;
  for (const xy of rings) total += xy.length / 2 - 1;
  const seg: Segments = { rings, refs, ring: new Uint32Array(total), index: new Uint32Array(total), touches: new Map() };
  let s = 0;
  for (let r = 0; r < rings.length; r++) {
    const n = rings[r].length / 2 - 1;
    for (let i = 0; i < n; i++, s++) {
      seg.ring[s] = r;
      seg.index[s] = i;
    }
  }
  const found = total <= PAIRWISE_MAX_SEGMENTS ? pairwise(seg, total) : sweep(seg, total);
  if (!found) return null;
  return { kind: found.kind, a: refs[seg.ring[found.s]], b: refs[seg.ring[found.t]], x: hitX, y: hitY };
}

interface Found {
  kind: RingIntersection['kind'];
  s: number;
  t: number;
}

function pairwise(seg: Segments, total: number): Found | null {
  for (let s = 0; s < total; s++) {
    for (let t = s + 1; t < total; t++) {
      const kind = testPair(seg, s, t);
      if (kind) return { kind, s, t };
    }
  }
  return null;
}

/** Segments sorted by their left end; each is tested against the segments still open at that x. */
function sweep(seg: Segments, total: number): Found | null {
  const minX = new Float64Array(total);
  const maxX = new Float64Array(total);
  const minY = new Float64Array(total);
  const maxY = new Float64Array(total);
  for (let k = 0; k < total; k++) {
    const xy = seg.rings[seg.ring[k]];
    const i = seg.index[k] * 2;
    minX[k] = Math.min(xy[i], xy[i + 2]);
    maxX[k] = Math.max(xy[i], xy[i + 2]);
    minY[k] = Math.min(xy[i + 1], xy[i + 3]);
    maxY[k] = Math.max(xy[i + 1], xy[i + 3]);
  }
  const order = new Uint32Array(total);
  for (let k = 0; k < total; k++) order[k] = k;
  order.sort((p, q) => minX[p] - minX[q]);

  const active = new Uint32Array(total);
  let activeCount = 0;
  for (let k = 0; k < total; k++) {
    const cur = order[k];
    const left = minX[cur];
    const bottom = minY[cur];
    const top = maxY[cur];
    let kept = 0;
    for (let m = 0; m < activeCount; m++) {
      const other = active[m];
      if (maxX[other] < left) continue;
      active[kept++] = other;
      if (maxY[other] < bottom || minY[other] > top) continue;
      const s = other < cur ? other : cur;
      const t = other < cur ? cur : other;
      const kind = testPair(seg, s, t);
      if (kind) return { kind, s, t };
    }
    activeCount = kept;
    active[activeCount++] = cur;
  }
  return null;
}
