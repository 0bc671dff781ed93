import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisOutcome } from '../../../shared/analysis/request.ts';
import { AtlasError } from '../../../shared/api/errors.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { ogrinfoSummary } from '../../helpers/ogrinfo-summary.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';
import { copyProject, demoWithOutcome, REQUEST, saveInput, saveOne } from './run-fixture.ts';

const tmp = makeTempDir('atlas-runs-');
let template: string;
let outcome: AnalysisOutcome;
let file: string;
let n = 0;
beforeAll(() => {
  template = path.join(tmp.dir, 'template.gpkg');
  outcome = demoWithOutcome(template);
});
beforeEach(() => {
  file = copyProject(template, tmp.dir, `p${++n}.gpkg`);
});
afterAll(() => tmp.cleanup());

const withStore = <T>(f: (s: ProjectStore) => T): T => {
  const s = ProjectStore.open(file);
  try {
    return f(s);
  } finally {
    s.close();
  }
};
const tablesLike = (pattern: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      tables: (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE ? ORDER BY name").all(pattern) as { name: string }[]).map((r) => r.name),
      contents: (db.prepare('SELECT count(*) AS n FROM gpkg_contents WHERE table_name LIKE ?').get(pattern) as { n: number }).n,
      geometryColumns: (db.prepare('SELECT count(*) AS n FROM gpkg_geometry_columns WHERE table_name LIKE ?').get(pattern) as { n: number }).n,
      extensions: (db.prepare('SELECT count(*) AS n FROM gpkg_extensions WHERE table_name LIKE ?').get(pattern) as { n: number }).n,
      records: (db.prepare('SELECT count(*) AS n FROM ra_layers WHERE table_name LIKE ?').get(pattern) as { n: number }).n,
    };
  } finally {
    db.close();
  }
};

