import type { MultiPolygon, Position } from 'geojson';
import { M_PER_DEG_LAT, M_PER_DEG_LON, round6 } from '../geometry.ts';

/**
 * Planar helpers for the street network: where the water is (so that streets stop at the bank or cross
 * it on a bridge), and noding (so that streets meet only at shared vertices, as a routable network
 * needs). Positions are lon/lat; predicates run in local metres (equirectangular at Jiaxing).
 */

const toXY = (p: Position): [number, number] => [p[0] * M_PER_DEG_LON, p[1] * M_PER_DEG_LAT];
const toLonLat = (x: number, y: number): Position => [round6(x / M_PER_DEG_LON), round6(y / M_PER_DEG_LAT)];
const key = (p: Position) => `${p[0]},${p[1]}`;
/** A grid cell as one number (cells within ±500,000 of the origin: ±25,000 km at 50 m). */
const cellKey = (i: number, j: number) => (i + 5e5) * 1e6 + (j + 5e5);

/** Water bodies as seen by the street layout: "is this point in (or within `margin` m of) body i?". */
export class WaterIndex {
  private readonly cell = 50;
  private readonly edges = new Map<number, number[]>(); // cell → edge ids
  /** Cells with an edge in them or in a neighbour; any other cell lies wholly inside or outside each body. */
  private readonly near = new Set<number>();
  /** Body a far cell lies in (-1 for dry land), worked out once per cell. */
  private readonly farCells = new Map<number, number>();
  private readonly ex0: number[] = [];
  private readonly ey0: number[] = [];
  private readonly ex1: number[] = [];
  private readonly ey1: number[] = [];
  private readonly eBody: number[] = [];
  private readonly bodies: { rings: number[][]; box: [number, number, number, number] }[] = [];

