import { describe, it, expect } from 'vitest';
import type { Feature, LineString, MultiPolygon, Point, Position } from 'geojson';
import { area, bbox, booleanClockwise, booleanIntersects, booleanValid, distance, kinks, length, polygon } from '@turf/turf';
import { generateJiaxingDemo } from '../../seeds/jiaxing/index.ts';
import { LAYER_KINDS } from '../../shared/layers/registry.ts';
import { DEMO, LAKE, MAIN, layer, props, sum, roadSegments, cellOf, bucket, pointToSegmentM, positions } from './demo-fixture.ts';

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
