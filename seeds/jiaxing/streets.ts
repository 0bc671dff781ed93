import type { Feature, LineString, MultiPolygon, Position } from 'geojson';
import { length } from '@turf/turf';
import { feature, latDeg, lineString, lonDeg, M_PER_DEG_LAT, M_PER_DEG_LON, round6 } from '../geometry.ts';
import type { Random } from '../random.ts';
import { LAKE_BOX, type Box } from './landmarks.ts';
import type { Lane, Lot } from './lots.ts';
import { ORDINALS, PLACE_WORDS, uniqueNamer } from './names.ts';
import { lengthM, nodeLines, slicePolyline, WaterIndex, type NodeLine } from './noding.ts';
import { sidedName, type RoadClass, type RoadGrid } from './roads.ts';
import { LAKE_PARK_SETBACK } from './waterside-parks.ts';

/**
 * The street and path network of the demo, laid out so that walking analyses behave as on a real city's
 * network: the grid's arterials, collectors and local streets; lanes between the lots of a block; roads
 * inside estates, through parcels and open lots, to schools and hospitals; paths through parks with
 * gates on their boundary; lakeside and riverside walks. Streets cross water only on bridges (arterials
 * and collectors everywhere, local streets over the ring canal); every other line stops at the bank.
 * Everything is noded: lines meet only at shared vertices.
 */

// Water bodies in the order of the water layer (see water.ts): 南湖 0, 环城河 1, the canals 2–4.
const RING_CANAL = 1;
const CANAL_BODIES = [2, 3, 4];
/** How close to the water a street may come where it does not cross it (metres from the water's edge). */
const BANK = 8;
/** A crossing longer than this (metres, banks included) is not bridged. */
const MAX_BRIDGE = 250;

interface Line {
  coords: Position[];
  cls: RoadClass;
  name: string;
  /** Water bodies the line may cross on a bridge. */
  bridges?: readonly number[];
  /** Axis-aligned lines keep their axis: arterials take 东/西/南/北 in their name by it. */
  axis?: 'x' | 'y';
  /** A street of the grid (arterial, collector, local street): the network's features split where one meets another line. */
  grid?: boolean;
}

/** Which sides of a park face a street (paths run out to those). */
export interface Fronts {
  south: boolean;
  north: boolean;
  west: boolean;
  east: boolean;
}

/** A park laid out on a lot: its outline (a rectangle) and the sides that face a street. */
export interface ParkSite {
  lot: Lot;
  box: Box;
  name: string;
  fronts: Fronts;
}

export interface StreetInputs {
  grid: RoadGrid;
  /** Lanes between lots (from buildLots). */
  lanes: Lane[];
  /** Lanes between the two halves of a renewal lot, and the lots they run through. */
  parcelLanes: Lane[];
  parcelLots: Lot[];
  water: Feature<MultiPolygon>[];
  estates: { lot: Lot; name: string }[];
  parks: ParkSite[];
  facilities: { lot: Lot; point: Position; name: string }[];
  /** Open lots in the inner city: a lane runs through each. */
  openLots: Lot[];
  /** Lakeside and riverside walks (existing greenways): name and line. */
  walks: { name: string; line: Position[] }[];
  /** The lakeside walk (the line the lake parks' paths lead to) and the lake parks by side (E, N, W, S). */
  lakeWalk: Position[];
  lakeParkNames: string[];
}

export interface StreetNetwork {
  features: Feature<LineString>[];
  /** Where each school's or hospital's drive leaves the street (in input order; null without one). */
  gates: (Position | null)[];
  /** Each walk's line with a vertex wherever a street meets it (the greenway layer uses these). */
  walks: Map<string, Position[]>;
}

const axisCoords = (axis: 'x' | 'y', pos: number, from: number, to: number): Position[] =>
  axis === 'x' ? [[pos, from], [pos, to]] : [[from, pos], [to, pos]];

