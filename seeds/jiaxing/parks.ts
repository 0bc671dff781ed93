import type { Feature, MultiPolygon, Position } from 'geojson';
import { area } from '@turf/turf';
import { feature, latDeg, lonDeg, M_PER_DEG_LAT, M_PER_DEG_LON, multiPolygon, rectRing } from '../geometry.ts';
import type { Random } from '../random.ts';
import type { Box } from './landmarks.ts';
import type { LotPlan } from './lots.ts';
import { PLACE_WORDS, uniqueNamer } from './names.ts';
import { canalParkRing, islandParkShape, lakeParkShapes, type ParkShape } from './waterside-parks.ts';

type ParkType = '综合公园' | '社区公园' | '口袋公园' | '滨水公园' | '专类公园';

const CITY_PARK_NAMES = ['禾城公园', '秀水公园', '槜李公园', '鸳湖公园', '梅园公园'];

/** A park's state and plan year; most new and renovated parks fall in the 2023 plan year. */
function schedule(rng: Random, weights: ReadonlyArray<readonly ['现状' | '新建' | '改建' | '规划', number]>): [string, number] {
  const status = rng.weighted(weights);
  if (status === '现状') return [status, rng.int(2012, 2022)];
  if (status === '规划') return [status, rng.int(2024, 2025)];
  return [status, rng.weighted([[2023, 0.8], [2022, 0.1], [2024, 0.1]])];
}

/** A sub-rectangle of a lot: `fx`, `fy` of its width and height, anchored at one of its corners. */
function partOfLot(box: Box, fx: number, fy: number, corner: number): Position[] {
  const w = (box.east - box.west) * fx;
  const h = (box.north - box.south) * fy;
  const west = corner % 2 === 0 ? box.west : box.east - w;
  const south = corner < 2 ? box.south : box.north - h;
  return rectRing(west, south, west + w, south + h);
}

/**
 * A pocket park (口袋公园): a small rectangle of 500–6,000 m² somewhere inside a spare corner of a lot,
 * always within the 400–10,000 m² that MOHURD counts as a pocket park.
 */
function pocketRing(box: Box, rng: Random): Position[] {
  const target = rng.range(500, 6000);
  const aspect = rng.range(0.7, 1.4);
  const lotW = (box.east - box.west) * M_PER_DEG_LON;
  const lotH = (box.north - box.south) * M_PER_DEG_LAT;
  const w = Math.min(Math.sqrt(target * aspect), lotW - 10);
  const h = Math.min(target / w, lotH - 10);
  const west = box.west + lonDeg(rng.range(0, lotW - w));
  const south = box.south + latDeg(rng.range(0, lotH - h));
  return rectRing(west, south, west + lonDeg(w), south + latDeg(h));
}

/**
 * 30 parks: four lakeside parks and the island on 南湖, a riverside park on the 大运河, city parks,
 * community parks and pocket parks; area in m² from the geometry.
 */
export function buildParks(lakeRadii: number[], plan: LotPlan, rng: Random): Feature<MultiPolygon>[] {
  const nameOf = uniqueNamer();
  const out: Feature<MultiPolygon>[] = [];
  // Names are drawn through `nameOf` so that a clash draws again instead of repeating a name.
  const add = (shape: { polygons: Position[][][]; name: () => string }, type: ParkType, when: [string, number]) => {
    const geometry = multiPolygon(shape.polygons);
    const m2 = Math.round(area(geometry));
    out.push(feature(geometry, { 名称: nameOf(shape.name), 类型: type, 面积: m2, 状态: when[0], 计划年度: when[1] }));
  };
  const fixed = (shape: ParkShape) => ({ polygons: shape.polygons, name: () => shape.name });
  for (const shape of lakeParkShapes(lakeRadii)) add(fixed(shape), '滨水公园', schedule(rng, [['现状', 0.5], ['改建', 0.5]]));
  add(fixed(islandParkShape()), '专类公园', ['现状', 2015]);
  add({ name: () => '运河湾公园', polygons: [[canalParkRing()]] }, '滨水公园', ['新建', 2023]);
  const cityNames = rng.shuffle(CITY_PARK_NAMES);
  for (const lot of plan.cityParks) {
    const box = lot.box;
    add({ name: () => cityNames.pop() ?? '城市公园', polygons: [[rectRing(box.west, box.south, box.east, box.north)]] }, '综合公园', schedule(rng, [['现状', 0.4], ['改建', 0.4], ['新建', 0.2]]));
  }
  for (const lot of plan.communityParks) {
    const ring = partOfLot(lot.box, rng.range(0.45, 0.8), rng.range(0.45, 0.8), rng.int(0, 3));
    add({ name: () => `${rng.pick(PLACE_WORDS)}公园`, polygons: [[ring]] }, '社区公园', schedule(rng, [['现状', 0.3], ['新建', 0.35], ['改建', 0.35]]));
  }
  for (const lot of plan.pocketParks) {
    const name = () => `${rng.pick(PLACE_WORDS)}${rng.pick(['口袋公园', '街角公园', '游园', '小游园'])}`;
    add({ name, polygons: [[pocketRing(lot.box, rng)]] }, '口袋公园', schedule(rng, [['现状', 0.15], ['新建', 0.65], ['改建', 0.1], ['规划', 0.1]]));
  }
  return out;
}
