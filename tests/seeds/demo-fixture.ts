// The demo generated once and frozen, shared by the demo's test files: they only read it, and freezing
// proves none of them writes to it.
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Position } from 'geojson';
import { generateJiaxingDemo } from '../../seeds/jiaxing/index.ts';
import type { SeedLayer } from '../../seeds/seed-layer.ts';

export const MAIN = { west: 120.66, south: 30.7, east: 120.86, north: 30.81 };
export const LAKE = { west: 120.757, south: 30.744, east: 120.772, north: 30.758 };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const DEMO: readonly SeedLayer[] = deepFreeze(generateJiaxingDemo());
export const layer = (id: string) => DEMO.find((l) => l.id === id)!.features;
export const props = (f: Feature) => f.properties as Record<string, string | number>;
export const sum = (id: string, field: string) => layer(id).reduce((s, f) => s + Number(props(f)[field]), 0);

export const roadsFC = (): FeatureCollection => ({ type: 'FeatureCollection', features: layer('roads') as Feature[] });

/** Every straight piece of every road, with the road's class and name. */
export function roadSegments(): (Position[] & { cls: string; name: string })[] {
  return layer('roads').flatMap((f) => {
    const c = (f.geometry as LineString).coordinates;
    return c.slice(1).map((p, i) => Object.assign([c[i], p], { cls: String(props(f)['等级']), name: String(props(f)['名称']) }));
  });
}

/** 0.002° cells (about 200 m) and the segments whose boxes touch each. */
export const CELL = 0.002;
export const cellOf = (p: Position) => `${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`;
export function bucket(segments: Position[][]): Map<string, number[]> {
  const grid = new Map<string, number[]>();
  segments.forEach((s, id) => {
    for (let i = Math.floor(Math.min(s[0][0], s[1][0]) / CELL); i <= Math.floor(Math.max(s[0][0], s[1][0]) / CELL); i++) {
      for (let j = Math.floor(Math.min(s[0][1], s[1][1]) / CELL); j <= Math.floor(Math.max(s[0][1], s[1][1]) / CELL); j++) {
        const k = `${i},${j}`;
        grid.set(k, [...(grid.get(k) ?? []), id]);
      }
    }
  });
  return grid;
}

/** Metres from a point to a segment (local plane at Jiaxing). */
export function pointToSegmentM(p: Position, a: Position, b: Position): number {
  const m = (q: Position) => [q[0] * 95_600, q[1] * 110_850];
  const [pp, aa, bb] = [m(p), m(a), m(b)];
  const [dx, dy] = [bb[0] - aa[0], bb[1] - aa[1]];
  const t = Math.max(0, Math.min(1, ((pp[0] - aa[0]) * dx + (pp[1] - aa[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(aa[0] + t * dx - pp[0], aa[1] + t * dy - pp[1]);
}

export function positions(f: Feature): Position[] {
  const g = f.geometry as Point | LineString | MultiPolygon;
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  return g.coordinates.flat(2);
}

