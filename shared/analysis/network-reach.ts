import { nearestOnNetwork, type WalkNetwork } from './network.ts';
import { Walker, type WalkSource } from './walk.ts';

/**
 * What a walk reached, kept with a walking catchment so that point targets can be judged by the walk
 * itself rather than by the street-side band: the distance left at every node, the sources (whose edges
 * are reached around them), and the longest access leg allowed between a target and the network.
 */
export interface NetworkReach {
  network: WalkNetwork;
  /** Metres left at each node; -Infinity where the walk did not arrive. */
  remaining: Float64Array;
  /** Sources by edge: [position along the edge (0–1), budget there]. */
  sourcesOnEdge: Map<number, [number, number][]>;
  /** Farthest a target may lie from the network (m), as for facilities. */
  maxAccess: number;
}

/** Runs the walk from the sources and keeps what it reached. */
export function networkReach(network: WalkNetwork, sources: readonly WalkSource[], maxAccess: number): NetworkReach {
  const walker = new Walker(network);
  walker.run(sources);
  const sourcesOnEdge = new Map<number, [number, number][]>();
  for (const s of sources) {
    if (s.budget < 0) continue;
    const list = sourcesOnEdge.get(s.edge);
    if (list) list.push([s.t, s.budget]);
    else sourcesOnEdge.set(s.edge, [[s.t, s.budget]]);
  }
  return { network, remaining: Float64Array.from(walker.remaining), sourcesOnEdge, maxAccess };
}

/** Metres left where the walk passes position t of edge e (-Infinity when it does not get there). */
export function remainingAt(reach: NetworkReach, e: number, t: number): number {
  const { network: net, remaining } = reach;
  const len = net.length[e];
  let best = Math.max(remaining[net.from[e]] - t * len, remaining[net.to[e]] - (1 - t) * len);
  for (const [st, budget] of reach.sourcesOnEdge.get(e) ?? []) best = Math.max(best, budget - Math.abs(t - st) * len);
  return best;
}

/**
 * Whether a point target (plane coordinates of the network) is reached: the walk arrives at its nearest
 * network point, no farther than `maxAccess`, with at least the access leg to the point still left.
 */
export function pointReached(reach: NetworkReach, x: number, y: number): boolean {
  const p = nearestOnNetwork(reach.network, x, y, reach.maxAccess);
  return p !== null && remainingAt(reach, p.edge, p.t) >= p.distance;
}
