import { describe, it, expect } from 'vitest';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Position } from 'geojson';
import { area, bbox, booleanClockwise, booleanIntersects, booleanPointInPolygon, booleanValid, distance, kinks, length, lineString, polygon } from '@turf/turf';
import { generateJiaxingDemo } from '../../seeds/jiaxing/index.ts';
import { entrancesOf } from '../../shared/analysis/entrances.ts';
import { AFTER_PLAN_2023, BEFORE_PLAN, buildNetwork, catchmentNetwork, catchmentStraight, coverage, filterFacilities, PRESETS, presetDistance, type PresetId } from '../../shared/analysis/index.ts';
import type { SeedLayer } from '../../seeds/seed-layer.ts';
import { LAYER_KINDS } from '../../shared/layers/registry.ts';

const MAIN = { west: 120.66, south: 30.7, east: 120.86, north: 30.81 };
const LAKE = { west: 120.757, south: 30.744, east: 120.772, north: 30.758 };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// Generated once and frozen: the tests only read it, and freezing proves none of them writes to it.
const DEMO: readonly SeedLayer[] = deepFreeze(generateJiaxingDemo());
const layer = (id: string) => DEMO.find((l) => l.id === id)!.features;
const props = (f: Feature) => f.properties as Record<string, string | number>;
const sum = (id: string, field: string) => layer(id).reduce((s, f) => s + Number(props(f)[field]), 0);

const roadsFC = (): FeatureCollection => ({ type: 'FeatureCollection', features: layer('roads') as Feature[] });

/** Every straight piece of every road, with the road's class and name. */
function roadSegments(): (Position[] & { cls: string; name: string })[] {
  return layer('roads').flatMap((f) => {
    const c = (f.geometry as LineString).coordinates;
    return c.slice(1).map((p, i) => Object.assign([c[i], p], { cls: String(props(f)['等级']), name: String(props(f)['名称']) }));
  });
}

/** 0.002° cells (about 200 m) and the segments whose boxes touch each. */
const CELL = 0.002;
const cellOf = (p: Position) => `${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`;
function bucket(segments: Position[][]): Map<string, number[]> {
  const grid = new Map<string, number[]>();
  segments.forEach((s, id) => {
    for (let i = Math.floor(Math.min(s[0][0], s[1][0]) / CELL); i <= Math.floor(Math.max(s[0][0], s[1][0]) / CELL); i++) {
      for (let j = Math.floor(Math.min(s[0][1], s[1][1]) / CELL); j <= Math.floor(Math.max(s[0][1], s[1][1]) / CELL); j++) {
        const k = `${i},${j}`;
        grid.set(k, [...(grid.get(k) ?? []), id]);
      }
    }
  });
  return grid;
}

