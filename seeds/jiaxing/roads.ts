import type { Feature, LineString } from 'geojson';
import { length } from '@turf/turf';
import { feature, lineString } from '../geometry.ts';
import type { Random } from '../random.ts';
import { CENTRE, LAKE_BOX, MAIN_BBOX } from './landmarks.ts';
import { PLACE_WORDS, STREET_SUFFIXES, uniqueNamer } from './names.ts';

type RoadClass = '主干路' | '次干路' | '支路';

/** A straight road along a grid line: axis 'x' runs north–south at longitude `pos`, 'y' east–west at latitude `pos`. */
export interface RoadLine {
  axis: 'x' | 'y';
  pos: number;
  from: number;
  to: number;
  cls: RoadClass;
  name: string;
}

/** The street grid: its lines, and the sorted positions that block out the land between them. */
export interface RoadGrid {
  lines: RoadLine[];
  xs: number[];
  ys: number[];
}

// Arterials about 1 km apart. The lakeside ones (勤俭路, 南湖大道, 南溪路, 解放路) sit exactly on the edges of
// LAKE_BOX and stay fixed; none runs along the ring canal. Names are Jiaxing-flavoured, the layout is not surveyed.
const ARTERIALS_X: ReadonlyArray<readonly [number, string]> = [
  [120.6735, '三环西路'], [120.6955, '新气象路'], [120.7175, '秀洲大道'], [120.7285, '中环西路'], [120.7395, '环城西路'],
  [120.7505, '禾兴路'], [LAKE_BOX.west, '勤俭路'], [LAKE_BOX.east, '南湖大道'], [120.783, '东方路'], [120.794, '庆丰路'],
  [120.805, '中环东路'], [120.816, '广穹路'], [120.8325, '三环东路'], [120.851, '亚太路'],
];
const ARTERIALS_Y: ReadonlyArray<readonly [number, string]> = [
  [30.711, '槜李路'], [30.722, '城南路'], [30.733, '由拳路'], [LAKE_BOX.south, '南溪路'], [LAKE_BOX.north, '解放路'],
  [30.7645, '中山路'], [30.775, '东升路'], [30.786, '广益路'], [30.797, '昌盛路'],
];
const FIXED = new Set([LAKE_BOX.west, LAKE_BOX.east, LAKE_BOX.south, LAKE_BOX.north]);
const COLLECTOR_NAMES = ['紫阳街', '建国路', '少年路', '文昌路', '春波路', '府前街', '北京路', '吉杨路', '双溪路', '常秀街', '纺工路', '茶园路', '凌公塘路', '长纤路', '港航路', '穆湖路', '华庭街', '清河路'];
// Where collectors and local streets are laid (inner area, inner core), as [west, east, south, north].
const COLLECTOR_AREA = [120.7175, 120.816, 30.722, 30.786] as const;
const LOCAL_AREA = [120.7285, 120.805, LAKE_BOX.south, 30.775] as const;
// Bands either side of the ring canal's straight reaches: a minor road there would run along the water.
const BANDS_X: ReadonlyArray<readonly [number, number]> = [[120.7435, 120.7472], [120.7597, 120.7635]];
const BANDS_Y: ReadonlyArray<readonly [number, number]> = [[30.7505, 30.754], [30.766, 30.7695]];

const inBand = (pos: number, bands: ReadonlyArray<readonly [number, number]>) => bands.some(([a, b]) => pos >= a && pos <= b);

/** Cuts a line where it would cross 南湖: it ends on the lakeside road instead. */
function cutAtLake(line: RoadLine): RoadLine[] {
  const [lo, hi, a, b] = line.axis === 'x'
    ? [LAKE_BOX.west, LAKE_BOX.east, LAKE_BOX.south, LAKE_BOX.north]
    : [LAKE_BOX.south, LAKE_BOX.north, LAKE_BOX.west, LAKE_BOX.east];
  if (line.pos <= lo || line.pos >= hi || line.to <= a || line.from >= b) return [line];
  return [{ ...line, to: a }, { ...line, from: b }].filter((l) => l.to - l.from > 0.001);
}

/** Lines at the midpoints of gaps wider than `minGap` between `positions`, inside [lo, hi]. */
function midlines(positions: number[], lo: number, hi: number, minGap: number): number[] {
  const inside = positions.filter((p) => p >= lo && p <= hi).sort((p, q) => p - q);
  const out: number[] = [];
  for (let i = 0; i < inside.length - 1; i++) {
    if (inside[i + 1] - inside[i] > minGap) out.push((inside[i] + inside[i + 1]) / 2);
  }
  return out;
}

