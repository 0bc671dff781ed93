// Seeded synthetic layers over the Jiaxing main urban area for the analysis bench and tests.
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { createPlane } from '../../../shared/analysis/geometry/plane.ts';
import { createRandom, type Random } from '../../../seeds/random.ts';

/** Main urban area, in metres around its centre (≈ 120.76E, 30.755N): 19 km × 12 km. */
const PLANE = createPlane(120.76, 30.755);
const HALF_W = 9_500;
const HALF_H = 6_000;
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const toLonLat = (x: number, y: number) => PLANE.inverse(x, y).map(r6);

function polygon(points: [number, number][], properties: Record<string, unknown>): Feature<Polygon> {
  const ring = points.map(([x, y]) => toLonLat(x, y));
  ring.push(ring[0]);
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function ringArea(points: [number, number][]): number {
  let s = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) s += (points[j][0] - points[i][0]) * (points[j][1] + points[i][1]);
  return Math.abs(s / 2);
}

/** `count` residential blocks on a jittered grid, one in ten with a notch (non-convex); 人口 and 户数 set. */
export function syntheticResidential(count: number, seed = 1): FeatureCollection<Polygon> {
  const rng = createRandom(seed, 'residential');
  const cols = Math.ceil(Math.sqrt((count * HALF_W) / HALF_H));
  const rows = Math.ceil(count / cols);
  const cw = (2 * HALF_W) / cols;
  const ch = (2 * HALF_H) / rows;
  const features: Feature<Polygon>[] = [];
  for (let i = 0; i < count; i++) {
    const x0 = -HALF_W + (i % cols) * cw + cw * 0.12;
    const y0 = -HALF_H + Math.floor(i / cols) * ch + ch * 0.12;
    const w = cw * 0.76;
    const h = ch * 0.76;
    const j = () => rng.range(-0.08, 0.08) * Math.min(w, h);
    const pts: [number, number][] = rng.chance(0.1)
      ? [[x0, y0], [x0 + w, y0], [x0 + w, y0 + h * 0.5], [x0 + w * 0.5, y0 + h * 0.5], [x0 + w * 0.5, y0 + h], [x0, y0 + h]]
      : [[x0 + j(), y0 + j()], [x0 + w + j(), y0 + j()], [x0 + w + j(), y0 + h + j()], [x0 + j(), y0 + h + j()]];
    const people = rng.int(300, 4000);
    features.push(polygon(pts, { 小区: `小区${i + 1}`, 人口: people, 户数: Math.round(people / 2.6), 老旧小区: rng.chance(0.3) ? '是' : '否' }));
  }
  return { type: 'FeatureCollection', features };
}

function parkShape(rng: Random, cx: number, cy: number, area: number): [number, number][] {
  const aspect = rng.range(1, 3);
  const w = Math.sqrt(area * aspect);
  const h = area / w;
  const a = rng.range(0, Math.PI);
  const local: [number, number][] = rng.chance(0.25)
    ? [[0, 0], [w, 0], [w, h * 0.4], [w * 0.4, h * 0.4], [w * 0.4, h * 1.6], [0, h * 1.6]] // L-shaped
    : [[0, 0], [w, 0], [w, h], [0, h]];
  return local.map(([x, y]) => [cx + (x - w / 2) * Math.cos(a) - (y - h / 2) * Math.sin(a), cy + (x - w / 2) * Math.sin(a) + (y - h / 2) * Math.cos(a)]);
}

/** `count` parks of 150–30,000 m² (log-uniform), a quarter L-shaped; 面积, 类型, 状态, 计划年度 set. */
export function syntheticParks(count: number, seed = 1): FeatureCollection<Polygon> {
  const rng = createRandom(seed, 'parks');
  const features: Feature<Polygon>[] = [];
  for (let i = 0; i < count; i++) {
    const pts = parkShape(rng, rng.range(-HALF_W, HALF_W), rng.range(-HALF_H, HALF_H), Math.exp(rng.range(Math.log(150), Math.log(30_000))));
    const planned = rng.chance(0.15);
    features.push(
      polygon(pts, {
        名称: `公园${i + 1}`,
        类型: ringArea(pts) < 10_000 ? '口袋公园' : '社区公园',
        面积: Math.round(ringArea(pts)),
        状态: planned ? '新建' : '现状',
        计划年度: planned ? 2023 : null,
      }),
    );
  }
  return { type: 'FeatureCollection', features };
}

/**
 * A street grid with about `edges` edges (n × n nodes, 80 m apart, jittered by up to 15 m), one
 * LineString per street running through all its nodes, so that streets share vertices at crossings.
 */
export function syntheticStreets(edges: number, seed = 1): FeatureCollection<LineString> {
  const rng = createRandom(seed, 'streets');
  const n = Math.max(2, Math.round((1 + Math.sqrt(1 + 2 * edges)) / 2));
  const spacing = 80;
  const off = (-(n - 1) * spacing) / 2;
  const nodes: [number, number][][] = [];
  for (let r = 0; r < n; r++) {
    nodes.push([]);
    for (let c = 0; c < n; c++) nodes[r].push([off + c * spacing + rng.range(-15, 15), off + r * spacing + rng.range(-15, 15)]);
  }
  const line = (pts: [number, number][], i: number): Feature<LineString> => ({
    type: 'Feature',
    properties: { 名称: `路${i}`, 等级: '支路' },
    geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => toLonLat(x, y)) },
  });
  const features: Feature<LineString>[] = [];
  for (let r = 0; r < n; r++) features.push(line(nodes[r], features.length));
  for (let c = 0; c < n; c++) features.push(line(nodes.map((row) => row[c]), features.length));
  return { type: 'FeatureCollection', features };
}

/** `count` points spread over a square of `half` metres around the centre. */
export function syntheticPoints(count: number, half: number, seed = 1): FeatureCollection<Point> {
  const rng = createRandom(seed, 'points');
  const features: Feature<Point>[] = [];
  for (let i = 0; i < count; i++) {
    features.push({ type: 'Feature', properties: { 名称: `驿站${i + 1}`, 类型: '驿站' }, geometry: { type: 'Point', coordinates: toLonLat(rng.range(-half, half), rng.range(-half, half)) } });
  }
  return { type: 'FeatureCollection', features };
}