/** Metres from a point to a segment (local plane at Jiaxing). */
function pointToSegmentM(p: Position, a: Position, b: Position): number {
  const m = (q: Position) => [q[0] * 95_600, q[1] * 110_850];
  const [pp, aa, bb] = [m(p), m(a), m(b)];
  const [dx, dy] = [bb[0] - aa[0], bb[1] - aa[1]];
  const t = Math.max(0, Math.min(1, ((pp[0] - aa[0]) * dx + (pp[1] - aa[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(aa[0] + t * dx - pp[0], aa[1] + t * dy - pp[1]);
}

function positions(f: Feature): Position[] {
  const g = f.geometry as Point | LineString | MultiPolygon;
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  return g.coordinates.flat(2);
}

describe('generateJiaxingDemo', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(JSON.stringify(generateJiaxingDemo(7))).toBe(JSON.stringify(generateJiaxingDemo(7)));
  });

  it('defaults to seed 2023', () => {
    expect(JSON.stringify(generateJiaxingDemo(2023))).toBe(JSON.stringify(DEMO));
  });

  it('gives different output for a different seed', () => {
    expect(JSON.stringify(generateJiaxingDemo(2024))).not.toBe(JSON.stringify(DEMO));
  });

  it('returns the layers in draw order, bottom to top, with their kinds', () => {
    expect(DEMO.map((l) => `${l.id}:${l.kind}`)).toEqual([
      'districts:district', 'water:water', 'roads:road', 'residential_areas:residential_area',
      'renewal_parcels:renewal_parcel', 'historic_districts:historic_district', 'parks:park', 'greenways:greenway',
      'historic_buildings:historic_building', 'facilities:facility', 'parking_lots:parking_lot',
    ]);
    for (const l of DEMO) expect(l.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has the expected number of features per layer', () => {
    const ranges: Record<string, [number, number]> = {
      districts: [2, 2], water: [4, 6], roads: [2000, 6000], residential_areas: [120, 120], renewal_parcels: [140, 160],
      historic_districts: [2, 2], parks: [30, 30], greenways: [4, 20], historic_buildings: [25, 25], facilities: [20, 20],
      parking_lots: [25, 25],
    };
    for (const l of DEMO) {
      expect(l.features.length, l.id).toBeGreaterThanOrEqual(ranges[l.id][0]);
      expect(l.features.length, l.id).toBeLessThanOrEqual(ranges[l.id][1]);
    }
  });

  it('uses only the kind’s field keys, fills them all, and keeps coded fields to their values', () => {
    for (const l of DEMO) {
      const fields = LAYER_KINDS[l.kind].fields;
      for (const f of l.features) {
        const p = props(f);
        expect(Object.keys(p).sort(), l.id).toEqual(fields.map((d) => d.key).sort());
        for (const d of fields) {
          const v = p[d.key];
          if (d.type === 'INTEGER') expect(Number.isInteger(v), `${l.id}.${d.key}`).toBe(true);
          else if (d.type === 'REAL') expect(typeof v, `${l.id}.${d.key}`).toBe('number');
          else expect(typeof v === 'string' && v.length > 0, `${l.id}.${d.key}`).toBe(true);
          if (d.values) expect(d.values, `${l.id}.${d.key}`).toContain(v);
        }
      }
    }
  });

  it('uses the geometry type of each kind (Multi- for polygon kinds)', () => {
    const expected = { POINT: 'Point', LINESTRING: 'LineString', MULTIPOLYGON: 'MultiPolygon' } as Record<string, string>;
    for (const l of DEMO) {
      for (const f of l.features) expect(f.geometry.type, l.id).toBe(expected[LAYER_KINDS[l.kind].geometry]);
    }
  });

  it('writes only valid geometries: closed RFC 7946 rings, no self-intersections', () => {
    for (const l of DEMO) {
      for (const f of l.features) {
        expect(booleanValid(f), `${l.id} ${props(f)['名称'] ?? props(f)['小区']}`).toBe(true);
        if (f.geometry.type !== 'MultiPolygon') continue;
        for (const rings of f.geometry.coordinates) {
          rings.forEach((ring, i) => {
            expect(ring.length).toBeGreaterThanOrEqual(4);
            expect(ring[0]).toEqual(ring[ring.length - 1]);
            // Outer rings counter-clockwise, holes clockwise.
            expect(booleanClockwise(ring), l.id).toBe(i > 0);
          });
          expect(kinks(polygon(rings)).features, l.id).toHaveLength(0);
        }
      }
    }
  });

  it('keeps every coordinate inside the main urban area, at 6 decimals', () => {
    for (const l of DEMO) {
      for (const p of l.features.flatMap(positions)) {
        expect(p[0]).toBeGreaterThanOrEqual(MAIN.west);
        expect(p[0]).toBeLessThanOrEqual(MAIN.east);
        expect(p[1]).toBeGreaterThanOrEqual(MAIN.south);
        expect(p[1]).toBeLessThanOrEqual(MAIN.north);
        expect(Math.round(p[0] * 1e6) / 1e6).toBe(p[0]);
        expect(Math.round(p[1] * 1e6) / 1e6).toBe(p[1]);
      }
    }
  });

  it('draws 南湖 as a lake inside its box', () => {
    const lake = layer('water').find((f) => props(f)['名称'] === '南湖')!;
    expect(props(lake)['类型']).toBe('湖泊');
    const [w, s, e, n] = bbox(lake);
    expect(w).toBeGreaterThanOrEqual(LAKE.west);
    expect(s).toBeGreaterThanOrEqual(LAKE.south);
    expect(e).toBeLessThanOrEqual(LAKE.east);
    expect(n).toBeLessThanOrEqual(LAKE.north);
    expect(area(lake)).toBeGreaterThan(300_000);
  });

  it('covers the area with 南湖区 and 秀洲区', () => {
    const codes = layer('districts').map((f) => `${props(f)['名称']} ${props(f)['行政区划代码']}`);
    expect(codes.sort()).toEqual(['南湖区 330402', '秀洲区 330411']);
    const total = layer('districts').reduce((s, f) => s + area(f), 0);
    const box = area(polygon([[[MAIN.west, MAIN.south], [MAIN.east, MAIN.south], [MAIN.east, MAIN.north], [MAIN.west, MAIN.north], [MAIN.west, MAIN.south]]]));
    expect(Math.abs(total - box) / box).toBeLessThan(1e-6);
  });

  it('keeps roads out of 南湖', () => {
    const lake = layer('water').find((f) => props(f)['名称'] === '南湖')!;
    for (const road of layer('roads')) expect(booleanIntersects(road, lake), String(props(road)['名称'])).toBe(false);
  });

  it('nodes the road network: roads meet only at shared vertices', () => {
    const segments = roadSegments();
    const grid = bucket(segments);
    const d = (p: Position, q: Position, r: Position) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    const cross = (a: Position[], b: Position[]) => d(a[0], a[1], b[0]) * d(a[0], a[1], b[1]) < 0 && d(b[0], b[1], a[0]) * d(b[0], b[1], a[1]) < 0;
    let crossings = 0;
    for (const ids of grid.values()) {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) if (cross(segments[ids[i]], segments[ids[j]])) crossings++;
      }
    }
    expect(crossings).toBe(0);
    // No road ends on another road except at one of its vertices (a T-junction shares the vertex).
    const metres = (p: Position): Position => [p[0] * 95_600, p[1] * 110_850];
    let loose = 0;
    for (const f of layer('roads')) {
      const c = (f.geometry as LineString).coordinates;
      for (const end of [c[0], c[c.length - 1]]) {
        for (const id of grid.get(cellOf(end)) ?? []) {
          const [a, b] = segments[id].map(metres);
          const p = metres(end);
          const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
          const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
          if (t <= 0.001 || t >= 0.999) continue;
          if (Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]) < 1) loose++;
        }
      }
    }
    expect(loose).toBe(0);
  });

  it('lays streets about 150–300 m apart in the old city and joins nearly all of them into one network', () => {
    // Streets crossing a north–south line through the old town (inside the ring canal).
    const crossingsAt = (lon: number, south: number, north: number) => layer('roads').filter((f) => {
      const c = (f.geometry as LineString).coordinates;
      return c.some((p, i) => i > 0 && (p[0] - lon) * (c[i - 1][0] - lon) < 0 && Math.min(p[1], c[i - 1][1]) > south && Math.max(p[1], c[i - 1][1]) < north);
    }).length;
    // 1.5 km of the old town, north to south: at least 6 streets, lanes or paths cross it.
    expect(crossingsAt(120.7535, 30.7535, 30.7665)).toBeGreaterThanOrEqual(6);
    const net = buildNetwork(roadsFC());
    const parent = Int32Array.from({ length: net.nodeCount }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let e = 0; e < net.edgeCount; e++) parent[find(net.from[e])] = find(net.to[e]);
    const sizes = new Map<number, number>();
    for (let n = 0; n < net.nodeCount; n++) sizes.set(find(n), (sizes.get(find(n)) ?? 0) + 1);
    expect(Math.max(...sizes.values()) / net.nodeCount).toBeGreaterThan(0.97);
  });

  it('crosses water only on bridges: roads meet only on land, only streets (and two walks) go over the water', () => {
    const water = layer('water') as Feature<MultiPolygon>[];
    const boxes = water.map((w) => bbox(w));
    const inBox = (p: Position, b: number[]) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
    // Feature ends and vertices shared by two roads are where the network joins: none of them in the water.
    const uses = new Map<string, number>();
    for (const f of layer('roads')) {
      const c = (f.geometry as LineString).coordinates;
      c.forEach((p, i) => uses.set(`${p[0]},${p[1]}`, (uses.get(`${p[0]},${p[1]}`) ?? 0) + (i === 0 || i === c.length - 1 ? 1 : 2)));
    }
    for (const [k, n] of uses) {
      const p = k.split(',').map(Number);
      if (n === 2) continue; // a shape point inside one road (a bend of a footbridge)
      water.forEach((w, i) => {
        if (inBox(p, boxes[i])) expect(booleanPointInPolygon(p, w), `${k} in ${props(w)['名称']}`).toBe(false);
      });
    }
    const bridges = new Map<string, string[]>();
    for (const seg of roadSegments()) {
      water.forEach((w, i) => {
        const b = boxes[i];
        if (Math.max(seg[0][0], seg[1][0]) < b[0] || Math.min(seg[0][0], seg[1][0]) > b[2] || Math.max(seg[0][1], seg[1][1]) < b[1] || Math.min(seg[0][1], seg[1][1]) > b[3]) return;
        if (!booleanIntersects(lineString([seg[0], seg[1]]), w)) return;
        const name = String(props(w)['名称']);
        bridges.set(name, [...(bridges.get(name) ?? []), `${seg.cls} ${seg.name}`]);
      });
    }
    expect(bridges.has('南湖')).toBe(false);
    for (const [river, over] of bridges) {
      for (const b of over) expect(b, river).toMatch(river === '环城河' ? /^(主干路|次干路|支路) / : /^(主干路 |次干路 |步行道 (环南湖绿道|运河绿道)$)/);
    }
    // The river still divides the city: a bridge every few hundred metres at most.
    expect(bridges.get('环城河')!.length).toBeGreaterThanOrEqual(8);
    expect(bridges.get('京杭大运河')!.length).toBeGreaterThanOrEqual(8);
    expect(bridges.get('京杭大运河')!.length).toBeLessThanOrEqual(30);
  });

  it('gives every park but the island an entrance on the network, and every estate roads and a street beside it', () => {
    const net = buildNetwork(roadsFC());
    for (const park of layer('parks')) {
      const entrances = entrancesOf(net, park.geometry!, { tolerance: 10, maxAccess: 200 });
      if (props(park)['名称'] === '湖心岛公园') continue;
      expect(entrances.some((e) => e.distance <= 10), String(props(park)['名称'])).toBe(true);
    }
    const segments = roadSegments();
    const grid = bucket(segments);
    const cellsIn = ([w, s, e, n]: number[]) => {
      const out: string[] = [];
      for (let i = Math.floor(w / CELL); i <= Math.floor(e / CELL); i++) for (let j = Math.floor(s / CELL); j <= Math.floor(n / CELL); j++) out.push(`${i},${j}`);
      return out;
    };
    for (const home of layer('residential_areas') as Feature<MultiPolygon>[]) {
      const [w, s, e, n] = bbox(home);
      const near = [...new Set(cellsIn([w - 0.0005, s - 0.0005, e + 0.0005, n + 0.0005]).flatMap((c) => grid.get(c) ?? []))].map((id) => segments[id]);
      // An internal road crosses the estate, and a street or lane runs within 30 m of its edge.
      expect(near.some((seg) => booleanIntersects(lineString([seg[0], seg[1]]), home)), String(props(home)['小区'])).toBe(true);
      const ring = home.geometry.coordinates[0][0];
      const edgeGap = Math.min(...near.filter((seg) => seg.cls !== '步行道').map((seg) => Math.min(...ring.map((p) => pointToSegmentM(p, seg[0], seg[1])))));
      expect(edgeGap, String(props(home)['小区'])).toBeLessThanOrEqual(30);
    }
  });

  it('keeps the road layer a few thousand features', () => {
    const roads = layer('roads');
    expect(roads.length).toBeLessThanOrEqual(6000);
    expect(roads.reduce((n, f) => n + (f.geometry as LineString).coordinates.length, 0)).toBeLessThanOrEqual(20_000);
  });

  it('gives road lengths in metres that match the geometry', () => {
    for (const f of layer('roads')) {
      expect(Math.abs(Number(props(f)['长度']) - length(f) * 1000)).toBeLessThan(0.1);
    }
  });

  it('sums the car parks’ spaces to about 5,000, 80–450 each', () => {
    expect(sum('parking_lots', '泊位数')).toBeGreaterThanOrEqual(4800);
    expect(sum('parking_lots', '泊位数')).toBeLessThanOrEqual(5200);
    for (const f of layer('parking_lots')) {
      expect(props(f)['泊位数']).toBeGreaterThanOrEqual(80);
      expect(props(f)['泊位数']).toBeLessThanOrEqual(450);
    }
  });

  it('puts car parks serving a school or hospital within 300 m of one', () => {
    const serving = layer('parking_lots').filter((f) => ['学校', '医院'].includes(String(props(f)['服务对象'])));
    expect(serving.length).toBeGreaterThanOrEqual(15);
    for (const lot of serving) {
      const near = layer('facilities')
        .filter((f) => props(f)['类型'] === props(lot)['服务对象'])
        .map((f) => distance(lot as Feature<Point>, f as Feature<Point>, { units: 'meters' }));
      expect(Math.min(...near)).toBeLessThanOrEqual(300);
    }
  });

  it('has about 36 km of greenways, with 长度 matching the geometry and access points on the network', () => {
    expect(sum('greenways', '长度')).toBeGreaterThan(35_800);
    expect(sum('greenways', '长度')).toBeLessThan(36_000);
    for (const f of layer('greenways')) expect(Math.abs(Number(props(f)['长度']) - length(f) * 1000)).toBeLessThan(0.1);
    expect(layer('greenways').some((f) => String(props(f)['名称']).includes('南湖'))).toBe(true);
    // Each greenway has vertices on the network (within 1 m of a road) where the walking analysis enters it.
    const segments = roadSegments();
    const grid = bucket(segments);
    const onRoad = (p: Position) => (grid.get(cellOf(p)) ?? []).some((id) => pointToSegmentM(p, segments[id][0], segments[id][1]) < 1);
    for (const f of layer('greenways')) {
      const access = (f.geometry as LineString).coordinates.filter(onRoad);
      expect(access.length, String(props(f)['名称'])).toBeGreaterThanOrEqual(3);
    }
  });

  it('makes pocket parks 400–10,000 m², with 面积 from the geometry', () => {
    const pocket = layer('parks').filter((f) => props(f)['类型'] === '口袋公园');
    expect(pocket.length).toBeGreaterThanOrEqual(10);
    for (const f of pocket) {
      expect(area(f)).toBeGreaterThanOrEqual(400);
      expect(area(f)).toBeLessThanOrEqual(10_000);
    }
    for (const f of layer('parks')) expect(Math.abs(Number(props(f)['面积']) - area(f))).toBeLessThanOrEqual(0.5);
  });

  it('keeps residential areas off the water', () => {
    const water = layer('water');
    for (const home of layer('residential_areas')) {
      for (const w of water) expect(booleanIntersects(home, w), `${props(home)['小区']} / ${props(w)['名称']}`).toBe(false);
    }
  });

  it('never overlaps two residential areas or renewal parcels', () => {
    const shapes = [...layer('residential_areas'), ...layer('renewal_parcels')] as Feature<MultiPolygon>[];
    const boxes = shapes.map((f) => bbox(f));
    let overlaps = 0;
    for (let i = 0; i < shapes.length; i++) {
      for (let j = i + 1; j < shapes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
        if (booleanIntersects(shapes[i], shapes[j])) overlaps++;
      }
    }
    expect(overlaps).toBe(0);
  });

  it('numbers parcels JX-2023-nnn with area in ha from the geometry and mixed modes', () => {
    const parcels = layer('renewal_parcels');
    const codes = parcels.map((f) => String(props(f)['地块编号']));
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^JX-2023-\d{3}$/);
    for (const f of parcels) expect(props(f)['面积']).toBe(Math.round(area(f) / 100) / 100);
    const modes = new Set(parcels.map((f) => props(f)['更新方式']));
    expect([...modes].sort()).toEqual(['拆', '改', '留']);
    const years = parcels.map((f) => Number(props(f)['计划年度']));
    for (const y of years) expect(y >= 2022 && y <= 2025).toBe(true);
    const per = (y: number) => years.filter((v) => v === y).length;
    expect(per(2023)).toBeGreaterThan(Math.max(per(2022), per(2024), per(2025)));
  });

  it('gives residential areas consistent households, population and age', () => {
    for (const f of layer('residential_areas')) {
      const p = props(f);
      const perHome = Number(p['人口']) / Number(p['户数']);
      expect(perHome).toBeGreaterThanOrEqual(2.59);
      expect(perHome).toBeLessThanOrEqual(3.01);
      expect(p['建成年代']).toBeGreaterThanOrEqual(1980);
      expect(p['建成年代']).toBeLessThanOrEqual(2022);
      expect(p['老旧小区']).toBe(Number(p['建成年代']) < 2000 ? '是' : '否');
    }
  });

  it('mixes schools (小学 and 中学) and hospitals among the facilities', () => {
    const kinds = layer('facilities').map((f) => `${props(f)['类型']}/${props(f)['子类']}`);
    expect(kinds).toContain('学校/小学');
    expect(kinds).toContain('学校/中学');
    expect(kinds.some((k) => k.startsWith('医院/'))).toBe(true);
  });
});

