import type { FeatureCollection } from 'geojson';
import { capsule } from './geometry/buffer-pieces.ts';
import { assertCollection, checkDistance, distanceOf, type Catchment, type CatchmentPiece, type DistanceOption } from './catchment.ts';
import { entrancesOf } from './entrances.ts';
import type { WalkNetwork } from './network.ts';
import { progressReporter, type RunControl } from './run-control.ts';
import { reachedPortions, Walker, type WalkSource } from './walk.ts';

export interface NetworkCatchmentOptions extends RunControl {
  /** Walking distance in metres: one for all, or per feature. */
  distance: DistanceOption;
  /** Street-side width: how far either side of a reached street counts as reached (m); default 50. */
  width?: number;
  /** Network points within this of a park's boundary or a greenway's vertex are entrances (m); default 10. */
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

/** Entrances of every facility with the budget left at each (distance minus the access leg). */
function facilitySources(facilities: FeatureCollection, net: WalkNetwork, o: NetworkCatchmentOptions, step?: (done: number) => void): WalkSource[][] {
  const opts = { tolerance: o.entranceTolerance ?? 10, maxAccess: o.maxAccess ?? 200 };
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
 * either side (a capsule per portion) to give the area that is reached. The width stands for the
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
  const widen = (list: readonly WalkSource[], facility: number) => {
    for (const [e, a, b] of reachedPortions(network, walker, walker.run(list), list)) {
      const ax = network.x[network.from[e]], ay = network.y[network.from[e]];
      const len = network.length[e];
      const ux = (network.x[network.to[e]] - ax) / len, uy = (network.y[network.to[e]] - ay) / len;
      if (width > 0) pieces.push(Object.assign(capsule(ax + ux * a, ay + uy * a, ax + ux * b, ay + uy * b, width, q), { facility }));
    }
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
  return { mode: 'walk', plane: network.plane, pieces, facilityCount: facilities.features.length, skipped };
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
