import type { FeatureCollection, Position } from 'geojson';
import { GridIndex } from './geometry/grid-index.ts';
import type { Plane } from './geometry/plane.ts';
import type { BBox } from './geometry/shapes.ts';
import { assertCollection, planeFor } from './catchment.ts';
import { progressReporter, type RunControl } from './run-control.ts';

/**
 * A walking graph in the plane. Every vertex of every street line is a node; vertices of different
 * lines within `snapTolerance` of each other are one node, so streets connect where they share a
 * vertex and nowhere else: lines that cross without a common vertex (a bridge over a road, an
 * underpass) stay apart, and a river with one bridge is crossed only on the bridge.
 */
export interface WalkNetwork {
  plane: Plane;
  nodeCount: number;
  x: Float64Array;
  y: Float64Array;
  edgeCount: number;
  from: Int32Array;
  to: Int32Array;
  /** Edge length in metres (planar, so true to 3e-5 within a city). */
  length: Float64Array;
  /** Edges at node n: adjEdge[adjStart[n] .. adjStart[n + 1]). */
  adjStart: Int32Array;
  adjEdge: Int32Array;
  /** Index of edge boxes, for nearest-point queries. */
  index: GridIndex;
}

export interface NetworkOptions extends RunControl {
  /** Vertices closer than this (metres) are one node; default 1. */
  snapTolerance?: number;
  /** The plane to measure in; by default one centred on the streets. */
  plane?: Plane;
}

/** A point on the network: edge, position along it (0 at `from`, 1 at `to`), distance to the query. */
export interface NetworkPoint {
  edge: number;
  t: number;
  distance: number;
}

/** Builds the walking graph of a street / path layer (LineString and MultiLineString features). */
export function buildNetwork(streets: FeatureCollection, options: NetworkOptions = {}): WalkNetwork {
  assertCollection(streets, 'buildNetwork: streets');
  const tol = options.snapTolerance ?? 1;
  if (!(tol >= 0)) throw new RangeError(`buildNetwork: snapTolerance must be ≥ 0 metres, got ${tol}`);
  const plane = options.plane ?? planeFor(streets);
  const xs: number[] = [];
  const ys: number[] = [];
  const cell = Math.max(tol, 1e-3);
  const grid = new Map<string, number[]>();
  const nodeAt = (x: number, y: number): number => {
    const cx = Math.floor(x / cell);
    const cy = Math.floor(y / cell);
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cy - 1; j <= cy + 1; j++) {
        for (const n of grid.get(`${i},${j}`) ?? []) if (Math.hypot(xs[n] - x, ys[n] - y) <= tol) return n;
      }
    }
    xs.push(x);
    ys.push(y);
    const key = `${cx},${cy}`;
    const list = grid.get(key);
    if (list) list.push(xs.length - 1);
    else grid.set(key, [xs.length - 1]);
    return xs.length - 1;
  };
  const edges = new Map<string, [number, number]>();
  const addLine = (line: Position[]) => {
    let prev = -1;
    for (const p of line) {
      const n = nodeAt(...plane.forward(p[0], p[1]));
      if (prev >= 0 && n !== prev) edges.set(prev < n ? `${prev},${n}` : `${n},${prev}`, prev < n ? [prev, n] : [n, prev]);
      prev = n;
    }
  };
  const step = progressReporter(options, streets.features.length, 0, 0.9);
  streets.features.forEach((f, i) => {
    step(i);
    const g = f.geometry;
    if (g?.type === 'LineString') addLine(g.coordinates);
    else if (g?.type === 'MultiLineString') g.coordinates.forEach(addLine);
  });

  const edgeCount = edges.size;
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const length = new Float64Array(edgeCount);
  const degree = new Int32Array(xs.length + 1);
  const boxes: BBox[] = [];
  let e = 0;
  for (const [a, b] of edges.values()) {
    from[e] = a;
    to[e] = b;
    length[e] = Math.hypot(xs[b] - xs[a], ys[b] - ys[a]);
    degree[a + 1]++;
    degree[b + 1]++;
    boxes.push([Math.min(xs[a], xs[b]), Math.min(ys[a], ys[b]), Math.max(xs[a], xs[b]), Math.max(ys[a], ys[b])]);
    e++;
  }
  for (let i = 1; i < degree.length; i++) degree[i] += degree[i - 1];
  const adjStart = degree.slice();
  const fill = degree.slice();
  const adjEdge = new Int32Array(2 * edgeCount);
  for (let k = 0; k < edgeCount; k++) {
    adjEdge[fill[from[k]]++] = k;
    adjEdge[fill[to[k]]++] = k;
  }
  const index = new GridIndex(boxes);
  options.onProgress?.(1);
  return { plane, nodeCount: xs.length, x: Float64Array.from(xs), y: Float64Array.from(ys), edgeCount, from, to, length, adjStart, adjEdge, index };
}

/** Closest point of edge e to (px, py). */
export function closestOnEdge(net: WalkNetwork, e: number, px: number, py: number): NetworkPoint {
  const ax = net.x[net.from[e]], ay = net.y[net.from[e]];
  const dx = net.x[net.to[e]] - ax, dy = net.y[net.to[e]] - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return { edge: e, t, distance: Math.hypot(ax + t * dx - px, ay + t * dy - py) };
}

/** Edges whose boxes come within `radius` of the box [x0, y0, x1, y1]. */
export function edgesNear(net: WalkNetwork, x0: number, y0: number, x1: number, y1: number, radius: number): number[] {
  return net.index.search(x0 - radius, y0 - radius, x1 + radius, y1 + radius);
}

/** The nearest point of the network to (px, py) within `maxDistance` metres, or null. */
export function nearestOnNetwork(net: WalkNetwork, px: number, py: number, maxDistance: number): NetworkPoint | null {
  // Grow the search box until it finds something or passes maxDistance.
  for (let r = Math.min(50, maxDistance); ; r = Math.min(r * 4, maxDistance)) {
    let best: NetworkPoint | null = null;
    for (const e of edgesNear(net, px, py, px, py, r)) {
      const p = closestOnEdge(net, e, px, py);
      if (p.distance <= maxDistance && (!best || p.distance < best.distance)) best = p;
    }
    if ((best && best.distance <= r) || r >= maxDistance) return best;
  }
}