describe('the demo under the walking analyses', () => {
  const fc = (id: string): FeatureCollection => ({ type: 'FeatureCollection', features: layer(id) as Feature[] });
  const KINDS: Record<string, string> = { park: 'parks', greenway: 'greenways', parking_lot: 'parking_lots', residential_area: 'residential_areas', facility: 'facilities' };
  const network = buildNetwork(fc('roads'));
  const share = (id: PresetId, mode: 'straight' | 'walk', plan: 'before' | 'after') => {
    const preset = PRESETS[id];
    const facilities = filterFacilities(filterFacilities(fc(KINDS[preset.facilityKind]), preset.filter), plan === 'before' ? BEFORE_PLAN : AFTER_PLAN_2023);
    const targets = filterFacilities(fc(KINDS[preset.target.kind]), preset.target.filter);
    const distance = presetDistance(preset, mode);
    const catchment = mode === 'walk' ? catchmentNetwork(facilities, network, { distance }) : catchmentStraight(facilities, { distance });
    return coverage(targets, catchment).share!;
  };

  it('reaches less by walking than in a straight line for 5-minute green (60–90 %), and more after the plan', () => {
    const figures = (['before', 'after'] as const).map((plan) => ({ plan, straight: share('green-5min', 'straight', plan), walk: share('green-5min', 'walk', plan) }));
    for (const { plan, straight, walk } of figures) {
      expect(walk / straight, plan).toBeGreaterThan(0.6);
      expect(walk / straight, plan).toBeLessThan(0.9);
    }
    expect(figures[1].walk).toBeGreaterThan(figures[0].walk);
  }, 60_000);

  it('gives 10-minute greenway and school parking walking figures in the range of the straight-line ones', () => {
    for (const plan of ['before', 'after'] as const) {
      const [straight, walk] = [share('greenway-10min', 'straight', plan), share('greenway-10min', 'walk', plan)];
      // 800 m along the streets reaches a little further than 500 m as the crow flies.
      expect(walk / straight, plan).toBeGreaterThan(0.8);
      expect(walk / straight, plan).toBeLessThan(2);
    }
    const [straight, walk] = [share('parking-school-hospital', 'straight', 'after'), share('parking-school-hospital', 'walk', 'after')];
    expect(walk).toBeLessThanOrEqual(straight);
    expect(walk).toBeGreaterThan(0.5);
  }, 60_000);
});
