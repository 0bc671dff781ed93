import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisOutcome } from '../../../shared/analysis/request.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { gdal } from '../../helpers/gdal.ts';
import { ogrinfoSummary } from '../../helpers/ogrinfo-summary.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { demoWithOutcome, saveOne } from './run-fixture.ts';

const tmp = makeTempDir('atlas-runs-export-');
let file: string;
let outcome: AnalysisOutcome;
let store: ProjectStore;
let out: string;
beforeAll(() => {
  file = path.join(tmp.dir, 'p.gpkg');
  outcome = demoWithOutcome(file);
  saveOne(file, outcome);
  store = ProjectStore.open(file);
  out = fs.mkdtempSync(path.join(tmp.dir, 'out-'));
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

/** Rows of the figures: per stage one total, one per district, one per residential area. */
const figureCount = () => outcome.figures.stages.reduce((n, s) => n + 1 + s.coverage.districts.length + s.coverage.areas.length, 0);

describe('exporting a saved run', () => {
  it('GeoJSON: one file per result layer, each read by ogrinfo with its count', async () => {
    const result = await store.runs().export(1, 'geojson', path.join(out, 'green.geojson'));
    expect(result.files.map((f) => path.basename(f))).toEqual(['green-catchment.geojson', 'green-catchment-before.geojson', 'green-blind-spots.geojson', 'green-sites.geojson']);
    const counts = result.files.map((f) => ogrinfoSummary(f)[0]);
    expect(counts.map((c) => [c.geometry, c.featureCount])).toEqual([
      ['Multi Polygon', 1], ['Multi Polygon', 1], ['Multi Polygon', outcome.layers.blindSpots.features.length], ['Point', 3],
    ]);
    expect(counts[3].fields).toEqual(['rank', 'candidate', 'name', 'gainArea', 'gainPopulation', 'shareAfter']);
    expect(result.count).toBe(5 + outcome.layers.blindSpots.features.length);
  });

  it('GeoPackage: the result layers and the figures as an attribute table', async () => {
    const target = path.join(out, 'green.gpkg');
    await store.runs().export(1, 'gpkg', target);
    const layers = new Map(ogrinfoSummary(target, false).map((l) => [l.name, l]));
    expect([...layers.keys()]).toEqual(['catchment', 'catchment_before', 'blind_spots', 'sites', 'figures', 'run']);
    expect(layers.get('blind_spots')!.featureCount).toBe(outcome.layers.blindSpots.features.length);
    expect(layers.get('figures')).toMatchObject({ geometry: 'None', featureCount: figureCount() });
    const name = outcome.figures.stages[1].coverage.districts[0].name;
    const row = gdal('ogrinfo', ['-ro', target, '-sql', `SELECT share FROM figures WHERE stage = 'after' AND level = 'district' AND name = '${name}'`]);
    expect(Number(/share \(Real\) = ([\d.e-]+)/.exec(row)?.[1])).toBeCloseTo(outcome.figures.stages[1].coverage.districts[0].share, 12);
  });

  it('CSV: UTF-8 with BOM, one row per district and residential area per stage', async () => {
    const target = path.join(out, 'green.csv');
    const result = await store.runs().export(1, 'csv', target);
    const text = fs.readFileSync(target, 'utf8');
    expect(text.startsWith('\uFEFFstage,level,name,district,area_m2,covered_m2,share,population,covered_population,population_share,threshold,met\r\n')).toBe(true);
    const lines = text.trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(figureCount());
    expect(result.count).toBe(figureCount());
    const area = outcome.figures.stages[0].coverage.areas[0];
    expect(lines).toContain(['before', 'area', area.name, area.district, area.area, area.coveredArea, area.fraction, area.population, area.coveredPopulation, area.fraction, '', ''].join(','));
    const total = lines.find((l) => l.startsWith('after,total,'))!.split(',');
    expect(Number(total[6])).toBe(outcome.figures.stages[1].coverage.share);
  });

  it('refuses to overwrite without being told, and names a missing folder', async () => {
    const target = path.join(out, 'twice.csv');
    await store.runs().export(1, 'csv', target);
    await expect(store.runs().export(1, 'csv', target)).rejects.toMatchObject({ code: 'file_exists' });
    await expect(store.runs().export(1, 'csv', target, true)).resolves.toMatchObject({ files: [target] });
    await expect(store.runs().export(1, 'gpkg', path.join(out, 'nope', 'x.gpkg'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.runs().export(2, 'csv', path.join(out, 'y.csv'))).rejects.toMatchObject({ code: 'not_found' });
    expect(fs.readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
