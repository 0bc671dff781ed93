import type { Feature, Point, Position } from 'geojson';
import { feature, point, shift } from '../geometry.ts';
import type { Random } from '../random.ts';
import type { Lot } from './lots.ts';
import { ORDINALS, PLACE_WORDS, uniqueNamer } from './names.ts';

export const SCHOOL_COUNT = 12;
const HOSPITAL_KINDS = ['综合医院', '综合医院', '综合医院', '中医医院', '妇幼保健院', '社区医院', '社区医院', '综合医院'] as const;

/** 规模 is enrolment for schools and beds for hospitals, in the ranges usual for each subtype. */
const SIZE: Record<string, readonly [number, number]> = {
  小学: [800, 2400], 中学: [1200, 3200], 综合医院: [500, 1500], 中医医院: [300, 800], 妇幼保健院: [200, 600], 社区医院: [30, 120],
};

/**
 * 20 facilities, one per lot: 12 schools (小学 / 中学) and 8 hospitals. Names follow the local pattern
 * (district + place + school, district + ordinal + 人民医院) but are invented.
 */
export function buildFacilities(lots: Lot[], districtAt: (p: Position) => string, rng: Random): Feature<Point>[] {
  const nameOf = uniqueNamer();
  const ordinal: Record<string, number> = {};
  const kinds = rng.shuffle([
    ...Array.from({ length: SCHOOL_COUNT }, (_, i) => ['学校', i % 5 < 3 ? '小学' : '中学'] as const),
    ...HOSPITAL_KINDS.map((k) => ['医院', k] as const),
  ]);
  return lots.map((lot, i) => {
    const [type, sub] = kinds[i];
    // Off-centre in the lot, but well inside it (lots are at least 80 m across).
    const p = shift(lot.centre, rng.range(-20, 20), rng.range(-20, 20));
    const district = districtAt(p);
    const name = nameOf(() => {
      const place = rng.pick(PLACE_WORDS);
      if (type === '学校') return `${district}${place}${sub}`;
      if (sub === '综合医院') {
        ordinal[district] = (ordinal[district] ?? 0) + 1;
        return `${district}第${ORDINALS[ordinal[district] - 1]}人民医院`;
      }
      if (sub === '社区医院') return `${place}社区卫生服务中心`;
      return `${district}${sub}`;
    });
    const [lo, hi] = SIZE[sub];
    return feature(point(p), { 名称: name, 类型: type, 子类: sub, 规模: Math.round(rng.int(lo, hi) / 10) * 10 });
  });
}