/** Lays out arterials over the whole area, collectors in the centre and local streets in the inner core. */
export function buildRoadGrid(rng: Random): RoadGrid {
  const jitter = (p: number) => (FIXED.has(p) ? p : p + rng.range(-0.0008, 0.0008));
  const ax = ARTERIALS_X.map(([p, name]) => [jitter(p), name] as const);
  const ay = ARTERIALS_Y.map(([p, name]) => [jitter(p), name] as const);
  const xa = ax.map(([p]) => p);
  const ya = ay.map(([p]) => p);
  const lines: RoadLine[] = [
    ...ax.map(([pos, name]): RoadLine => ({ axis: 'x', pos, from: MAIN_BBOX.south + 0.0015, to: MAIN_BBOX.north - 0.0015, cls: '主干路', name })),
    ...ay.map(([pos, name]): RoadLine => ({ axis: 'y', pos, from: MAIN_BBOX.west + 0.0015, to: MAIN_BBOX.east - 0.0015, cls: '主干路', name })),
  ];
  const collectorNames = rng.shuffle(COLLECTOR_NAMES);
  const nameLocal = uniqueNamer();
  // Arterial and collector names are taken; a local street must not reuse one of them.
  for (const name of [...ARTERIALS_X, ...ARTERIALS_Y].map(([, n]) => n).concat(COLLECTOR_NAMES)) nameLocal(() => name);
  const localName = () => nameLocal(() => `${rng.pick(PLACE_WORDS)}${rng.pick(STREET_SUFFIXES)}`);
  const collectorName = () => collectorNames.pop() ?? localName();
  // Minor roads end on an arterial, so their ends snap to the (jittered) arterial nearest the area's edge.
  const snap = (values: number[], target: number) => values.reduce((best, v) => (Math.abs(v - target) < Math.abs(best - target) ? v : best));
  const [cw, ce, cs, cn] = [snap(xa, COLLECTOR_AREA[0]), snap(xa, COLLECTOR_AREA[1]), snap(ya, COLLECTOR_AREA[2]), snap(ya, COLLECTOR_AREA[3])];
  const xc = midlines(xa, cw, ce, 0.008).filter((p) => !inBand(p, BANDS_X));
  const yc = midlines(ya, cs, cn, 0.008).filter((p) => !inBand(p, BANDS_Y));
  for (const pos of xc) lines.push({ axis: 'x', pos, from: cs, to: cn, cls: '次干路', name: collectorName() });
  for (const pos of yc) lines.push({ axis: 'y', pos, from: cw, to: ce, cls: '次干路', name: collectorName() });
  const [lw, le, ls, ln] = [snap(xa, LOCAL_AREA[0]), snap(xa, LOCAL_AREA[1]), snap(ya, LOCAL_AREA[2]), snap(ya, LOCAL_AREA[3])];
  const xl = midlines([...xa, ...xc], lw, le, 0.0045).filter((p) => !inBand(p, BANDS_X));
  const yl = midlines([...ya, ...yc], ls, ln, 0.0045).filter((p) => !inBand(p, BANDS_Y));
  for (const pos of xl) lines.push({ axis: 'x', pos, from: ls, to: ln, cls: '支路', name: localName() });
  for (const pos of yl) lines.push({ axis: 'y', pos, from: lw, to: le, cls: '支路', name: localName() });
  const cut = lines.flatMap(cutAtLake);
  const sortedUnique = (values: number[]) => [...new Set(values)].sort((p, q) => p - q);
  return {
    lines: cut,
    xs: sortedUnique(cut.filter((l) => l.axis === 'x').map((l) => l.pos)),
    ys: sortedUnique(cut.filter((l) => l.axis === 'y').map((l) => l.pos)),
  };
}

/** 中山路 east of the centre is 中山东路; 禾兴路 north of it is 禾兴北路 (the way Jiaxing names its arterials). */
function sidedName(line: RoadLine, mid: number): string {
  const m = /^(.{2})路$/.exec(line.name);
  if (!m || line.cls !== '主干路') return line.name;
  const side = line.axis === 'y' ? (mid < CENTRE[0] ? '西' : '东') : mid < CENTRE[1] ? '南' : '北';
  return `${m[1]}${side}路`;
}

/**
 * The network as LineStrings split at every crossing and T-junction, so that consecutive segments share
 * their end positions exactly (a routable graph).
 */
export function roadFeatures(grid: RoadGrid): Feature<LineString>[] {
  const out: Feature<LineString>[] = [];
  for (const line of grid.lines) {
    const cuts = grid.lines
      .filter((m) => m.axis !== line.axis && m.pos >= line.from && m.pos <= line.to && line.pos >= m.from && line.pos <= m.to)
      .map((m) => m.pos);
    const stops = [...new Set([line.from, ...cuts, line.to])].sort((p, q) => p - q);
    for (let i = 0; i < stops.length - 1; i++) {
      const [a, b] = [stops[i], stops[i + 1]];
      const coords = line.axis === 'x' ? [[line.pos, a], [line.pos, b]] : [[a, line.pos], [b, line.pos]];
      const geometry = lineString(coords);
      const metres = Math.round(length(feature(geometry, {}), { units: 'kilometers' }) * 10_000) / 10;
      out.push(feature(geometry, { 名称: sidedName(line, (a + b) / 2), 等级: line.cls, 长度: metres }));
    }
  }
  return out;
}
