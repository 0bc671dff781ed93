import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getKind } from '../../../shared/layers/registry.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { registerGpkgFunctions } from '../../../data/gpkg/sql-functions.ts';
import { createProjectFile } from '../../../electron/api/project-session.ts';
import { gdal } from '../../helpers/gdal.ts';
import { ogrinfoSummary } from '../../helpers/ogrinfo-summary.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const SAMPLE = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 名称: '月河街区', 等级: 1, 面积: 12.5 }, geometry: { type: 'Polygon', coordinates: [[[120.75, 30.76], [120.76, 30.76], [120.76, 30.77], [120.75, 30.76]]] } },
    { type: 'Feature', properties: { 名称: '子城', 等级: 2, 面积: 3.25 }, geometry: { type: 'Polygon', coordinates: [[[120.74, 30.75], [120.745, 30.75], [120.745, 30.755], [120.74, 30.75]]] } },
    { type: 'Feature', properties: { 名称: '空', 等级: null, 面积: null }, geometry: { type: 'Polygon', coordinates: [[[120.7, 30.7], [120.71, 30.7], [120.71, 30.71], [120.7, 30.7]]] } },
  ],
};

function rtreeCount(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  const n = (db.prepare(`SELECT count(*) AS n FROM "rtree_${table}_geom"`).get() as { n: number }).n;
  db.close();
  return n;
}

describe('GeoPackage interoperability with GDAL', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('ogrinfo reads every layer of the seeded demo with its feature count and Chinese field names', () => {
    const file = path.join(dir, 'demo.gpkg');
    const store = createProjectFile(file, 'demo');
    const ours = store.info().layers;
    store.close();
    const gdalLayers = ogrinfoSummary(file);
    expect(gdalLayers.map((l) => l.name).sort()).toEqual(ours.map((l) => l.id).sort());
    for (const layer of ours) {
      const g = gdalLayers.find((x) => x.name === layer.id)!;
      expect(g.featureCount, layer.id).toBe(layer.featureCount);
      expect(g.fields, layer.id).toEqual(getKind(layer.kind).fields.map((f) => f.key));
    }
  });

  it('ogrinfo sees the app tables as registered attribute tables, not as unknown ones', () => {
    const file = path.join(dir, 'demo.gpkg');
    createProjectFile(file, 'empty').close();
    const tables = ogrinfoSummary(file, false).filter((l) => l.name.startsWith('ra_'));
    expect(tables.map((t) => [t.name, t.geometry])).toEqual([
      ['ra_meta', 'None'],
      ['ra_layers', 'None'],
      ['ra_analysis_runs', 'None'],
    ]);
  });

  it('ogrinfo finds our R-tree index usable for a spatial filter', () => {
    const file = path.join(dir, 'demo.gpkg');
    createProjectFile(file, 'demo').close();
    const out = gdal('ogrinfo', ['-ro', '-so', '-spat', '120.755', '30.745', '120.77', '30.757', file, 'parks']);
    const filtered = Number(/Feature Count: (\d+)/.exec(out)?.[1]);
    const all = ogrinfoSummary(file).find((l) => l.name === 'parks')!.featureCount;
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
  });

  it('reads a GeoPackage written by ogr2ogr: count, fields and values', () => {
    const src = path.join(dir, 'in.geojson');
    fs.writeFileSync(src, JSON.stringify(SAMPLE));
    const file = path.join(dir, 'gdal.gpkg');
    gdal('ogr2ogr', ['-f', 'GPKG', '-nln', 'districts', file, src]);
    const store = ProjectStore.open(file);
    const layer = store.info().layers.find((l) => l.id === 'districts')!;
    const fc = store.layerGeoJSON('districts');
    store.close();
    expect(layer.kind).toBe('generic');
    expect(layer.featureCount).toBe(3);
    expect(layer.fields.map((f) => f.key)).toEqual(['名称', '等级', '面积']);
    expect(fc.features.map((f) => f.properties)).toEqual(SAMPLE.features.map((f) => f.properties));
    expect(fc.features[0].geometry).toEqual(SAMPLE.features[0].geometry);
  });

  it('keeps working after GDAL appends to our project, and GDAL sees what we add after', () => {
    const file = path.join(dir, 'p.gpkg');
    createProjectFile(file, 'empty').close();
    const src = path.join(dir, 'in.geojson');
    fs.writeFileSync(src, JSON.stringify(SAMPLE));
    gdal('ogr2ogr', ['-update', '-append', '-nln', 'from_gdal', file, src]);
    const store = ProjectStore.open(file);
    store.addLayer({ id: 'ours', kind: 'historic_building', title: '历史建筑', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [120.755, 30.755] }, properties: { 名称: '某宅', 保护等级: '历史建筑' } }] });
    expect(store.info().layers.map((l) => [l.id, l.featureCount])).toEqual([['from_gdal', 3], ['ours', 1]]);
    store.close();
    const gdalLayers = ogrinfoSummary(file);
    expect(gdalLayers.map((l) => [l.name, l.featureCount]).sort()).toEqual([['from_gdal', 3], ['ours', 1]]);
    expect(rtreeCount(file, 'from_gdal')).toBe(3);
    expect(rtreeCount(file, 'ours')).toBe(1);
  });

  it('our ST_* functions keep a GDAL-made R-tree in sync when we edit its table', () => {
    const src = path.join(dir, 'in.geojson');
    fs.writeFileSync(src, JSON.stringify(SAMPLE));
    const file = path.join(dir, 'gdal.gpkg');
    gdal('ogr2ogr', ['-f', 'GPKG', '-nln', 'd', file, src]);
    ProjectStore.open(file).close(); // adds the app tables
    const db = new Database(file);
    registerGpkgFunctions(db);
    db.prepare('DELETE FROM d WHERE fid = 1').run();
    db.close();
    expect(rtreeCount(file, 'd')).toBe(2);
    expect(ogrinfoSummary(file)[0].featureCount).toBe(2);
  });
});