  /** One body per water feature, in the order given. */
  constructor(water: MultiPolygon[]) {
    water.forEach((g, body) => {
      const rings = g.coordinates.flat().map((ring) => ring.flatMap(toXY));
      const xs = rings.flatMap((r) => r.filter((_, i) => i % 2 === 0));
      const ys = rings.flatMap((r) => r.filter((_, i) => i % 2 === 1));
      this.bodies.push({ rings, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] });
      for (const r of rings) {
        for (let i = 0; i + 3 < r.length; i += 2) this.addEdge(r[i], r[i + 1], r[i + 2], r[i + 3], body);
      }
    });
    for (const k of this.edges.keys()) {
      const [i, j] = [Math.floor(k / 1e6) - 5e5, (k % 1e6) - 5e5];
      for (let a = -1; a <= 1; a++) for (let b = -1; b <= 1; b++) this.near.add(cellKey(i + a, j + b));
    }
  }

  private addEdge(x0: number, y0: number, x1: number, y1: number, body: number): void {
    const id = this.ex0.length;
    this.ex0.push(x0);
    this.ey0.push(y0);
    this.ex1.push(x1);
    this.ey1.push(y1);
    this.eBody.push(body);
    const c = this.cell;
    // Every cell the edge's box touches (edges are short next to the cell size, so this stays tight).
    for (let i = Math.floor(Math.min(x0, x1) / c); i <= Math.floor(Math.max(x0, x1) / c); i++) {
      for (let j = Math.floor(Math.min(y0, y1) / c); j <= Math.floor(Math.max(y0, y1) / c); j++) {
        const k = cellKey(i, j);
        const list = this.edges.get(k);
        if (list) list.push(id);
        else this.edges.set(k, [id]);
      }
    }
  }

  private inside(body: number, x: number, y: number): boolean {
    const b = this.bodies[body];
    if (x < b.box[0] || x > b.box[2] || y < b.box[1] || y > b.box[3]) return false;
    let inside = false;
    for (const r of b.rings) {
      for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
        if (r[i + 1] > y !== r[j + 1] > y && x < ((r[j] - r[i]) * (y - r[i + 1])) / (r[j + 1] - r[i + 1]) + r[i]) inside = !inside;
      }
    }
    return inside;
  }

  private insideAny(x: number, y: number): number {
    for (let b = 0; b < this.bodies.length; b++) if (this.inside(b, x, y)) return b;
    return -1;
  }

  /** The body a point (metres) is in or within `margin` m of, or -1. Margins up to 50 m. */
  bodyAtXY(x: number, y: number, margin: number): number {
    const c = this.cell;
    const ci = Math.floor(x / c);
    const cj = Math.floor(y / c);
    const k = cellKey(ci, cj);
    if (!this.near.has(k)) {
      let body = this.farCells.get(k);
      if (body === undefined) {
        body = this.insideAny((ci + 0.5) * c, (cj + 0.5) * c);
        this.farCells.set(k, body);
      }
      return body;
    }
    for (let i = ci - 1; i <= ci + 1; i++) {
      for (let j = cj - 1; j <= cj + 1; j++) {
        for (const e of this.edges.get(cellKey(i, j)) ?? []) {
          const dx = this.ex1[e] - this.ex0[e];
          const dy = this.ey1[e] - this.ey0[e];
          const l2 = dx * dx + dy * dy;
          const t = l2 > 0 ? Math.min(1, Math.max(0, ((x - this.ex0[e]) * dx + (y - this.ey0[e]) * dy) / l2)) : 0;
          if (Math.hypot(this.ex0[e] + t * dx - x, this.ey0[e] + t * dy - y) <= margin) return this.eBody[e];
        }
      }
    }
    return this.insideAny(x, y);
  }

  /** The body a lon/lat position is in or within `margin` m of, or -1. */
  bodyAt(p: Position, margin: number): number {
    const [x, y] = toXY(p);
    return this.bodyAtXY(x, y, margin);
  }

  /**
   * The stretches of a polyline that are wet (in a body or within `margin` m of one), as
   * [from, to, body] in metres along the line, found by stepping 4 m and refining each edge to 5 cm.
   */
  wetStretches(coords: Position[], margin: number): [number, number, number][] {
    const xy = coords.map(toXY);
    const out: [number, number, number][] = [];
    let along = 0;
    let open: [number, number] | null = null; // start, body
    const c = this.cell;
    for (let i = 0; i < xy.length - 1; i++) {
      const [x0, y0] = xy[i];
      const [dx, dy] = [xy[i + 1][0] - x0, xy[i + 1][1] - y0];
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      const state = (t: number) => this.bodyAtXY(x0 + t * dx, y0 + t * dy, margin);
      const change = (prevT: number, t: number, body: number) => {
        // Bisect between prevT (old state) and t (new state) to 5 cm.
        let [lo, hi] = [prevT, t];
        while ((hi - lo) * len > 0.05) {
          const mid = (lo + hi) / 2;
          if ((state(mid) >= 0) === (body >= 0)) hi = mid;
          else lo = mid;
        }
        const edge = along + ((lo + hi) / 2) * len;
        if (body >= 0) open = [prevT === 0 && i === 0 && t === 0 ? 0 : edge, body];
        else if (open) {
          out.push([open[0], edge, open[1]]);
          open = null;
        }
      };
      let prevT = 0;
      let t = 0;
      const step = 4 / len;
      while (true) {
        const body = state(t);
        if ((body >= 0) !== (open !== null)) change(prevT, t, body);
        if (t >= 1) break;
        prevT = t;
        const [x, y] = [x0 + t * dx, y0 + t * dy];
        const [ci, cj] = [Math.floor(x / c), Math.floor(y / c)];
        if (this.near.has(cellKey(ci, cj))) t = Math.min(1, t + step);
        else {
          // Far from every edge the state holds to the cell's side: jump to just past it.
          const tx = dx > 0 ? ((ci + 1) * c - x) / dx : dx < 0 ? (ci * c - x) / dx : Infinity;
          const ty = dy > 0 ? ((cj + 1) * c - y) / dy : dy < 0 ? (cj * c - y) / dy : Infinity;
          t = Math.min(1, t + Math.max(Math.min(tx, ty), 0) + 1e-6 / len + 1e-9);
        }
      }
      along += len;
    }
    if (open) out.push([open[0], along, open[1]]);
    return out;
  }
}