/** Builds the network; `rng` only names lanes. */
export function buildStreets(input: StreetInputs, rng: Random): StreetNetwork {
  const water = new WaterIndex(input.water.map((f) => f.geometry));
  const lines: Line[] = [];
  const cutEnds = new Set<string>();
  const key = (p: Position) => `${p[0]},${p[1]}`;

  // Lane names: numbered after the street a lane leaves (中山路一弄, 中山路二弄 ...), else a place word with
  // 巷 / 弄 / 里. Names are unique.
  const nameLane = uniqueNamer();
  for (const l of input.grid.lines) nameLane(() => l.name);
  const gridLine = new Map(input.grid.lines.map((l) => [`${l.axis}:${l.pos}`, l]));
  const numbered = new Map<string, number>();
  const LANE_ORDINALS = [...ORDINALS, '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
  const laneName = (axis?: 'x' | 'y', pos = 0, ends: number[] = []) => {
    const perp = axis === 'x' ? 'y' : 'x';
    for (const end of axis ? ends : []) {
      const line = gridLine.get(`${perp}:${end}`);
      // The street's name where the lane leaves it (中山东路, not 中山路, east of the centre).
      const street = line && sidedName(line.name, line.cls, line.axis, pos);
      const n = street ? numbered.get(street) ?? 0 : LANE_ORDINALS.length;
      if (!street || n >= LANE_ORDINALS.length) continue;
      numbered.set(street, n + 1);
      return nameLane(() => `${street}${LANE_ORDINALS[n]}弄`);
    }
    return nameLane(() => `${rng.pick(PLACE_WORDS)}${rng.pick(['巷', '弄', '里', '坊'])}`);
  };

  // 1. Axis-aligned streets and lanes, cut at the water except where they may bridge it. Bridges are
  //    taken in order (arterials first); one that would meet an earlier bridge over the water is cut.
  const pieces = new Map<string, [number, number][]>(); // `${axis}:${pos}` → spans that exist
  const bridgesTaken: { axis: 'x' | 'y'; pos: number; from: number; to: number }[] = [];
  const addAxis = (axis: 'x' | 'y', pos: number, from: number, to: number, cls: RoadClass, name: string, may: readonly number[], grid: boolean) => {
    const scale = axis === 'x' ? M_PER_DEG_LAT : M_PER_DEG_LON;
    const along = (m: number) => round6(from + m / scale);
    const total = (to - from) * scale;
    const cuts: [number, number][] = [];
    for (const [a, b, body] of water.wetStretches(axisCoords(axis, pos, from, to), BANK)) {
      const bridge = may.includes(body) && a > 0 && b < total && b - a < MAX_BRIDGE &&
        !bridgesTaken.some((o) => o.axis !== axis && o.pos >= along(a) && o.pos <= along(b) && pos >= o.from && pos <= o.to);
      if (bridge) bridgesTaken.push({ axis, pos, from: along(a), to: along(b) });
      else cuts.push([a, b]);
    }
    let start = 0;
    const spans: [number, number][] = [];
    for (const [a, b] of [...cuts, [total, total] as [number, number]]) {
      if (a - start >= 20) spans.push([start === 0 ? from : along(start), a === total ? to : along(a)]);
      start = b;
    }
    for (const [s, e] of spans) {
      const coords = axisCoords(axis, pos, s, e);
      if (s !== from) cutEnds.add(key(coords[0]));
      if (e !== to) cutEnds.add(key(coords[1]));
      lines.push({ coords, cls, name, axis, grid });
      const k = `${axis}:${pos}`;
      pieces.set(k, [...(pieces.get(k) ?? []), [s, e]]);
    }
  };
  for (const l of input.grid.lines) {
    const may = l.cls === '支路' ? [RING_CANAL] : [RING_CANAL, ...CANAL_BODIES];
    addAxis(l.axis, l.pos, l.from, l.to, l.cls, l.name, may, true);
  }
  const insideLake = (l: Lane) => (l.axis === 'x'
    ? l.pos > LAKE_BOX.west && l.pos < LAKE_BOX.east && l.to > LAKE_BOX.south && l.from < LAKE_BOX.north
    : l.pos > LAKE_BOX.south && l.pos < LAKE_BOX.north && l.to > LAKE_BOX.west && l.from < LAKE_BOX.east);
  for (const l of input.lanes) if (!insideLake(l)) addAxis(l.axis, l.pos, l.from, l.to, '支路', laneName(l.axis, l.pos, [l.from, l.to]), [], false);

  /** Whether a street or lane runs along `axis` at `pos` past the point `along`. */
  const exists = (axis: 'x' | 'y', pos: number, along: number) =>
    (pieces.get(`${axis}:${pos}`) ?? []).some(([a, b]) => along >= a - 1e-9 && along <= b + 1e-9);

  // 2. Ways through lots. A way along `axis` at `pos` crosses `box` (the lot, or a park on it); at each
  //    end it carries on to the street or lane on that side of the lot's cell if asked to (`connect`)
  //    and there is one there, else it stops at the box's edge. `gates` keeps a vertex where it crosses
  //    the box's edge (a park's gate, which the walking analysis enters by).
  const way = (lot: Lot, box: Box, axis: 'x' | 'y', pos: number, connect: [boolean, boolean], gates = false) => {
    const [lo, hi] = axis === 'x' ? [box.south, box.north] : [box.west, box.east];
    const [clo, chi] = axis === 'x' ? [lot.cell.south, lot.cell.north] : [lot.cell.west, lot.cell.east];
    const perp = axis === 'x' ? 'y' : 'x';
    const joinLo = connect[0] && exists(perp, clo, pos);
    const joinHi = connect[1] && exists(perp, chi, pos);
    const stops = [...(joinLo ? [clo] : []), ...(joinLo && gates ? [lo] : []), ...(!joinLo ? [lo] : []), ...(!joinHi ? [hi] : []), ...(joinHi && gates ? [hi] : []), ...(joinHi ? [chi] : [])];
    const coords = stops.map((s) => (axis === 'x' ? [pos, round6(s)] : [round6(s), pos]));
    return { coords, joined: Number(joinLo) + Number(joinHi) };
  };
  const mid = (a: number, b: number, f: number) => round6(a + (b - a) * f);
  const widthM = (b: Box) => (b.east - b.west) * M_PER_DEG_LON;
  const heightM = (b: Box) => (b.north - b.south) * M_PER_DEG_LAT;

  // Estates: internal roads about every 110 m each way (one across a narrow estate), each with a gate
  // onto the street or lane at both ends, as in an open 小区.
  for (const { lot, name } of input.estates) {
    const b = lot.box;
    const count = (m: number) => Math.max(1, Math.round(m / 110) - 1);
    const [nx, ny] = [count(widthM(b)), count(heightM(b))];
    for (let i = 1; i <= nx; i++) lines.push({ coords: way(lot, b, 'x', mid(b.west, b.east, i / (nx + 1) + rng.range(-0.04, 0.04)), [true, true]).coords, cls: '步行道', name: `${name}内部道路` });
    for (let j = 1; j <= ny; j++) lines.push({ coords: way(lot, b, 'y', mid(b.south, b.north, j / (ny + 1) + rng.range(-0.04, 0.04)), [true, true]).coords, cls: '步行道', name: `${name}内部道路` });
  }
  // Renewal lots: a lane in the gap between the two halves.
  for (const l of input.parcelLanes) {
    const lot = lotOfLane(l, input.parcelLots);
    const ends = l.axis === 'x' ? [lot.cell.south, lot.cell.north] : [lot.cell.west, lot.cell.east];
    lines.push({ coords: way(lot, lot.box, l.axis, l.pos, [true, true]).coords, cls: '支路', name: laneName(l.axis, l.pos, ends) });
  }
  // Open lots in the inner city: a lane across each side longer than 160 m.
  for (const lot of input.openLots) {
    const b = lot.box;
    const c = lot.cell;
    if (widthM(b) > 160) {
      const pos = mid(b.west, b.east, rng.range(0.35, 0.65));
      lines.push({ coords: way(lot, b, 'x', pos, [true, true]).coords, cls: '支路', name: laneName('x', pos, [c.south, c.north]) });
    }
    if (heightM(b) > 160) {
      const pos = mid(b.south, b.north, rng.range(0.35, 0.65));
      lines.push({ coords: way(lot, b, 'y', pos, [true, true]).coords, cls: '支路', name: laneName('y', pos, [c.west, c.east]) });
    }
  }
  // Schools and hospitals: a drive from the nearest street or lane to the building.
  const gates: (Position | null)[] = [];
  for (const { lot, point, name } of input.facilities) {
    const c = lot.cell;
    const [px, py] = [round6(point[0]), round6(point[1])];
    const options: [number, Position][] = [];
    if (exists('x', c.west, py)) options.push([(px - c.west) * M_PER_DEG_LON, [c.west, py]]);
    if (exists('x', c.east, py)) options.push([(c.east - px) * M_PER_DEG_LON, [c.east, py]]);
    if (exists('y', c.south, px)) options.push([(py - c.south) * M_PER_DEG_LAT, [px, c.south]]);
    if (exists('y', c.north, px)) options.push([(c.north - py) * M_PER_DEG_LAT, [px, c.north]]);
    if (options.length === 0) {
      gates.push(null);
      continue;
    }
    const [, end] = options.reduce((p, q) => (q[0] < p[0] ? q : p));
    gates.push(end);
    lines.push({ coords: [end, [px, py]], cls: '步行道', name: `${name}内部道路` });
  }
  // Parks on lots: two paths crossing at the park's centre, out through a gate to each street the park
  // faces (or, facing none, across the lot to the nearest).
  for (const site of input.parks) {
    const { lot, box, fronts: f } = site;
    const cx = mid(box.west, box.east, 0.5);
    const cy = mid(box.south, box.north, 0.5);
    let ns = way(lot, box, 'x', cx, [f.south, f.north], true);
    let ew = way(lot, box, 'y', cy, [f.west, f.east], true);
    if (ns.joined + ew.joined === 0) {
      ns = way(lot, box, 'x', cx, [true, true], true);
      ew = way(lot, box, 'y', cy, [true, true], true);
    }
    lines.push({ coords: ns.coords, cls: '步行道', name: `${site.name}园路` }, { coords: ew.coords, cls: '步行道', name: `${site.name}园路` });
  }

  // 3. Lakeside and riverside walks, and paths from the lakeside roads through the lake parks to the
  //    lakeside walk, about every 110 m (a gate where they enter the park).
  for (const w of input.walks) {
    // Walks cross the canals on footbridges (the lakeside walk over the canal mouths, the canal walk over 长水塘).
    lines.push({ coords: w.line.map((p) => [round6(p[0]), round6(p[1])]), cls: '步行道', name: w.name, bridges: CANAL_BODIES });
  }
  const sides: [('x' | 'y'), number, number, number, number][] = [
    // axis of the path, road position, inward direction, span along the road
    ['y', LAKE_BOX.east, -1, LAKE_BOX.south, LAKE_BOX.north],
    ['x', LAKE_BOX.north, -1, LAKE_BOX.west, LAKE_BOX.east],
    ['y', LAKE_BOX.west, 1, LAKE_BOX.south, LAKE_BOX.north],
    ['x', LAKE_BOX.south, 1, LAKE_BOX.west, LAKE_BOX.east],
  ];
  sides.forEach(([axis, road, dir, a, b], side) => {
    const scale = axis === 'y' ? M_PER_DEG_LAT : M_PER_DEG_LON; // along the road
    const spanM = (b - a) * scale;
    const count = Math.max(1, Math.round((spanM - 160) / 110));
    for (let k = 0; k <= count; k++) {
      const s = round6(a + (80 + ((spanM - 160) * k) / count) / scale);
      if (!exists(axis === 'y' ? 'x' : 'y', road, s)) continue;
      const start: Position = axis === 'y' ? [road, s] : [s, road];
      const hit = rayHit(start, axis === 'y' ? [dir, 0] : [0, dir], input.lakeWalk);
      if (!hit) continue;
      const gate: Position = axis === 'y' ? [round6(road + dir * lonDeg(LAKE_PARK_SETBACK)), s] : [s, round6(road + dir * latDeg(LAKE_PARK_SETBACK))];
      const coords = [start, gate, hit];
      if (lengthM(coords) > 400 || water.wetStretches(coords, BANK).length > 0) continue;
      lines.push({ coords, cls: '步行道', name: `${input.lakeParkNames[side] ?? '南湖'}园路` });
    }
  });

  // 4. Every line but the axis streets is cut at the water too (bridges only where allowed).
  const cut: Line[] = [];
  for (const l of lines) {
    if (l.axis) {
      cut.push(l);
      continue;
    }
    const total = lengthM(l.coords);
    const wet = water.wetStretches(l.coords, BANK).filter(([a, b, body]) => !(l.bridges?.includes(body) && a > 0 && b < total && b - a < MAX_BRIDGE));
    let start = 0;
    for (const [a, b] of [...wet, [total, total]]) {
      if (a - start >= 20) {
        const coords = slicePolyline(l.coords, start, a);
        if (start > 0) cutEnds.add(key(coords[0]));
        if (a < total) cutEnds.add(key(coords[coords.length - 1]));
        cut.push({ ...l, coords });
      }
      start = b;
    }
  }

  // 5. Node. Features end where a line meets a street of the grid; elsewhere (lanes, paths) a junction
  //    is a shared vertex inside the features. Then trim the stubs a water cut leaves beyond the last
  //    junction (between a riverside walk and the bank) when shorter than 40 m.
  const { pieces: noded, noded: nodedLines } = nodeLines(cut.map((l): NodeLine<Line> => ({ coords: l.coords, data: l })), { snap: 3, splits: (l) => l.grid === true });
  const uses = new Map<string, number>();
  for (const p of noded) p.coords.forEach((q, i) => uses.set(key(q), (uses.get(key(q)) ?? 0) + (i === 0 || i === p.coords.length - 1 ? 1 : 2)));
  const kept: NodeLine<Line>[] = [];
  for (const p of noded) {
    let coords = p.coords;
    for (const fromEnd of [false, true]) {
      const c = fromEnd ? coords.slice().reverse() : coords;
      if (!cutEnds.has(key(c[0])) || uses.get(key(c[0])) !== 1) continue;
      const j = c.findIndex((q, i) => i > 0 && (uses.get(key(q)) ?? 0) > 2);
      const stub = lengthM(c.slice(0, j < 0 ? c.length : j + 1));
      if (stub >= 40) continue;
      const rest = j < 0 ? [] : c.slice(j);
      coords = fromEnd ? rest.reverse() : rest;
      if (coords.length < 2) break;
    }
    if (coords.length >= 2) kept.push({ coords, data: p.data });
  }
  const features = kept.map((p) => {
    const l = p.data;
    const geometry = lineString(p.coords);
    const midAlong = l.axis === 'x' ? (p.coords[0][1] + p.coords[p.coords.length - 1][1]) / 2 : (p.coords[0][0] + p.coords[p.coords.length - 1][0]) / 2;
    const name = l.axis ? sidedName(l.name, l.cls, l.axis, midAlong) : l.name;
    const metres = Math.round(length(feature(geometry, {}), { units: 'kilometers' }) * 10_000) / 10;
    return feature(geometry, { 名称: name, 等级: l.cls, 长度: metres });
  });
  // A walk left whole keeps the network's vertices; one cut by the water takes its crossings with the rest.
  const walks = new Map<string, Position[]>();
  for (const w of input.walks) {
    const parts = cut.flatMap((l, i) => (l.name === w.name && l.cls === '步行道' ? [i] : []));
    walks.set(w.name, parts.length === 1 ? nodedLines[parts[0]] : withCrossings(w.line, features.filter((f) => f.properties?.名称 !== w.name)));
  }
  return { features, gates, walks };
}

/** The lot a parcel lane runs through. */
function lotOfLane(lane: Lane, lots: Lot[]): Lot {
  const inside = (l: Lot) => (lane.axis === 'x'
    ? lane.pos > l.box.west && lane.pos < l.box.east && lane.from >= l.box.south - 1e-9 && lane.to <= l.box.north + 1e-9
    : lane.pos > l.box.south && lane.pos < l.box.north && lane.from >= l.box.west - 1e-9 && lane.to <= l.box.east + 1e-9);
  const lot = lots.find(inside);
  if (!lot) throw new Error('lotOfLane: a parcel lane outside every lot');
  return lot;
}

/** First point where a ray from `start` in direction `dir` (lon/lat signs) meets a polyline, rounded. */
function rayHit(start: Position, dir: [number, number], line: Position[]): Position | null {
  let best: [number, Position] | null = null;
  const [sx, sy] = [start[0] * M_PER_DEG_LON, start[1] * M_PER_DEG_LAT];
  for (let i = 0; i < line.length - 1; i++) {
    const [ax, ay] = [line[i][0] * M_PER_DEG_LON, line[i][1] * M_PER_DEG_LAT];
    const [bx, by] = [line[i + 1][0] * M_PER_DEG_LON, line[i + 1][1] * M_PER_DEG_LAT];
    const [ex, ey] = [bx - ax, by - ay];
    const den = dir[0] * ey - dir[1] * ex;
    if (Math.abs(den) < 1e-12) continue;
    const t = ((ax - sx) * ey - (ay - sy) * ex) / den; // along the ray, metres
    const u = ((ax - sx) * dir[1] - (ay - sy) * dir[0]) / den; // along the segment, 0–1
    if (t > 0 && u >= 0 && u <= 1 && (!best || t < best[0])) {
      best = [t, [round6((sx + t * dir[0]) / M_PER_DEG_LON), round6((sy + t * dir[1]) / M_PER_DEG_LAT)]];
    }
  }
  return best ? best[1] : null;
}

/** A line with a vertex added wherever one of the roads crosses it or ends on it. */
export function withCrossings(line: Position[], roads: Feature<LineString>[]): Position[] {
  const coords = line.map((p) => [round6(p[0]), round6(p[1])]);
  const xs = coords.map((p) => p[0]);
  const ys = coords.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...xs) - 0.001, Math.max(...xs) + 0.001, Math.min(...ys) - 0.001, Math.max(...ys) + 0.001];
  const near = roads.filter((r) => boxesMeet(r.geometry.coordinates, w, s, e, n));
  const { noded } = nodeLines([{ coords, data: 0 }, ...near.map((r) => ({ coords: r.geometry.coordinates, data: 1 }))]);
  return noded[0];
}

function boxesMeet(c: Position[], w: number, s: number, e: number, n: number): boolean {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of c) {
    x0 = Math.min(x0, p[0]);
    x1 = Math.max(x1, p[0]);
    y0 = Math.min(y0, p[1]);
    y1 = Math.max(y1, p[1]);
  }
  return x1 >= w && x0 <= e && y1 >= s && y0 <= n;
}