describe('saving an analysis run', () => {
  it('stores the figures and result layers; reopening lists the run but not its tables as layers', () => {
    const layersBefore = withStore((s) => s.info().layers.map((l) => [l.id, l.featureCount]));
    const saved = withStore((s) => s.runs().save(saveInput(outcome)));
    expect(saved).toMatchObject({ id: 1, name: '5分钟见绿 对比', durationMs: 1234, stale: false, request: REQUEST });
    expect(saved.share).toBe(outcome.figures.stages[1].coverage.share);
    expect(saved.shareBefore).toBe(outcome.figures.stages[0].coverage.share);
    expect(saved.met).toBe(false);
    expect(saved.layers).toEqual([
      { name: 'catchment', table: 'ra_run_1_catchment', featureCount: 1 },
      { name: 'catchmentBefore', table: 'ra_run_1_catchment_before', featureCount: 1 },
      { name: 'blindSpots', table: 'ra_run_1_blind_spots', featureCount: outcome.layers.blindSpots.features.length },
      { name: 'sites', table: 'ra_run_1_sites', featureCount: 3 },
    ]);
    expect(withStore((s) => s.info().layers.map((l) => [l.id, l.featureCount]))).toEqual(layersBefore);
    expect(withStore((s) => s.runs().list())).toEqual([saved]);
    expect(tablesLike('ra_run_%').records).toBe(0);
  });

  it('gives the run back with its figures and layers as saved', () => {
    const id = saveOne(file, outcome);
    const run = withStore((s) => s.runs().get(id));
    expect(run.figures).toEqual(JSON.parse(JSON.stringify(outcome.figures)));
    expect(run.layerData.blindSpots!.features.map((f) => f.properties)).toEqual(outcome.layers.blindSpots.features.map((f) => f.properties));
    expect(run.layerData.sites!.features.map((f) => f.properties!.name)).toEqual(outcome.figures.sites!.candidateNames);
    const [x, y] = (run.layerData.sites!.features[0].geometry as { coordinates: number[] }).coordinates;
    expect([x, y]).toEqual((outcome.layers.sites!.features[0].geometry as { coordinates: number[] }).coordinates);
    expect(run.layerData.catchment!.features[0].geometry!.type).toBe('MultiPolygon');
  });

  it('writes real GeoPackage tables: ogrinfo reads them with their counts and geometry types', () => {
    saveOne(file, outcome);
    const ogr = ogrinfoSummary(file, false);
    const byName = new Map(ogr.map((l) => [l.name, l]));
    expect(byName.get('ra_run_1_catchment')).toMatchObject({ featureCount: 1, geometry: 'Multi Polygon', fields: ['plan', 'facilities'] });
    expect(byName.get('ra_run_1_catchment_before')).toMatchObject({ featureCount: 1, geometry: 'Multi Polygon' });
    expect(byName.get('ra_run_1_blind_spots')).toMatchObject({ featureCount: outcome.layers.blindSpots.features.length, geometry: 'Multi Polygon' });
    expect(byName.get('ra_run_1_blind_spots')!.fields).toEqual(['rank', 'index', 'name', 'area', 'uncoveredFraction', 'population', 'affected', 'district']);
    expect(byName.get('ra_run_1_sites')).toMatchObject({ featureCount: 3, geometry: 'Point' });
    expect(byName.get('ra_analysis_runs')).toMatchObject({ featureCount: 1, geometry: 'None' });
  });

  it('renames a run and the identifiers QGIS shows for its tables', () => {
    const id = saveOne(file, outcome);
    expect(withStore((s) => s.runs().rename(id, '  改名后  ')).name).toBe('改名后');
    const db = new Database(file, { readonly: true });
    const ids = db.prepare("SELECT identifier FROM gpkg_contents WHERE table_name LIKE 'ra_run_%' ORDER BY table_name").all() as { identifier: string }[];
    db.close();
    expect(ids.map((r) => r.identifier)).toContain('改名后 — blind spots (run 1)');
  });

  it('deletes a run with its tables, R-trees and registrations; ogrinfo no longer sees them', () => {
    const first = saveOne(file, outcome, 'a');
    const second = saveOne(file, outcome, 'b');
    expect(second).toBe(first + 1);
    withStore((s) => s.runs().delete(first));
    const left = tablesLike(`ra_run_${first}_%`);
    expect(left).toEqual({ tables: [], contents: 0, geometryColumns: 0, extensions: 0, records: 0 });
    expect(tablesLike(`rtree_ra_run_${first}_%`).tables).toEqual([]);
    expect(withStore((s) => s.runs().list().map((r) => r.name))).toEqual(['b']);
    expect(ogrinfoSummary(file).filter((l) => l.name.startsWith('ra_run_')).map((l) => l.name).sort()).toEqual([
      'ra_run_2_blind_spots', 'ra_run_2_catchment', 'ra_run_2_catchment_before', 'ra_run_2_sites',
    ]);
    // Ids are never reused, so an old id cannot name a new run.
    expect(saveOne(file, outcome, 'c')).toBe(3);
  });

  it('names a missing run, a missing input layer and a broken layer; a failed save leaves the file as it was', async () => {
    const before = await fileHash(file);
    withStore((s) => {
      expect(() => s.runs().get(9)).toThrow(/has no saved analysis run 9/);
      expect(() => s.runs().save({ ...saveInput(outcome), request: { ...REQUEST, layers: { ...REQUEST.layers, facilities: 'gone' } } })).toThrow(/layer "gone"/);
      const broken = { ...outcome.layers.blindSpots, features: [...outcome.layers.blindSpots.features, { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon', coordinates: [[['x', 1]]] } as never }] };
      const err = (() => { try { s.runs().save({ ...saveInput(outcome), layers: { ...outcome.layers, blindSpots: broken } }); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(AtlasError);
      expect((err as AtlasError).message).toMatch(new RegExp(`Result layer "blindSpots", feature ${broken.features.length}`));
      expect(() => s.runs().save({ ...saveInput(outcome), figures: { stages: [{}] } })).toThrow(/figures are not usable/);
      expect(s.runs().list()).toEqual([]);
    });
    expect(tablesLike('ra_run_%').tables).toEqual([]);
    expect(await fileHash(file)).toBe(before);
  });
});
