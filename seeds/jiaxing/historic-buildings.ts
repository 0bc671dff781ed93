import type { Feature, Point, Position } from 'geojson';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import { distanceM, feature, point, rectRing, shift } from '../geometry.ts';
import type { Random } from '../random.ts';
import { CENTRE, inBox, LAKE_BOX, ringCanalRing } from './landmarks.ts';
import { uniqueNamer } from './names.ts';
import { pointInside } from './placement.ts';

const SURNAMES = ['沈', '朱', '吴', '褚', '钱', '陆', '徐', '屠', '金', '冯', '蒋', '顾', '姚', '许', '戴', '范', '俞', '施', '唐', '汪'];
const FORMER_SITES = ['禾城邮局', '嘉禾县署', '米业公所', '丝厂', '商会', '电灯公司', '中学堂', '教会医院', '钱庄', '茧行', '米行', '书院'];
const HALLS = ['怀德堂', '崇本堂', '敦睦堂', '世德堂', '承志堂', '余庆堂', '三槐堂', '积善堂', '咸宜堂', '务本堂', '思源堂', '绍衣堂'];
const GRADES = [
  ...Array<string>(1).fill('全国重点文物保护单位'),
  ...Array<string>(4).fill('省级文物保护单位'),
  ...Array<string>(8).fill('市级文物保护单位'),
  ...Array<string>(12).fill('历史建筑'),
];

function listedIn(grade: string, newlyListed: boolean, rng: Random): number {
  if (grade === '全国重点文物保护单位') return rng.pick([2001, 2006, 2013]);
  if (grade === '省级文物保护单位') return rng.int(1989, 2017);
  if (grade === '市级文物保护单位') return rng.int(1990, 2020);
  // The plan adds 10 historic buildings in 2023; the others were listed in earlier batches.
  return newlyListed ? 2023 : rng.int(2016, 2022);
}

function nameAndEra(rng: Random): [string, string] {
  const kind = rng.weighted([['故居', 0.35], ['旧址', 0.3], ['堂', 0.25], ['宅', 0.1]]);
  if (kind === '故居') return [`${rng.pick(SURNAMES)}氏故居`, rng.pick(['清代', '清末', '民国'])];
  if (kind === '旧址') return [`${rng.pick(FORMER_SITES)}旧址`, rng.pick(['清末', '民国', '民国初期', '1950年代'])];
  if (kind === '堂') return [rng.pick(HALLS), rng.pick(['明代', '清代', '清代', '清末'])];
  return [`${rng.pick(SURNAMES)}家老宅`, rng.pick(['清代', '清末', '民国'])];
}

/**
 * 25 historic buildings: most in the old town inside the ring canal and in the two historic districts,
 * a few scattered within 3.5 km of the centre. Always on dry land, off the street.
 */
export function buildHistoricBuildings(districtRings: Position[][], isGround: (p: Position) => boolean, rng: Random): Feature<Point>[] {
  const oldTown = polygon([ringCanalRing(100)]);
  const [sw, ne] = [shift(CENTRE, -3500, -3500), shift(CENTRE, 3500, 3500)];
  const around = rectRing(sw[0], sw[1], ne[0], ne[1]);
  const regions: Array<[number, Position[], (p: Position) => boolean]> = [
    [11, oldTown.geometry.coordinates[0], (p) => booleanPointInPolygon(p, oldTown)],
    [5, districtRings[0], (p) => booleanPointInPolygon(p, polygon([districtRings[0]]))],
    [4, districtRings[1], (p) => booleanPointInPolygon(p, polygon([districtRings[1]]))],
    [5, around, (p) => distanceM(p, CENTRE) < 3500 && !inBox(p, LAKE_BOX)],
  ];
  const grades = rng.shuffle(GRADES);
  const nameOf = uniqueNamer();
  const placed: Position[] = [];
  // Keep buildings at least 40 m apart so that their symbols do not sit on one another.
  const ok = (p: Position) => isGround(p) && placed.every((q) => distanceM(p, q) > 40);
  let newlyListed = 0;
  const out: Feature<Point>[] = [];
  for (const [count, ring, inside] of regions) {
    for (let k = 0; k < count; k++) {
      const p = pointInside(ring, inside, ok, rng);
      if (!p) continue;
      placed.push(p);
      const grade = grades[out.length];
      const isNew = grade === '历史建筑' && newlyListed++ < 10;
      let era = '';
      const name = nameOf(() => {
        const [n, e] = nameAndEra(rng);
        era = e;
        return n;
      });
      out.push(feature(point(p), { 名称: name, 保护等级: grade, 建成年代: era, 公布年度: listedIn(grade, isNew, rng) }));
    }
  }
  return out;
}
