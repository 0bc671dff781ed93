import type { Feature, Point, Position } from 'geojson';
import { distanceM, feature, point } from '../geometry.ts';
import type { Random } from '../random.ts';
import type { Lot } from './lots.ts';
import { PLACE_WORDS, uniqueNamer } from './names.ts';
import { pointNear } from './placement.ts';

export const PARKING_COUNT = 25;
const MIN_SPACES = 80;

/**
 * Spaces per car park, summing to a total between 4,900 and 5,099 (the plan's 5,000 new public spaces):
 * each gets the minimum plus a random share of the rest; rounding is settled on the largest.
 */
function spaces(count: number, rng: Random): number[] {
  const total = rng.int(4900, 5099);
  const weights = Array.from({ length: count }, () => rng.range(0.4, 1.2));
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => MIN_SPACES + Math.round(((total - count * MIN_SPACES) * w) / sum));
  const largest = out.indexOf(Math.max(...out));
  out[largest] += total - out.reduce((s, n) => s + n, 0);
  return out;
}

function structure(n: number, rng: Random): string {
  if (n > 300) return rng.pick(['地下', '立体']);
  if (n > 150) return rng.pick(['地面', '地下', '立体', '机械']);
  return rng.pick(['地面', '机械']);
}

/**
 * 25 public car parks: one near the gate of each school and hospital, on the street, 60–250 m from the
 * building (the plan builds 20 there), the rest on spare lots near the centre serving shops, homes or both.
 * `gates[i]` is where facility i's drive leaves the street; `onStreet(p)` whether p fronts a street.
 */
export function buildParkingLots(
  facilities: Feature<Point>[],
  gates: (Position | null)[],
  spare: Lot[],
  isGround: (p: Position) => boolean,
  onStreet: (p: Position) => boolean,
  rng: Random,
): Feature<Point>[] {
  const counts = spaces(PARKING_COUNT, rng);
  const nameOf = uniqueNamer();
  const out: Feature<Point>[] = [];
  facilities.forEach((f, i) => {
    const origin = f.geometry.coordinates;
    const gate = gates[i];
    const ok = (p: Position) => isGround(p) && onStreet(p) && distanceM(p, origin) >= 60 && distanceM(p, origin) <= 250;
    // Near the gate if there is one, else anywhere around; failing both, the facility's own lot (dry land off the road).
    const p = (gate && pointNear(gate, 25, 150, ok, rng)) ?? pointNear(origin, 80, 250, isGround, rng) ?? origin;
    const n = counts[out.length];
    const status = rng.weighted([['新建', 0.6], ['在建', 0.3], ['规划', 0.1]]);
    out.push(feature(point(p), {
      名称: nameOf(() => `${f.properties?.名称}公共停车场`),
      泊位数: n,
      类型: structure(n, rng),
      服务对象: f.properties?.类型 as string,
      状态: status,
      计划年度: status === '规划' ? 2024 : 2023,
    }));
  });
  const others = spare.filter((_, i) => i % 7 === 3).slice(0, PARKING_COUNT - out.length);
  for (const lot of others) {
    const n = counts[out.length];
    const existing = rng.chance(0.5);
    out.push(feature(point(lot.centre), {
      名称: nameOf(() => `${rng.pick(PLACE_WORDS)}${rng.pick(['公共停车场', '停车楼', '停车场'])}`),
      泊位数: n,
      类型: structure(n, rng),
      服务对象: rng.pick(['商业', '居住', '综合']),
      状态: existing ? '现状' : '新建',
      计划年度: existing ? rng.int(2019, 2022) : 2023,
    }));
  }
  return out;
}
