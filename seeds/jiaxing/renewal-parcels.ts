import type { Feature, MultiPolygon, Position } from 'geojson';
import { area } from '@turf/turf';
import { feature, latDeg, lonDeg, M_PER_DEG_LAT, M_PER_DEG_LON, multiPolygon, rectRing, round6 } from '../geometry.ts';
import type { Random } from '../random.ts';
import type { Lane, Lot } from './lots.ts';
import { PLACE_WORDS, uniqueNamer } from './names.ts';

/** Parcels in the demo, numbered JX-2023-001 … */
export const PARCEL_COUNT = 150;

// 亿元 per hectare by renewal mode: keeping (留) costs little, rebuilding (拆) the most.
const COST_PER_HA = { 留: [0.05, 0.2], 改: [0.3, 0.8], 拆: [1.2, 3.0] } as const;

/** Splits a lot across its longer side into two parts with a 12 m gap between them, where a lane runs. */
function halves(lot: Lot, rng: Random): [Position[], Position[], Lane] {
  const { west, south, east, north } = lot.box;
  const f = rng.range(0.35, 0.65);
  if ((east - west) * M_PER_DEG_LON > (north - south) * M_PER_DEG_LAT) {
    const cut = round6(west + (east - west) * f);
    return [rectRing(west, south, cut - lonDeg(6), north), rectRing(cut + lonDeg(6), south, east, north), { axis: 'x', pos: cut, from: south, to: north }];
  }
  const cut = round6(south + (north - south) * f);
  return [rectRing(west, south, east, cut - latDeg(6)), rectRing(west, cut + latDeg(6), east, north), { axis: 'y', pos: cut, from: west, to: east }];
}

/** Status follows the plan year: earlier parcels are under way or done, later ones still planned. */
function statusFor(year: number, rng: Random): string {
  if (year <= 2022) return rng.weighted([['在建', 0.6], ['完成', 0.4]]);
  if (year === 2023) return rng.weighted([['启动', 0.5], ['在建', 0.4], ['完成', 0.1]]);
  if (year === 2024) return rng.weighted([['规划', 0.7], ['启动', 0.3]]);
  return '规划';
}

/**
 * 150 renewal parcels. Each lot gives two parcels, or (sometimes) one parcel in two parts, which is why the
 * geometry is a MultiPolygon. 面积 (ha) comes from the geometry; 投资额 (亿元) from area and mode. Also the
 * lanes between the halves, and the lots left over once the 150 are laid out.
 */
export function buildRenewalParcels(lots: Lot[], rng: Random): { features: Feature<MultiPolygon>[]; lanes: Lane[]; used: Lot[]; unused: Lot[] } {
  const nameOf = uniqueNamer();
  const out: Feature<MultiPolygon>[] = [];
  const lanes: Lane[] = [];
  const used: Lot[] = [];
  for (const lot of lots) {
    if (out.length === PARCEL_COUNT) break;
    const [a, b, lane] = halves(lot, rng);
    lanes.push(lane);
    used.push(lot);
    const groups = rng.chance(0.15) ? [[[a], [b]]] : [[[a]], [[b]]];
    for (const polygons of groups) {
      if (out.length === PARCEL_COUNT) break;
      const geometry = multiPolygon(polygons);
      const ha = Math.round(area(geometry) / 100) / 100;
      const mode = rng.weighted([['留', 0.25], ['改', 0.45], ['拆', 0.3]] as const);
      const year = rng.weighted([[2022, 0.15], [2023, 0.5], [2024, 0.2], [2025, 0.15]]);
      const [lo, hi] = COST_PER_HA[mode];
      out.push(feature(geometry, {
        地块编号: `JX-2023-${String(out.length + 1).padStart(3, '0')}`,
        名称: nameOf(() => `${rng.pick(PLACE_WORDS)}${rng.pick(['片区', '地块', '街区', '单元', '组团'])}`),
        更新方式: mode,
        状态: statusFor(year, rng),
        计划年度: year,
        面积: ha,
        投资额: Math.round(ha * rng.range(lo, hi) * 100) / 100,
      }));
    }
  }
  return { features: out, lanes, used, unused: lots.filter((l) => !used.includes(l)) };
}
