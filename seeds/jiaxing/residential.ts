import type { Feature, MultiPolygon, Position } from 'geojson';
import { area } from '@turf/turf';
import { feature, multiPolygon } from '../geometry.ts';
import type { Random } from '../random.ts';
import type { Box } from './landmarks.ts';
import type { Lot } from './lots.ts';
import { NEW_ESTATE_SUFFIXES, OLD_ESTATE_SUFFIXES, PLACE_WORDS, uniqueNamer } from './names.ts';

/** A lot's outline with, now and then, one corner cut off, so that estates are not all rectangles. */
function estateRing(box: Box, rng: Random): Position[] {
  const corners: Position[] = [[box.west, box.south], [box.east, box.south], [box.east, box.north], [box.west, box.north]];
  if (!rng.chance(0.35)) return [...corners, corners[0]];
  const k = rng.int(0, 3);
  const prev = corners[(k + 3) % 4];
  const next = corners[(k + 1) % 4];
  const c = corners[k];
  const f = rng.range(0.15, 0.35);
  // Replace the corner by two points part-way along its two sides: the ring stays convex.
  const cut: Position[] = [[c[0] + (prev[0] - c[0]) * f, c[1] + (prev[1] - c[1]) * f], [c[0] + (next[0] - c[0]) * f, c[1] + (next[1] - c[1]) * f]];
  const ring = corners.flatMap((p, i) => (i === k ? cut : [p]));
  return [...ring, ring[0]];
}

/**
 * 120 residential areas (小区) on their own lots. Estates near the centre are mostly older; those built
 * before 2000 are 老旧小区, lower-rise and denser in buildings, and carry a renovation state.
 */
export function buildResidentialAreas(lots: Lot[], rng: Random): Feature<MultiPolygon>[] {
  const nameOf = uniqueNamer();
  return lots.map((lot) => {
    const geometry = multiPolygon([[estateRing(lot.box, rng)]]);
    const ha = area(geometry) / 10_000;
    const oldShare = lot.distKm < 2.5 ? 0.8 : lot.distKm < 5 ? 0.45 : 0.2;
    const old = rng.chance(oldShare);
    const built = old ? rng.int(1980, 1999) : rng.int(2000, 2022);
    // Old estates: six-storey walk-ups of 24–48 homes; newer ones: high-rises of 60–160 homes.
    const buildings = Math.max(4, Math.round(ha * (old ? rng.range(3, 6) : rng.range(1.2, 3))));
    const households = buildings * (old ? rng.int(24, 48) : rng.int(60, 160));
    const suffixes = old ? OLD_ESTATE_SUFFIXES : NEW_ESTATE_SUFFIXES;
    return feature(geometry, {
      小区: nameOf(() => `${rng.pick(PLACE_WORDS)}${rng.pick(suffixes)}`),
      建成年代: built,
      楼栋数: buildings,
      户数: households,
      人口: Math.round(households * rng.range(2.6, 3.0)),
      老旧小区: built < 2000 ? '是' : '否',
      改造状态: old ? rng.weighted([['无', 0.25], ['计划', 0.25], ['开工', 0.3], ['完成', 0.2]]) : '无',
    });
  });
}
