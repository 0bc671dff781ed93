import { describe, it, expect } from 'vitest';
import type { Feature, LineString, MultiPolygon, Position } from 'geojson';
import { bbox, booleanIntersects, booleanPointInPolygon, length, lineString } from '@turf/turf';
import { entrancesOf } from '../../shared/analysis/entrances.ts';
import { buildNetwork } from '../../shared/analysis/index.ts';
import { layer, props, roadsFC, roadSegments, CELL, cellOf, bucket, pointToSegmentM } from './demo-fixture.ts';

describe('the demo street network', () => {
  it('keeps roads out of 南湖', () => {
    const lake = layer('water').find((f) => props(f)['名称'] === '南湖')!;
    for (const road of layer('roads')) expect(booleanIntersects(road, lake), String(props(road)['名称'])).toBe(false);
  });

  it('nodes the road network: roads meet only at shared vertices', () => {
    const segments = roadSegments();
    const grid = bucket(segments);
    const d = (p: Position, q: Position, r: Position) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    const cross = (a: Position[], b: Position[]) => d(a[0], a[1], b[0]) * d(a[0], a[1], b[1]) < 0 && d(b[0], b[1], a[0]) * d(b[0], b[1], a[1]) < 0;
    let crossings = 0;
    for (const ids of grid.values()) {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) if (cross(segments[ids[i]], segments[ids[j]])) crossings++;
      }
    }
    expect(crossings).toBe(0);
    // No road ends on another road except at one of its vertices (a T-junction shares the vertex).
    const metres = (p: Position): Position => [p[0] * 95_600, p[1] * 110_850];
    let loose = 0;
    for (const f of layer('roads')) {
      const c = (f.geometry as LineString).coordinates;
      for (const end of [c[0], c[c.length - 1]]) {
        for (const id of grid.get(cellOf(end)) ?? []) {
          const [a, b] = segments[id].map(metres);
          const p = metres(end);
          const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
          const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
          if (t <= 0.001 || t >= 0.999) continue;
          if (Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]) < 1) loose++;
        }
      }
    }
    expect(loose).toBe(0);
  });

  it('lays streets about 150–300 m apart in the old city and joins nearly all of them into one network', () => {
    // Streets crossing a north–south line through the old town (inside the ring canal).
    const crossingsAt = (lon: number, south: number, north: number) => layer('roads').filter((f) => {
      const c = (f.geometry as LineString).coordinates;
      return c.some((p, i) => i > 0 && (p[0] - lon) * (c[i - 1][0] - lon) < 0 && Math.min(p[1], c[i - 1][1]) > south && Math.max(p[1], c[i - 1][1]) < north);
    }).length;
    // 1.5 km of the old town, north to south: at least 6 streets, lanes or paths cross it.
    expect(crossingsAt(120.7535, 30.7535, 30.7665)).toBeGreaterThanOrEqual(6);
    const net = buildNetwork(roadsFC());
    const parent = Int32Array.from({ length: net.nodeCount }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let e = 0; e < net.edgeCount; e++) parent[find(net.from[e])] = find(net.to[e]);
    const sizes = new Map<number, number>();
    for (let n = 0; n < net.nodeCount; n++) sizes.set(find(n), (sizes.get(find(n)) ?? 0) + 1);
    expect(Math.max(...sizes.values()) / net.nodeCount).toBeGreaterThan(0.97);
  });

  it('crosses water only on bridges: roads meet only on land, only streets (and two walks) go over the water', () => {
    const water = layer('water') as Feature<MultiPolygon>[];
    const boxes = water.map((w) => bbox(w));
    const inBox = (p: Position, b: number[]) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
    // Feature ends and vertices shared by two roads are where the network joins: none of them in the water.
    const uses = new Map<string, number>();
    for (const f of layer('roads')) {
      const c = (f.geometry as LineString).coordinates;
      c.forEach((p, i) => uses.set(`${p[0]},${p[1]}`, (uses.get(`${p[0]},${p[1]}`) ?? 0) + (i === 0 || i === c.length - 1 ? 1 : 2)));
    }
    for (const [k, n] of uses) {
      const p = k.split(',').map(Number);
      if (n === 2) continue; // a shape point inside one road (a bend of a footbridge)
      water.forEach((w, i) => {
        if (inBox(p, boxes[i])) expect(booleanPointInPolygon(p, w), `${k} in ${props(w)['名称']}`).toBe(false);
      });
    }
    const bridges = new Map<string, string[]>();
    for (const seg of roadSegments()) {
      water.forEach((w, i) => {
        const b = boxes[i];
        if (Math.max(seg[0][0], seg[1][0]) < b[0] || Math.min(seg[0][0], seg[1][0]) > b[2] || Math.max(seg[0][1], seg[1][1]) < b[1] || Math.min(seg[0][1], seg[1][1]) > b[3]) return;
        if (!booleanIntersects(lineString([seg[0], seg[1]]), w)) return;
        const name = String(props(w)['名称']);
        bridges.set(name, [...(bridges.get(name) ?? []), `${seg.cls} ${seg.name}`]);
      });
    }
    expect(bridges.has('南湖')).toBe(false);
    for (const [river, over] of bridges) {
      for (const b of over) expect(b, river).toMatch(river === '环城河' ? /^(主干路|次干路|支路) / : /^(主干路 |次干路 |步行道 (环南湖绿道|运河绿道)$)/);
    }
    // The river still divides the city: a bridge every few hundred metres at most.
    expect(bridges.get('环城河')!.length).toBeGreaterThanOrEqual(8);
    expect(bridges.get('京杭大运河')!.length).toBeGreaterThanOrEqual(8);
    expect(bridges.get('京杭大运河')!.length).toBeLessThanOrEqual(30);
  });

  it('gives every park but the island an entrance on the network, and every estate roads and a street beside it', () => {
    const net = buildNetwork(roadsFC());
    for (const park of layer('parks')) {
      const entrances = entrancesOf(net, park.geometry!, { tolerance: 10, maxAccess: 200 });
      if (props(park)['名称'] === '湖心岛公园') continue;
      expect(entrances.some((e) => e.distance <= 10), String(props(park)['名称'])).toBe(true);
    }
    const segments = roadSegments();
    const grid = bucket(segments);
    const cellsIn = ([w, s, e, n]: number[]) => {
      const out: string[] = [];
      for (let i = Math.floor(w / CELL); i <= Math.floor(e / CELL); i++) for (let j = Math.floor(s / CELL); j <= Math.floor(n / CELL); j++) out.push(`${i},${j}`);
      return out;
    };
    for (const home of layer('residential_areas') as Feature<MultiPolygon>[]) {
      const [w, s, e, n] = bbox(home);
      const near = [...new Set(cellsIn([w - 0.0005, s - 0.0005, e + 0.0005, n + 0.0005]).flatMap((c) => grid.get(c) ?? []))].map((id) => segments[id]);
      // An internal road crosses the estate, and a street or lane runs within 30 m of its edge.
      expect(near.some((seg) => booleanIntersects(lineString([seg[0], seg[1]]), home)), String(props(home)['小区'])).toBe(true);
      const ring = home.geometry.coordinates[0][0];
      const edgeGap = Math.min(...near.filter((seg) => seg.cls !== '步行道').map((seg) => Math.min(...ring.map((p) => pointToSegmentM(p, seg[0], seg[1])))));
      expect(edgeGap, String(props(home)['小区'])).toBeLessThanOrEqual(30);
    }
  });

  it('keeps the road layer a few thousand features', () => {
    const roads = layer('roads');
    expect(roads.length).toBeLessThanOrEqual(6000);
    expect(roads.reduce((n, f) => n + (f.geometry as LineString).coordinates.length, 0)).toBeLessThanOrEqual(20_000);
  });

  it('gives road lengths in metres that match the geometry', () => {
    for (const f of layer('roads')) {
      expect(Math.abs(Number(props(f)['长度']) - length(f) * 1000)).toBeLessThan(0.1);
    }
  });

});
