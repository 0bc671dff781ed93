import { round6 } from '../geometry.ts';
import type { Random } from '../random.ts';
import { CENTRE, LAKE_BOX, MAIN_BBOX } from './landmarks.ts';
import { PLACE_WORDS, STREET_SUFFIXES, uniqueNamer } from './names.ts';

/** The road kind's classes: streets, and 步行道 for paths (estate roads, park paths, riverside walks). */
export type RoadClass = '主干路' | '次干路' | '支路' | '步行道';
/** Classes of the grid's streets. */
export type GridClass = Exclude<RoadClass, '步行道'>;

/** A straight road along a grid line: axis 'x' runs north–south at longitude `pos`, 'y' east–west at latitude `pos`. */
export interface RoadLine {
  axis: 'x' | 'y';
  pos: number;
  from: number;
  to: number;
  cls: GridClass;
  name: string;
  /** Set on a minor line interrupted where it would run along the ring canal. */
  partial?: boolean;
}

/** The street grid: its lines, and the arterial positions that block out the land between them. */
export interface RoadGrid {
  lines: RoadLine[];
  /** Arterial positions (sorted): the grid's big blocks lie between them. */
  arterialXs: number[];
  arterialYs: number[];
}

/** A rectangle of land between street lines (no street crosses it), with the class of the street on each side. */
export interface Block {
  west: number;
  south: number;
  east: number;
  north: number;
  sides: { west: GridClass; south: GridClass; east: GridClass; north: GridClass };
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
// Where collectors are laid, and local streets (the inner city, about 10 km by 7 km), as [west, east, south, north].
const COLLECTOR_AREA = [120.7175, 120.816, 30.722, 30.786] as const;
/** The inner city, where collectors and local streets are laid (its edges are arterials). */
export const INNER_AREA = { west: COLLECTOR_AREA[0], east: COLLECTOR_AREA[1], south: COLLECTOR_AREA[2], north: COLLECTOR_AREA[3] } as const;
const LOCAL_AREA = COLLECTOR_AREA;
// Bands either side of the ring canal's straight reaches: a minor road there would run along the water,
// so it is left out between the arterials either side of the ring canal (and 南湖). Collectors keep off
// a wider band (about 150 m from the water) than local streets (about 60 m).
type Bands = { x: ReadonlyArray<readonly [number, number]>; y: ReadonlyArray<readonly [number, number]> };
const COLLECTOR_BANDS: Bands = { x: [[120.7435, 120.7472], [120.7597, 120.7635]], y: [[30.7505, 30.754], [30.766, 30.7695]] };
const LOCAL_BANDS: Bands = { x: [[120.7442, 120.7464], [120.7606, 120.7628]], y: [[30.7513, 30.7533], [30.7667, 30.7687]] };

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

/**
 * Lays out arterials over the whole area (about 1 km apart), collectors and local streets in the inner
 * city (about 550 m and 270 m apart) and, in the old city round 南湖 and the ring canal, streets about
 * 150 m apart. Minor lines span whole arterial blocks, so every block between arterials is cut by the
 * same minor lines from side to side (see {@link gridBlocks}). Lanes, estate roads and paths are laid
 * later, lot by lot (streets.ts).
 */
export function buildRoadGrid(rng: Random): RoadGrid {
  const jitter = (p: number) => (FIXED.has(p) ? p : round6(p + rng.range(-0.0008, 0.0008)));
  const ax = ARTERIALS_X.map(([p, name]) => [jitter(p), name] as const);
  const ay = ARTERIALS_Y.map(([p, name]) => [jitter(p), name] as const);
  const xa = ax.map(([p]) => p);
  const ya = ay.map(([p]) => p);
  const lines: RoadLine[] = [
    ...ax.map(([pos, name]): RoadLine => ({ axis: 'x', pos, from: round6(MAIN_BBOX.south + 0.0015), to: round6(MAIN_BBOX.north - 0.0015), cls: '主干路', name })),
    ...ay.map(([pos, name]): RoadLine => ({ axis: 'y', pos, from: round6(MAIN_BBOX.west + 0.0015), to: round6(MAIN_BBOX.east - 0.0015), cls: '主干路', name })),
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
  const xc = midlines(xa, cw, ce, 0.008).map(round6);
  const yc = midlines(ya, cs, cn, 0.008).map(round6);
  // The span a banded line leaves out: x-lines between 南溪路 and 东升路, y-lines between 环城西路 and 南湖大道.
  const spanY = [snap(ya, LAKE_BOX.south), snap(ya, 30.775)];
  const spanX = [snap(xa, 120.7395), snap(xa, LAKE_BOX.east)];
  const add = (axis: 'x' | 'y', pos: number, from: number, to: number, cls: GridClass, name: () => string) => {
    const [bands, [a, b]] = axis === 'x' ? [(cls === '次干路' ? COLLECTOR_BANDS : LOCAL_BANDS).x, spanY] : [(cls === '次干路' ? COLLECTOR_BANDS : LOCAL_BANDS).y, spanX];
    if (!inBand(pos, bands)) return lines.push({ axis, pos, from, to, cls, name: name() });
    const n = name();
    for (const [p, q] of [[from, a], [b, to]]) if (q > p) lines.push({ axis, pos, from: p, to: q, cls, name: n, partial: true });
  };
  // Whole collectors first, so that they keep their names whatever the banded ones do.
  for (const pos of xc.filter((p) => !inBand(p, COLLECTOR_BANDS.x))) add('x', pos, cs, cn, '次干路', collectorName);
  for (const pos of yc.filter((p) => !inBand(p, COLLECTOR_BANDS.y))) add('y', pos, cw, ce, '次干路', collectorName);
  for (const pos of xc.filter((p) => inBand(p, COLLECTOR_BANDS.x))) add('x', pos, cs, cn, '次干路', collectorName);
  for (const pos of yc.filter((p) => inBand(p, COLLECTOR_BANDS.y))) add('y', pos, cw, ce, '次干路', collectorName);
  const [lw, le, ls, ln] = [snap(xa, LOCAL_AREA[0]), snap(xa, LOCAL_AREA[1]), snap(ya, LOCAL_AREA[2]), snap(ya, LOCAL_AREA[3])];
  const xl = midlines([...xa, ...xc], lw, le, 0.0045).map(round6);
  const yl = midlines([...ya, ...yc], ls, ln, 0.0045).map(round6);
  for (const pos of xl) add('x', pos, ls, ln, '支路', localName);
  for (const pos of yl) add('y', pos, lw, le, '支路', localName);
  // The old city (环城西路 to 南湖大道, 南溪路 to 东升路) is finer grained: a street halves every gap wider
  // than about 240 m between the lines that cross it, for blocks of 120–170 m.
  const crossingSpan = (axis: 'x' | 'y', a: number, b: number) =>
    lines.filter((l) => l.axis === axis && l.from <= a && l.to >= b).map((l) => l.pos);
  const xo = midlines(crossingSpan('x', spanY[0], spanY[1]), spanX[0], spanX[1], 0.0025).map(round6);
  const yo = midlines(crossingSpan('y', spanX[0], spanX[1]), spanY[0], spanY[1], 0.0025).map(round6);
  const oldName = () => nameLocal(() => `${rng.pick(PLACE_WORDS)}${rng.pick(['街', '巷', '弄'])}`);
  for (const pos of xo) add('x', pos, spanY[0], spanY[1], '支路', oldName);
  for (const pos of yo) add('y', pos, spanX[0], spanX[1], '支路', oldName);
  const sorted = (values: number[]) => [...new Set(values)].sort((p, q) => p - q);
  return { lines: lines.flatMap(cutAtLake), arterialXs: sorted(xa), arterialYs: sorted(ya) };
}

/**
 * The blocks of the grid: each cell between neighbouring arterials, cut by the minor lines that cross it
 * from side to side. (Minor lines start and end on arterials, so a minor line crosses a cell wholly or
 * not at all; a line cut at the lake ends on the lakeside road.)
 */
export function gridBlocks(grid: RoadGrid): Block[] {
  const { arterialXs: xs, arterialYs: ys } = grid;
  const minor = grid.lines.filter((l) => l.cls !== '主干路');
  const out: Block[] = [];
  for (let j = 0; j < ys.length - 1; j++) {
    for (let i = 0; i < xs.length - 1; i++) {
      const [w, e, s, n] = [xs[i], xs[i + 1], ys[j], ys[j + 1]];
      const crossing = (axis: 'x' | 'y', lo: number, hi: number, a: number, b: number): [number, GridClass][] => [[lo, '主干路'] as [number, GridClass], ...minor
        .filter((l) => l.axis === axis && l.pos > lo && l.pos < hi && l.from <= a && l.to >= b)
        .map((l): [number, GridClass] => [l.pos, l.cls]), [hi, '主干路'] as [number, GridClass]].sort((p, q) => p[0] - q[0]);
      const cx = crossing('x', w, e, s, n);
      const cy = crossing('y', s, n, w, e);
      for (let b = 0; b < cy.length - 1; b++) {
        for (let a = 0; a < cx.length - 1; a++) {
          out.push({
            west: cx[a][0], south: cy[b][0], east: cx[a + 1][0], north: cy[b + 1][0],
            sides: { west: cx[a][1], south: cy[b][1], east: cx[a + 1][1], north: cy[b + 1][1] },
          });
        }
      }
    }
  }
  return out;
}

/** 中山路 east of the centre is 中山东路; 禾兴路 north of it is 禾兴北路 (the way Jiaxing names its arterials). */
export function sidedName(name: string, cls: RoadClass, axis: 'x' | 'y', mid: number): string {
  const m = /^(.{2})路$/.exec(name);
  if (!m || cls !== '主干路') return name;
  const side = axis === 'y' ? (mid < CENTRE[0] ? '西' : '东') : mid < CENTRE[1] ? '南' : '北';
  return `${m[1]}${side}路`;
}