/** Length of a polyline in metres (local plane). */
export function lengthM(coords: Position[]): number {
  let s = 0;
  for (let i = 0; i < coords.length - 1; i++) {
    const [a, b] = [toXY(coords[i]), toXY(coords[i + 1])];
    s += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return s;
}

/** The part of a polyline between `from` and `to` metres along it (rounded to 6 decimals). */
export function slicePolyline(coords: Position[], from: number, to: number): Position[] {
  const xy = coords.map(toXY);
  const out: Position[] = [];
  let along = 0;
  for (let i = 0; i < xy.length - 1; i++) {
    const len = Math.hypot(xy[i + 1][0] - xy[i][0], xy[i + 1][1] - xy[i][1]);
    const point = (d: number) => {
      const t = len > 0 ? (d - along) / len : 0;
      return toLonLat(xy[i][0] + t * (xy[i + 1][0] - xy[i][0]), xy[i][1] + t * (xy[i + 1][1] - xy[i][1]));
    };
    if (out.length === 0 && from >= along && from <= along + len) out.push(from === along ? coords[i] : point(from));
    if (out.length > 0) {
      if (to <= along + len) {
        out.push(to === along + len ? coords[i + 1] : point(to));
        break;
      }
      out.push(coords[i + 1]);
    }
    along += len;
  }
  return out.filter((p, i) => i === 0 || key(p) !== key(out[i - 1]));
}

/** A line to be noded: its positions (rounded to 6 decimals) and what it carries through. */
export interface NodeLine<T> {
  coords: Position[];
  data: T;
}

interface SplitEvent {
  /** Position along the segment, 0–1. */
  t: number;
  p: Position;
  /** For a line ending on the segment: that line and the index of its end vertex. */
  end?: [number, number];
}

/** Where each segment (numbered through all lines in order) must be split: crossings and ends landing on it. */
function splitEvents<T>(lines: NodeLine<T>[]): Map<number, SplitEvent[]> {
  const EPS = 1; // metres: an end this close to another line lies on it (as the walking network snaps vertices within 1 m)
  type Seg = { line: number; k: number; x0: number; y0: number; x1: number; y1: number };
  const segs: Seg[] = [];
  lines.forEach((l, line) => {
    const xy = l.coords.map(toXY);
    for (let k = 0; k < l.coords.length - 1; k++) segs.push({ line, k, x0: xy[k][0], y0: xy[k][1], x1: xy[k + 1][0], y1: xy[k + 1][1] });
  });
  const CELL = 200;
  const grid = new Map<string, number[]>();
  segs.forEach((s, id) => {
    for (let i = Math.floor((Math.min(s.x0, s.x1) - EPS) / CELL); i <= Math.floor((Math.max(s.x0, s.x1) + EPS) / CELL); i++) {
      for (let j = Math.floor((Math.min(s.y0, s.y1) - EPS) / CELL); j <= Math.floor((Math.max(s.y0, s.y1) + EPS) / CELL); j++) {
        const k = i * 100_000 + j;
        const list = grid.get(String(k));
        if (list) list.push(id);
        else grid.set(String(k), [id]);
      }
    }
  });
  const events = new Map<number, SplitEvent[]>();
  const add = (seg: number, e: SplitEvent) => {
    const list = events.get(seg);
    if (list) list.push(e);
    else events.set(seg, [e]);
  };
  const isAxis = (s: Seg) => (s.x0 === s.x1 ? 'x' : s.y0 === s.y1 ? 'y' : null);
  const seen = new Set<number>();
  for (const ids of grid.values()) {
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const [i, j] = ids[a] < ids[b] ? [ids[a], ids[b]] : [ids[b], ids[a]];
        const pair = i * segs.length + j;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const s = segs[i];
        const q = segs[j];
        if (s.line === q.line && Math.abs(s.k - q.k) <= 1) continue;
        if (Math.max(s.x0, s.x1) + EPS < Math.min(q.x0, q.x1) || Math.max(q.x0, q.x1) + EPS < Math.min(s.x0, s.x1)) continue;
        if (Math.max(s.y0, s.y1) + EPS < Math.min(q.y0, q.y1) || Math.max(q.y0, q.y1) + EPS < Math.min(s.y0, s.y1)) continue;
        const rx = s.x1 - s.x0, ry = s.y1 - s.y0, sx = q.x1 - q.x0, sy = q.y1 - q.y0;
        const ls = Math.hypot(rx, ry), lq = Math.hypot(sx, sy);
        const den = rx * sy - ry * sx;
        const ps = lines[s.line].coords, pq = lines[q.line].coords;
        if (Math.abs(den) < 1e-9 * ls * lq) {
          // Parallel: an overlap of positive length is a layout error; touching ends are handled below.
          const off = Math.abs((q.x0 - s.x0) * ry - (q.y0 - s.y0) * rx) / ls;
          if (off > EPS) continue;
          const t0 = ((q.x0 - s.x0) * rx + (q.y0 - s.y0) * ry) / (ls * ls);
          const t1 = ((q.x1 - s.x0) * rx + (q.y1 - s.y0) * ry) / (ls * ls);
          const overlap = (Math.min(1, Math.max(t0, t1)) - Math.max(0, Math.min(t0, t1))) * ls;
          if (overlap > EPS) throw new Error(`nodeLines: lines overlap (${JSON.stringify(lines[s.line].data)} / ${JSON.stringify(lines[q.line].data)}) near ${key(ps[s.k])}`);
          continue;
        }
        const t = ((q.x0 - s.x0) * sy - (q.y0 - s.y0) * sx) / den;
        const u = ((q.x0 - s.x0) * ry - (q.y0 - s.y0) * rx) / den;
        const es = EPS / ls, eq = EPS / lq;
        if (t < -es || t > 1 + es || u < -eq || u > 1 + eq) continue;
        const sEnd = t <= es ? 0 : t >= 1 - es ? 1 : -1;
        const qEnd = u <= eq ? 0 : u >= 1 - eq ? 1 : -1;
        if (sEnd >= 0 && qEnd >= 0) continue; // vertex meets vertex: shared (or a near miss, left alone)
        const lineEnd = (line: number, idx: number): [number, number] | undefined =>
          idx === 0 || idx === lines[line].coords.length - 1 ? [line, idx] : undefined;
        if (sEnd >= 0) add(j, { t: u, p: ps[s.k + sEnd], end: lineEnd(s.line, s.k + sEnd) });
        else if (qEnd >= 0) add(i, { t, p: pq[q.k + qEnd], end: lineEnd(q.line, q.k + qEnd) });
        else {
          // A crossing: axis-aligned pairs meet exactly at (x of the N–S line, y of the E–W line).
          const [as, aq] = [isAxis(s), isAxis(q)];
          const p = as === 'x' && aq === 'y' ? [ps[s.k][0], pq[q.k][1]] : as === 'y' && aq === 'x' ? [pq[q.k][0], ps[s.k][1]] : toLonLat(s.x0 + t * rx, s.y0 + t * ry);
          add(i, { t, p });
          add(j, { t: u, p });
        }
      }
    }
  }
  return events;
}

