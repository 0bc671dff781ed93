import type { Feature, MultiPolygon, Position } from 'geojson';
import { area } from '@turf/turf';
import { feature, latDeg, lonDeg, M_PER_DEG_LAT, M_PER_DEG_LON, multiPolygon, rectRing } from '../geometry.ts';
import type { Random } from '../random.ts';
import type { Box } from './landmarks.ts';
import type { Frontage, Lot, LotPlan } from './lots.ts';
import { PLACE_WORDS, uniqueNamer } from './names.ts';
import type { Fronts, ParkSite } from './streets.ts';
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

/** How far a park's edge stays from the centre line of the street beside it (m): at the kerb of a
 *  local street or lane, behind the pavement and verge of an arterial. */
const EDGE: Record<Frontage, number> = { 主干路: 20, 次干路: 8, 支路: 8, 巷: 8 };

/** A lot's cell with each side brought to the park edge distance from its street. */
function parkLand(lot: Lot): Box {
  const c = lot.cell;
  const s = lot.sides;
  return { west: c.west + lonDeg(EDGE[s.west]), east: c.east - lonDeg(EDGE[s.east]), south: c.south + latDeg(EDGE[s.south]), north: c.north - latDeg(EDGE[s.north]) };
}

/**
 * A rectangle of `w` × `h` metres in one corner of a lot, reaching out to the streets at that corner
 * (corner 0 south-west, 1 south-east, 2 north-west, 3 north-east).
 */
function cornerPark(lot: Lot, w: number, h: number, corner: number): { box: Box; fronts: Fronts } {
  const land = parkLand(lot);
  const west = corner % 2 === 0 ? land.west : land.east - lonDeg(w);
  const south = corner < 2 ? land.south : land.north - latDeg(h);
  const box = { west, south, east: west + lonDeg(w), north: south + latDeg(h) };
  return { box, fronts: { south: corner < 2, north: corner >= 2, west: corner % 2 === 0, east: corner % 2 === 1 } };
}

/** Metres across a box: [east–west, north–south]. */
const sizeOf = (b: Box): [number, number] => [(b.east - b.west) * M_PER_DEG_LON, (b.north - b.south) * M_PER_DEG_LAT];

/**
 * A pocket park (口袋公园): a street-corner garden of 500–6,000 m², always within the 400–10,000 m² that
 * MOHURD counts as a pocket park.
 */
function pocketPark(lot: Lot, rng: Random): { box: Box; fronts: Fronts } {
  const target = rng.range(500, 6000);
  const aspect = rng.range(0.7, 1.4);
  const [landW, landH] = sizeOf(parkLand(lot));
  const w = Math.min(Math.sqrt(target * aspect), landW - 10);
  const h = Math.min(target / w, landH - 10);
  return cornerPark(lot, w, h, rng.int(0, 3));
}

/** The park layer, and the parks laid out on lots (the street network gives them paths and gates). */
export interface ParkPlan {
  features: Feature<MultiPolygon>[];
  sites: ParkSite[];
}

/**
 * 30 parks: four lakeside parks and the island on 南湖, a riverside park on the 大运河, city parks,
 * community parks and pocket parks; area in m² from the geometry.
 */
export function buildParks(lakeRadii: number[], plan: LotPlan, rng: Random): ParkPlan {
  const nameOf = uniqueNamer();
  const out: Feature<MultiPolygon>[] = [];
  const sites: ParkSite[] = [];
  const onLot = (lot: Lot, box: Box, fronts: Fronts) => sites.push({ lot, box, fronts, name: String(out[out.length - 1].properties?.名称) });
  const ringOf = (b: Box) => rectRing(b.west, b.south, b.east, b.north);
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
  // City parks take their whole lot, out to the streets round it.
  for (const lot of plan.cityParks) {
    const box = parkLand(lot);
    add({ name: () => cityNames.pop() ?? '城市公园', polygons: [[ringOf(box)]] }, '综合公园', schedule(rng, [['现状', 0.4], ['改建', 0.4], ['新建', 0.2]]));
    onLot(lot, box, { south: true, north: true, west: true, east: true });
  }
  // Community parks: part of their lot, at a street corner.
  for (const lot of plan.communityParks) {
    const [w, h] = sizeOf(parkLand(lot));
    const { box, fronts } = cornerPark(lot, w * rng.range(0.45, 0.8), h * rng.range(0.45, 0.8), rng.int(0, 3));
    add({ name: () => `${rng.pick(PLACE_WORDS)}公园`, polygons: [[ringOf(box)]] }, '社区公园', schedule(rng, [['现状', 0.3], ['新建', 0.35], ['改建', 0.35]]));
    onLot(lot, box, fronts);
  }
  for (const lot of plan.pocketParks) {
    const name = () => `${rng.pick(PLACE_WORDS)}${rng.pick(['口袋公园', '街角公园', '游园', '小游园'])}`;
    const { box, fronts } = pocketPark(lot, rng);
    add({ name, polygons: [[ringOf(box)]] }, '口袋公园', schedule(rng, [['现状', 0.15], ['新建', 0.65], ['改建', 0.1], ['规划', 0.1]]));
    onLot(lot, box, fronts);
  }
  return { features: out, sites };
}
