import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { createPlane } from '../../../shared/analysis/geometry/plane.ts';
import { runAnalysis } from '../../../shared/analysis/run-analysis.ts';
import type { AnalysisInputs, AnalysisRequest } from '../../../shared/analysis/request.ts';
import { AtlasError } from '../../../shared/api/errors.ts';

// Laid out in metres around 120.755E 30.755N: four 100 m × 100 m blocks A–D (1,000 residents each) with
// centres 1 km apart on y = 0; parks on A (existing), B (new in 2023) and C (200 m², too small); none on D.
// A 300 m reach from a block's centre covers the whole block and nothing of the next one.
const P = createPlane(120.755, 30.755);
const ll = (x: number, y: number) => P.inverse(x, y);
const F = (geometry: Feature['geometry'], properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry });
const square = (cx: number, cy: number, half: number, props: Record<string, unknown>) =>
  F({ type: 'Polygon', coordinates: [[[cx - half, cy - half], [cx + half, cy - half], [cx + half, cy + half], [cx - half, cy + half], [cx - half, cy - half]].map(([x, y]) => ll(x, y))] }, props);
const point = (x: number, y: number, props: Record<string, unknown>) => F({ type: 'Point', coordinates: ll(x, y) }, props);
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const BLOCK = 10_000;
const inputs = (): AnalysisInputs => ({
  targets: fc(['A', 'B', 'C', 'D'].map((n, i) => square(i * 1000, 0, 50, { 小区: n, 人口: 1000 }))),
  facilities: fc([
    point(0, 0, { 名称: 'PA', 面积: 1000, 类型: '口袋公园', 状态: '现状' }),
    point(1000, 0, { 名称: 'PB', 面积: 1000, 类型: '社区公园', 状态: '新建', 计划年度: 2023 }),
    point(2000, 0, { 名称: 'PC', 面积: 200, 类型: '口袋公园', 状态: '现状' }),
  ]),
  districts: fc([square(500, 0, 1000, { 名称: '西区' }), square(2500, 0, 999, { 名称: '东区' })]),
  streets: fc([F({ type: 'LineString', coordinates: Array.from({ length: 35 }, (_, i) => ll(-200 + i * 100, 0)) }, {})]),
  candidates: fc([
    square(3000, 0, 20, { 名称: '东地块', 更新方式: '拆' }),
    square(2000, 0, 20, { 名称: '留地块', 更新方式: '留' }),
    square(2000, 10, 20, { 名称: '改地块', 更新方式: '改' }),
    square(1000, 0, 20, { 名称: '已覆盖', 更新方式: '改' }),
  ]),
});
const request = (over: Partial<AnalysisRequest> = {}): AnalysisRequest => ({
  preset: 'green-5min', mode: 'straight', plan: 'after', layers: { facilities: 'parks', targets: 'res', districts: 'd' }, ...over,
});
/** Area of GEOS's 32-gon for a disk of radius r. */
const gon32 = (r: number) => 16 * r * r * Math.sin(Math.PI / 16);
const close = (a: number, b: number, rel = 1e-3) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

describe('runAnalysis: stages', () => {
  it('compare runs before then after; after covers what before does and more', () => {
    const { figures, layers } = runAnalysis(inputs(), request({ plan: 'compare' }));
    expect(figures.stages.map((s) => [s.plan, s.facilitiesUsed])).toEqual([['before', 1], ['after', 2]]);
    const [before, after] = figures.stages.map((s) => s.coverage);
    close(before.share, 0.25);
    close(after.share, 0.5);
    expect(after.share).toBeGreaterThanOrEqual(before.share);
    close(after.coveredPopulation!, 2000);
    expect(after.districts.map((d) => [d.name, Math.round(d.share * 1000) / 1000])).toEqual([['西区', 1], ['东区', 0]]);
    expect(figures.distance).toBe(300);
    expect(layers.catchmentBefore!.features[0].properties).toEqual({ plan: 'before', facilities: 1 });
    expect(layers.catchment.features[0].properties).toEqual({ plan: 'after', facilities: 2 });
    close(turfArea(layers.catchment), 2 * gon32(300), 2e-3);
    close(turfArea(layers.catchmentBefore!), gon32(300), 2e-3);
  });

  it('blind spots of the last stage carry the area, its district and the residents affected', () => {
    const { figures, layers } = runAnalysis(inputs(), request({ plan: 'compare' }));
    expect(figures.stages.map((s) => s.blindSpotCount)).toEqual([3, 2]);
    const spots = layers.blindSpots.features.map((f) => f.properties!);
    expect(spots.map((s) => [s.rank, s.name, s.district])).toEqual([[1, 'C', '东区'], [2, 'D', '东区']]);
    for (const s of spots) {
      close(s.area, BLOCK);
      close(s.affected, 1000);
    }
  });

  it('a single stage has no before catchment; the request changes the preset', () => {
    const one = runAnalysis(inputs(), request({ plan: 'before' }));
    expect(one.layers.catchmentBefore).toBeUndefined();
    expect(one.figures.stages).toHaveLength(1);
    // minArea 100 lets the 200 m² park on C count.
    close(runAnalysis(inputs(), request({ minArea: 100 })).figures.stages[0].coverage.share, 0.75);
    // Only 社区公园: the park on B alone.
    close(runAnalysis(inputs(), request({ types: ['社区公园'] })).figures.stages[0].coverage.share, 0.25);
    // 40 m: a 32-gon inside each of the two blocks.
    const near = runAnalysis(inputs(), request({ distance: 40 }));
    expect(near.figures.distance).toBe(40);
    close(near.figures.stages[0].coverage.coveredArea, 2 * gon32(40));
  });

  it('a preset with size tiers has no single distance until the request sets one', () => {
    expect(runAnalysis(inputs(), request({ preset: 'park-service', minArea: 100 })).figures.distance).toBeNull();
    expect(runAnalysis(inputs(), request({ preset: 'park-service', distance: 300 })).figures.distance).toBe(300);
  });

  it('walks along the streets, widened by the street-side width', () => {
    const wide = runAnalysis(inputs(), request({ mode: 'walk' }));
    close(wide.figures.stages[0].coverage.share, 0.5);
    // ±25 m of a street through the middle of a 100 m block: half of A and half of B.
    const narrow = runAnalysis(inputs(), request({ mode: 'walk', streetWidth: 25 }));
    close(narrow.figures.stages[0].coverage.share, 0.25);
  });
});