/**
 * Nodes a set of polylines: wherever two cross, or one ends on another, both get a vertex at that point
 * (the same rounded position). A line ending within `snap` metres of another junction on the line it
 * ends on is moved onto that junction, so that no street is cut into slivers. Each line is then split
 * at its vertices shared with `splits` lines (elsewhere a junction is only a shared vertex, which is all
 * a walking network needs). Returns the pieces in input order, each with its line's data, and each
 * line's vertices after noding. Overlapping collinear lines throw.
 */
export function nodeLines<T>(input: NodeLine<T>[], options: { snap?: number; splits?: (data: T) => boolean } = {}): { pieces: NodeLine<T>[]; noded: Position[][] } {
  const snap = options.snap ?? 0;
  const splitsOthers = options.splits ?? (() => true);
  let lines = input;
  let events = splitEvents(lines);
  if (snap > 0) {
    const moved = lines.map((l) => l.coords.slice());
    let changed = false;
    for (const list of events.values()) {
      list.sort((a, b) => a.t - b.t);
      const kept: SplitEvent[] = [];
      for (const e of list) {
        const near = kept.find((k) => lengthM([k.p, e.p]) < snap && key(k.p) !== key(e.p));
        if (!near) {
          kept.push(e);
          continue;
        }
        // Move whichever of the two is a line's end onto the other.
        const [from, to] = e.end ? [e, near] : near.end ? [near, e] : [null, null];
        if (!from || !to || !from.end) {
          kept.push(e);
          continue;
        }
        moved[from.end[0]][from.end[1]] = to.p;
        changed = true;
        if (from === near) kept[kept.indexOf(near)] = e;
      }
    }
    if (changed) {
      lines = lines.map((l, i) => ({ coords: moved[i], data: l.data }));
      events = splitEvents(lines);
    }
  }
  // Each line with its split points inserted.
  let segId = 0;
  const noded = lines.map((l) => {
    const out: Position[] = [l.coords[0]];
    for (let k = 0; k < l.coords.length - 1; k++) {
      const list = (events.get(segId++) ?? []).sort((p, q) => p.t - q.t);
      for (const { p } of list) if (key(p) !== key(out[out.length - 1])) out.push(p);
      if (key(l.coords[k + 1]) !== key(out[out.length - 1])) out.push(l.coords[k + 1]);
    }
    return out;
  });
  // Which lines use each vertex; a line is split where another line that splits it shares a vertex.
  const users = new Map<string, number[]>();
  noded.forEach((coords, i) => {
    for (const p of coords) {
      const list = users.get(key(p));
      if (list) list.push(i);
      else users.set(key(p), [i]);
    }
  });
  const pieces: NodeLine<T>[] = [];
  noded.forEach((coords, i) => {
    let start = 0;
    for (let k = 1; k < coords.length; k++) {
      const by = users.get(key(coords[k])) ?? [];
      const split = k === coords.length - 1 || by.some((j) => j !== i && splitsOthers(lines[j].data));
      if (split) {
        pieces.push({ coords: coords.slice(start, k + 1), data: lines[i].data });
        start = k;
      }
    }
  });
  return { pieces, noded };
}
