import type { FeatureCollection } from 'geojson';
import { band, disk } from './geometry/buffer-pieces.ts';
import { assertCollection, checkDistance, distanceOf, type Catchment, type CatchmentPiece, type DistanceOption } from './catchment.ts';
import { DEFAULT_ENTRANCE_TOLERANCE, entrancesOf } from './entrances.ts';
import type { WalkNetwork } from './network.ts';
import { networkReach } from './network-reach.ts';
import { progressReporter, type RunControl } from './run-control.ts';
import { reachedPortions, Walker, type WalkSource } from './walk.ts';

export interface NetworkCatchmentOptions extends RunControl {
  /** Walking distance in metres: one for all, or per feature. */
  distance: DistanceOption;
  /** Street-side width: how far either side of a reached street counts as reached (m); default 50. */
  width?: number;
  /** Network points within this of a park's boundary or a greenway's vertex are entrances (m); default 25 (README). */
  entranceTolerance?: number;
  /** Farthest a facility may lie from the network (m); the walk to it is taken off its distance. Default 200. */
  maxAccess?: number;
  /** One walk per facility, so each piece belongs to its facility (site selection needs it); default false. */
  perFacility?: boolean;
  /** Segments per quarter circle of the street-side buffers; default 8. */
  quadrantSegments?: number;
}

function checkMetres(v: unknown, what: string): void {
  if (v !== undefined && (typeof v !== 'number' || !(v >= 0))) throw new RangeError(`catchmentNetwork: ${what} must be metres ≥ 0, got ${String(v)}`);
}

/** The largest angle between neighbouring directions (2π for one direction or none). */
function largestGap(angles: number[]): number {
  if (angles.length < 2) return 2 * Math.PI;
  angles.sort((p, q) => p - q);
  let gap = angles[0] + 2 * Math.PI - angles[angles.length - 1];
  for (let i = 1; i < angles.length; i++) gap = Math.max(gap, angles[i] - angles[i - 1]);
  return gap;
}

/** Entrances of every facility with the budget left at each (distance minus the access leg). */
function facilitySources(facilities: FeatureCollection, net: WalkNetwork, o: NetworkCatchmentOptions, step?: (done: number) => void): WalkSource[][] {
  const opts = { tolerance: o.entranceTolerance ?? DEFAULT_ENTRANCE_TOLERANCE, maxAccess: o.maxAccess ?? 200 };
  return facilities.features.map((f, i) => {
    step?.(i);
    const d = distanceOf(o.distance, f, i);
    if (d === null || !f.geometry) return [];
    return entrancesOf(net, f.geometry, opts)
      .map((p) => ({ ...p, budget: d - p.distance }))
      .filter((s) => s.budget >= 0);
  });
}

/**
 * Walking catchment along a street network. Each facility enters the network at its entrances
 * (`entrances.ts`); a multi-source Dijkstra (binary heap) walks the graph up to the distance, partial
 * edges included up to the budget left; the reached street portions are then widened by `width` on
 * either side (the buffer of the portions: bands, and disks where they end or turn) to give the area reached. The width stands for the
 * homes along a street: a block deeper than twice the width keeps an unreached core, which is what a
 * planner should see. Barriers need nothing special: where the network has no edge (a river without a
 * bridge) the walk cannot go.
 */
export function catchmentNetwork(facilities: FeatureCollection, network: WalkNetwork, options: NetworkCatchmentOptions): Catchment {
  assertCollection(facilities, 'catchmentNetwork: facilities');
  if (!network?.plane || !network.adjStart) throw new TypeError('catchmentNetwork: network must come from buildNetwork');
  checkDistance(options?.distance, 'catchmentNetwork');
  checkMetres(options.width, 'width');
  checkMetres(options.entranceTolerance, 'entranceTolerance');
  checkMetres(options.maxAccess, 'maxAccess');
  const width = options.width ?? 50;
  const q = options.quadrantSegments ?? 8;
  const sources = facilitySources(facilities, network, options, progressReporter(options, facilities.features.length, 0, 0.5));
  const skipped = sources.flatMap((s, i) => (s.length === 0 ? [i] : []));
  const walker = new Walker(network);
  const pieces: CatchmentPiece[] = [];
  // Each reached portion becomes a band of ±width; a disk caps each portion end inside an edge, and a
  // node only where its bands leave a gap: a disk at a node is inside the bands (≥ width long) leaving
  // it when no two neighbouring directions are more than 180° apart, as at crossings and straight runs.
  const widen = (list: readonly WalkSource[], facility: number) => {
    if (width <= 0) return;
    const dirs = new Map<number, number[]>(); // node → directions of bands at least `width` long leaving it
    const leave = (n: number, dx: number, dy: number, long: boolean) => {
      const list = dirs.get(n) ?? [];
      if (long) list.push(Math.atan2(dy, dx));
      dirs.set(n, list);
    };
    const cap = (x: number, y: number) => pieces.push(Object.assign(disk(x, y, width, q), { facility }));
    for (const [e, a, b] of reachedPortions(network, walker, walker.run(list), list)) {
      const from = network.from[e], to = network.to[e], len = network.length[e];
      const ax = network.x[from], ay = network.y[from];
      const ux = (network.x[to] - ax) / len, uy = (network.y[to] - ay) / len;
      if (b > a) pieces.push(Object.assign(band(ax + ux * a, ay + uy * a, ax + ux * b, ay + uy * b, width), { facility }));
      if (a === 0) leave(from, ux, uy, b >= width);
      else cap(ax + ux * a, ay + uy * a);
      if (b === len) leave(to, -ux, -uy, len - a >= width);
      else cap(ax + ux * b, ay + uy * b);
    }
    for (const [n, angles] of dirs) if (largestGap(angles) > Math.PI + 1e-9) cap(network.x[n], network.y[n]);
  };
  const step = progressReporter(options, options.perFacility ? sources.length : 1, 0.5, 1);
  if (options.perFacility) {
    sources.forEach((list, i) => {
      step(i);
      if (list.length) widen(list, i);
    });
  } else {
    step(0);
    widen(sources.flat(), -1);
  }
  step(options.perFacility ? sources.length : 1);
  const reach = options.perFacility ? undefined : networkReach(network, sources.flat(), options.maxAccess ?? 200);
  return { mode: 'walk', plane: network.plane, pieces, facilityCount: facilities.features.length, skipped, ...(reach && { reach }) };
}

/** Nodes the walk reaches from the facilities, with the distance walked to each (m), nearest first. */
export function reachedNodes(facilities: FeatureCollection, network: WalkNetwork, options: Pick<NetworkCatchmentOptions, 'distance' | 'entranceTolerance' | 'maxAccess'>): { node: number; walked: number }[] {
  assertCollection(facilities, 'reachedNodes: facilities');
  checkDistance(options?.distance, 'reachedNodes');
  const sources = facilitySources(facilities, network, options);
  const walker = new Walker(network);
  const budgets = sources.flat();
  const top = Math.max(0, ...budgets.map((s) => s.budget + s.distance));
  return walker
    .run(budgets)
    .map((node) => ({ node, walked: top - walker.remaining[node] }))
    .sort((a, b) => a.walked - b.walked);
}