describe('runAnalysis: where to build next', () => {
  for (const mode of ['straight', 'walk'] as const) {
    it(`${mode}: picks among 拆/改 parcels, judged against what the last stage covers`, () => {
      const { figures, layers } = runAnalysis(inputs(), request({ mode, plan: 'compare', sites: { candidates: 'parcels', k: 3 } }));
      const sites = figures.sites!;
      // 留地块 (index 1) is never a candidate; 已覆盖 (3) gains nothing, so comes last.
      expect(sites.picks.map((p) => p.candidate)).toEqual([0, 2, 3]);
      expect(sites.candidateNames).toEqual(['东地块', '改地块', '已覆盖']);
      close(sites.shareBefore, figures.stages[1].coverage.share);
      const gained = sites.picks.reduce((s, p) => s + p.gainArea, 0);
      const total = figures.stages[1].coverage.area;
      close(sites.shareBefore + gained / total, sites.picks[2].shareAfter, 1e-9);
      close(sites.picks[2].shareAfter, 1);
      close(sites.picks[0].gainPopulation!, 1000);
      expect(sites.picks[2].gain).toBe(0);
      const props = layers.sites!.features.map((f) => f.properties!);
      expect(props.map((p) => [p.rank, p.candidate, p.name])).toEqual([[1, 0, '东地块'], [2, 2, '改地块'], [3, 3, '已覆盖']]);
      const [x, y] = P.forward(...(layers.sites!.features[0].geometry as Point).coordinates as [number, number]);
      // The point on the site: the 40 m square's centre (to the centimetre).
      expect(Math.hypot(x - 3000, y)).toBeLessThan(0.01);
    });
  }

  it('without 更新方式 every candidate counts', () => {
    const base = inputs();
    const candidates = fc(base.candidates!.features.map((f) => ({ ...f, properties: { 名称: f.properties!.名称 } })));
    const { figures } = runAnalysis({ ...base, candidates }, request({ sites: { candidates: 'c', k: 2 } }));
    expect(figures.sites!.picks.map((p) => p.candidate)).toEqual([0, 1]);
  });
});

describe('runAnalysis: control and bad input', () => {
  it('reports progress from 0 to 1 in order across stages and sites', () => {
    const seen: number[] = [];
    runAnalysis(inputs(), request({ plan: 'compare', sites: { candidates: 'c', k: 2 } }), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1] - 1e-12))).toBe(true);
    expect(seen.at(-1)).toBe(1);
    expect(seen.some((f) => f > 0.2 && f < 0.8)).toBe(true);
  });

  it('a cancel throws an AbortError, before the start or midway', () => {
    const ac = new AbortController();
    ac.abort();
    expect(() => runAnalysis(inputs(), request(), { signal: ac.signal })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    const mid = new AbortController();
    const onProgress = (f: number) => { if (f > 0.5) mid.abort(); };
    expect(() => runAnalysis(inputs(), request({ plan: 'compare' }), { signal: mid.signal, onProgress })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('names what is missing or wrong', () => {
    const { streets: _s, candidates: _c, ...bare } = inputs();
    const fail = (i: AnalysisInputs, r: AnalysisRequest, re: RegExp) => {
      try {
        runAnalysis(i, r);
        expect.fail('should have thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(AtlasError);
        expect((e as AtlasError).code).toBe('invalid_argument');
        expect((e as Error).message).toMatch(re);
      }
    };
    fail(bare, request({ mode: 'walk' }), /walking analysis needs a street network/);
    fail(bare, request({ sites: { candidates: 'parcels', k: 2 } }), /candidate layer "parcels"/);
    fail(inputs(), request({ distance: -5 }), /distance must be a number of metres/);
    fail(inputs(), request({ preset: 'nope' as AnalysisRequest['preset'] }), /Unknown analysis preset "nope"/);
    fail({ ...inputs(), facilities: {} as FeatureCollection }, request(), /facilities layer "parks"/);
  });
});
