import type { NetworkPoint, WalkNetwork } from './network.ts';

/** Where a walk starts: a point on the network and the budget left there (metres). */
export interface WalkSource extends NetworkPoint {
  /** Metres still to walk from this point (the facility's distance minus the access leg). */
  budget: number;
}

/** A binary max-heap of (key, node) with lazy deletion: stale entries are skipped when popped. */
class MaxHeap {
  private keys = new Float64Array(64);
  private vals = new Int32Array(64);
  size = 0;
  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2); k.set(this.keys); this.keys = k;
      const v = new Int32Array(this.size * 2); v.set(this.vals); this.vals = v;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] >= key) break;
      this.keys[i] = this.keys[p]; this.vals[i] = this.vals[p]; i = p;
    }
    this.keys[i] = key; this.vals[i] = val;
  }
  /** Removes the top; returns its value (read its key first with topKey). */
  pop(): number {
    const top = this.vals[0];
    const key = this.keys[--this.size];
    const val = this.vals[this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1] > this.keys[c]) c++;
      if (this.keys[c] <= key) break;
      this.keys[i] = this.keys[c]; this.vals[i] = this.vals[c]; i = c;
    }
    this.keys[i] = key; this.vals[i] = val;
    return top;
  }
  topKey(): number { return this.keys[0]; }
}

/**
 * Multi-source Dijkstra on the budget left rather than the distance walked, so that sources with
 * different distances (park tiers) run together: a node's value is the most budget any source still
 * has on arriving there, and a node is reached when that is ≥ 0. One Walker is reused across runs; a
 * run touches only the nodes it reaches.
 */
export class Walker {
  /** Budget left at each node; -Infinity where the last run did not reach. */
  readonly remaining: Float64Array;
  private readonly touched: number[] = [];
  private readonly heap = new MaxHeap();

  constructor(private readonly net: WalkNetwork) {
    this.remaining = new Float64Array(net.nodeCount).fill(-Infinity);
  }

  /** Runs from the sources; returns the nodes reached (their budgets are in `remaining`). */
  run(sources: readonly WalkSource[]): number[] {
    const { net, remaining, heap, touched } = this;
    for (const n of touched) remaining[n] = -Infinity;
    touched.length = 0;
    const offer = (n: number, budget: number) => {
      if (budget < 0 || budget <= remaining[n]) return;
      if (remaining[n] === -Infinity) touched.push(n);
      remaining[n] = budget;
      heap.push(budget, n);
    };
    for (const s of sources) {
      offer(net.from[s.edge], s.budget - s.t * net.length[s.edge]);
      offer(net.to[s.edge], s.budget - (1 - s.t) * net.length[s.edge]);
    }
    while (heap.size > 0) {
      const key = heap.topKey();
      const n = heap.pop();
      if (key < remaining[n]) continue;
      for (let k = net.adjStart[n]; k < net.adjStart[n + 1]; k++) {
        const e = net.adjEdge[k];
        offer(net.from[e] === n ? net.to[e] : net.from[e], key - net.length[e]);
      }
    }
    return touched.slice();
  }
}

/**
 * The reached portions of each edge after a run, as [edge, start, end] in metres from the edge's
 * `from` node: from each reached end as far as its budget goes, and around each source on the edge.
 */
export function reachedPortions(net: WalkNetwork, walker: Walker, reached: readonly number[], sources: readonly WalkSource[]): [number, number, number][] {
  const spans = new Map<number, [number, number][]>();
  const add = (e: number, a: number, b: number) => {
    const list = spans.get(e);
    if (list) list.push([a, b]);
    else spans.set(e, [[a, b]]);
  };
  const rem = walker.remaining;
  for (const n of reached) {
    for (let k = net.adjStart[n]; k < net.adjStart[n + 1]; k++) {
      const e = net.adjEdge[k];
      const len = net.length[e];
      if (net.from[e] === n) add(e, 0, Math.min(len, rem[n]));
      else add(e, Math.max(0, len - rem[n]), len);
    }
  }
  for (const s of sources) {
    if (s.budget < 0) continue;
    const at = s.t * net.length[s.edge];
    add(s.edge, Math.max(0, at - s.budget), Math.min(net.length[s.edge], at + s.budget));
  }
  const out: [number, number, number][] = [];
  for (const [e, list] of spans) {
    list.sort((p, q) => p[0] - q[0]);
    let [a, b] = list[0];
    for (let i = 1; i < list.length; i++) {
      if (list[i][0] <= b) b = Math.max(b, list[i][1]);
      else { out.push([e, a, b]); [a, b] = list[i]; }
    }
    out.push([e, a, b]);
  }
  return out;
}
