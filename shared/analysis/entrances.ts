import type { Geometry } from 'geojson';
import { shapeFromGeometry, pointInShape, type Shape } from './geometry/shapes.ts';
import { edgesNear, nearestOnNetwork, type NetworkPoint, type WalkNetwork } from './network.ts';

/**
 * Default entrance tolerance (m): half the red-line width of a collector (次干路, 30–50 m), so a park
 * fronting a street whose centreline runs up to 25 m from its edge is entered from that street (README).
 */
export const DEFAULT_ENTRANCE_TOLERANCE = 25;

export interface EntranceOptions {
  /** Network points this close to a park's boundary or a greenway's vertex are its entrances (m). */
  tolerance: number;
  /** Farthest a facility may be from the network and still be reached (m); the walk there counts. */
  maxAccess: number;
}

/** Closest pair between segment a→b and segment c→d: the distance and the position along a→b. */
function segmentToSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number] {
  const rx = bx - ax, ry = by - ay, sx = dx - cx, sy = dy - cy;
  const den = rx * sy - ry * sx;
  if (den !== 0) {
    const t = ((cx - ax) * sy - (cy - ay) * sx) / den;
    const u = ((cx - ax) * ry - (cy - ay) * rx) / den;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1) return [0, t];
  }
  const onAB = (px: number, py: number): [number, number] => {
    const l2 = rx * rx + ry * ry;
    const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * rx + (py - ay) * ry) / l2)) : 0;
    return [Math.hypot(ax + t * rx - px, ay + t * ry - py), t];
  };
  const onCD = (px: number, py: number, t: number): [number, number] => {
    const l2 = sx * sx + sy * sy;
    const u = l2 > 0 ? Math.min(1, Math.max(0, ((px - cx) * sx + (py - cy) * sy) / l2)) : 0;
    return [Math.hypot(cx + u * sx - px, cy + u * sy - py), t];
  };
  const options = [onAB(cx, cy), onAB(dx, dy), onCD(ax, ay, 0), onCD(bx, by, 1)];
  return options.reduce((best, o) => (o[0] < best[0] ? o : best));
}

/**
 * Where edge e meets a polygon: its ends inside the polygon and every point where it crosses the
 * boundary, all at distance 0 (so an edge entering the park without a vertex on the boundary is entered
 * at the crossing, and each of its ends starts with the distance along the edge from there). An edge
 * that does not meet it: its closest point and the distance.
 */
function edgeToShape(net: WalkNetwork, e: number, shape: Shape): NetworkPoint[] {
  const ax = net.x[net.from[e]], ay = net.y[net.from[e]], bx = net.x[net.to[e]], by = net.y[net.to[e]];
  const meets: NetworkPoint[] = [];
  if (pointInShape(shape, ax, ay)) meets.push({ edge: e, t: 0, distance: 0 });
  if (pointInShape(shape, bx, by)) meets.push({ edge: e, t: 1, distance: 0 });
  let best: NetworkPoint = { edge: e, t: 0, distance: Infinity };
  for (const r of shape.rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const [d, t] = segmentToSegment(ax, ay, bx, by, r[j], r[j + 1], r[i], r[i + 1]);
      if (d === 0 && t > 0 && t < 1) meets.push({ edge: e, t, distance: 0 });
      else if (d < best.distance) best = { edge: e, t, distance: d };
    }
  }
  return meets.length > 0 ? meets : [best];
}

/** Distance from a point to a polygon (0 inside). */
function pointToShape(shape: Shape, px: number, py: number): number {
  if (pointInShape(shape, px, py)) return 0;
  let best = Infinity;
  for (const r of shape.rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const dx = r[i] - r[j], dy = r[i + 1] - r[j + 1];
      const l2 = dx * dx + dy * dy;
      const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - r[j]) * dx + (py - r[j + 1]) * dy) / l2)) : 0;
      best = Math.min(best, Math.hypot(r[j] + t * dx - px, r[j + 1] + t * dy - py));
    }
  }
  return best;
}

/**
 * A park's entrances: every edge that comes within `tolerance` of the polygon enters it at its closest
 * point (an edge crossing the boundary: at each crossing; an end inside the park is in it), and so does
 * each end of such an edge that is itself within `tolerance` (so a street running along a whole side
 * serves the side, not one point of it). With none, the nearest network point
 * within `maxAccess`.
 */
function polygonEntrances(net: WalkNetwork, shape: Shape, o: EntranceOptions): NetworkPoint[] {
  const [x0, y0, x1, y1] = shape.bbox;
  const found: NetworkPoint[] = [];
  let nearest: NetworkPoint | null = null;
  for (const e of edgesNear(net, x0, y0, x1, y1, Math.max(o.tolerance, o.maxAccess))) {
    const points = edgeToShape(net, e, shape);
    const p = points[0];
    if (p.distance <= o.tolerance) {
      found.push(...points);
      for (const t of [0, 1]) {
        const n = t === 0 ? net.from[e] : net.to[e];
        if (points.some((q) => q.t === t)) continue;
        const d = pointToShape(shape, net.x[n], net.y[n]);
        if (d <= o.tolerance) found.push({ edge: e, t, distance: d });
      }
    } else if (p.distance <= o.maxAccess && (!nearest || p.distance < nearest.distance)) nearest = p;
  }
  return found.length > 0 ? found : nearest ? [nearest] : [];
}

/** A greenway's access points: its vertices near the network, or failing that its nearest one. */
function lineEntrances(net: WalkNetwork, line: number[][], o: EntranceOptions): NetworkPoint[] {
  const near = line.map(([x, y]) => nearestOnNetwork(net, x, y, o.maxAccess)).filter((p): p is NetworkPoint => p !== null);
  const access = near.filter((p) => p.distance <= o.tolerance);
  if (access.length > 0) return access;
  return near.length > 0 ? [near.reduce((a, b) => (b.distance < a.distance ? b : a))] : [];
}

/** Where a facility meets the network (see the two functions above; a point: its nearest network point). */
export function entrancesOf(net: WalkNetwork, geometry: Geometry, o: EntranceOptions): NetworkPoint[] {
  const fwd = (c: number[]) => net.plane.forward(c[0], c[1]);
  const point = (c: number[]) => {
    const [x, y] = fwd(c);
    const p = nearestOnNetwork(net, x, y, o.maxAccess);
    return p ? [p] : [];
  };
  switch (geometry.type) {
    case 'Point':
      return point(geometry.coordinates);
    case 'MultiPoint':
      return geometry.coordinates.flatMap(point);
    case 'LineString':
      return lineEntrances(net, geometry.coordinates.map(fwd), o);
    case 'MultiLineString':
      return geometry.coordinates.flatMap((l) => lineEntrances(net, l.map(fwd), o));
    case 'Polygon':
    case 'MultiPolygon': {
      const shape = shapeFromGeometry(geometry, net.plane);
      return shape ? polygonEntrances(net, shape, o) : [];
    }
    case 'GeometryCollection':
      return geometry.geometries.flatMap((g) => entrancesOf(net, g, o));
  }
}
