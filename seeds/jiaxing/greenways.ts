import type { Feature, LineString, Position } from 'geojson';
import { length } from '@turf/turf';
import { feature, latDeg, lineString, lonDeg, offsetLine, sliceLine } from '../geometry.ts';
import type { Random } from '../random.ts';
import { CANALS, lakeRing, RING_CANAL_WIDTH, ringCanalRing } from './landmarks.ts';
import type { RoadGrid } from './roads.ts';

export interface GreenwayPlan {
  name: string;
  grade: '区域级' | '城市级' | '社区级';
  line: Position[];
  status: '现状' | '新建' | '改建' | '规划';
  year: number;
}

/**
 * Greenways (about 35 km in all): a loop round 南湖 between shore and lakeside road, one along the ring
 * canal's inner bank, one along each canal's bank, and a few community greenways beside collector roads
 * (inside the roads' set-back, so they cross no lot). Only the lines: the street network is laid out
 * with them (the existing lakeside and riverside ones are walks), then {@link greenwayFeatures}.
 */
export function planGreenways(lakeRadii: number[], grid: RoadGrid, rng: Random): GreenwayPlan[] {
  const [canal, changshui, haiyan] = CANALS;
  const plans: GreenwayPlan[] = [
    { name: '环南湖绿道', grade: '城市级', line: lakeRing(lakeRadii, 45), status: '现状', year: 2019 },
    { name: '环城河绿道', grade: '城市级', line: ringCanalRing(RING_CANAL_WIDTH + 15), status: '改建', year: 2022 },
    // Offsets put each path on the bank facing the city, 30 m beyond the water's edge.
    { name: '运河绿道', grade: '区域级', line: offsetLine(sliceLine(canal.line, 0.08, 0.92), canal.width / 2 + 30), status: '改建', year: 2023 },
    { name: '长水塘绿道', grade: '城市级', line: offsetLine(sliceLine(changshui.line, 0.25, 0.85), changshui.width / 2 + 20), status: '新建', year: 2023 },
    { name: '海盐塘绿道', grade: '城市级', line: offsetLine(sliceLine(haiyan.line, 0.15, 0.97), -(haiyan.width / 2 + 20)), status: '规划', year: 2024 },
  ];
  const collectors = rng.shuffle(grid.lines.filter((l) => l.cls === '次干路' && !l.partial && l.to - l.from > 0.02)).slice(0, 3);
  for (const road of collectors) {
    const from = road.from + (road.to - road.from) * rng.range(0.1, 0.3);
    const to = Math.min(road.to, from + rng.range(0.012, 0.02));
    // 15 m off the road's centre line: on the pavement side, still inside the 25 m set-back of the lots.
    const off = road.axis === 'x' ? [lonDeg(15), 0] : [0, latDeg(15)];
    const ends = road.axis === 'x' ? [[road.pos, from], [road.pos, to]] : [[from, road.pos], [to, road.pos]];
    plans.push({
      name: `${road.name}绿道`,
      grade: '社区级',
      line: ends.map((p) => [p[0] + off[0], p[1] + off[1]]),
      status: rng.pick(['新建', '改建']),
      year: 2023,
    });
  }
  return plans;
}

/** Whether a greenway is a path that exists today (and so part of the walking network). */
export function isWalk(g: GreenwayPlan): boolean {
  return g.grade !== '社区级' && (g.status === '现状' || g.status === '改建');
}

/**
 * The greenway layer. `lines` gives a greenway's line with a vertex wherever a street meets or crosses
 * it (a walk's vertices are the network's own), so that walking analyses find its access points.
 */
export function greenwayFeatures(plans: GreenwayPlan[], lines: (g: GreenwayPlan) => Position[]): Feature<LineString>[] {
  return plans.map((g) => {
    const geometry = lineString(lines(g));
    const metres = Math.round(length(feature(geometry, {}), { units: 'kilometers' }) * 10_000) / 10;
    return feature(geometry, { 名称: g.name, 等级: g.grade, 长度: metres, 状态: g.status, 计划年度: g.year });
  });
}
