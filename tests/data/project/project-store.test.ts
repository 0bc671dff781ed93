import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LayerData } from '../../../shared/layers/layer-data.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { SCHEMA_VERSION } from '../../../data/project/app-schema.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';

function parks(): LayerData {
  return {
    id: 'parks',
    kind: 'park',
    title: '公园绿地',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: [[[[120.75, 30.75], [120.76, 30.75], [120.76, 30.76], [120.75, 30.75]]]] },
        properties: { 名称: '南湖公园', 类型: '滨水公园', 面积: 5200.5, 状态: '现状', 计划年度: 2023 },
      },
      { type: 'Feature', geometry: null, properties: { 名称: '无几何', 类型: '口袋公园' } },
    ],
  };
}

function stations(): LayerData {
  return {
    id: 'stations',
    kind: 'generic',
    title: 'stations',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [120.7, 30.7] }, properties: { code: 1, note: null } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [120.8, 30.8] }, properties: { code: 2.5, note: '二号' } },
    ],
  };
}

describe('ProjectStore', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('creates a project whose layers keep the kind, title, order and Chinese field names', () => {
    const store = ProjectStore.create(path.join(dir, 'p.gpkg'), { name: '测试项目', demo: false, layers: [parks(), stations()] });
    const info = store.info();
    store.close();
    expect(info.name).toBe('测试项目');
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(info.layers.map((l) => [l.id, l.kind, l.title, l.order, l.featureCount])).toEqual([
      ['parks', 'park', '公园绿地', 0, 2],
      ['stations', 'generic', 'stations', 1, 2],
    ]);
    expect(info.layers[0].fields.map((f) => f.key)).toEqual(['名称', '类型', '面积', '状态', '计划年度']);
  });

  it('infers generic columns from the data, widening integer to real', () => {
    const store = ProjectStore.create(path.join(dir, 'p.gpkg'), { name: 'g', demo: false, layers: [stations()] });
    expect(store.info().layers[0].fields).toEqual([
      { key: 'code', type: 'REAL' },
      { key: 'note', type: 'TEXT' },
    ]);
    store.close();
  });

  it('reads features back with ids, Chinese attributes and null geometry', () => {
    const store = ProjectStore.create(path.join(dir, 'p.gpkg'), { name: 'p', demo: false, layers: [parks()] });
    const fc = store.layerGeoJSON('parks');
    store.close();
    expect(fc.features.map((f) => f.id)).toEqual([1, 2]);
    expect(fc.features[0].properties).toMatchObject({ 名称: '南湖公园', 面积: 5200.5, 计划年度: 2023 });
    expect(fc.features[1].geometry).toBeNull();
  });

  it('keeps the R-tree index in sync with the features', () => {
    const file = path.join(dir, 'p.gpkg');
    ProjectStore.create(file, { name: 'p', demo: false, layers: [stations()] }).close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT id, minx, maxy FROM rtree_stations_geom ORDER BY id').all();
    db.close();
    // The R-tree stores 32-bit floats rounded outwards, so compare to 1e-4 degrees.
    expect(rows).toEqual([
      { id: 1, minx: expect.closeTo(120.7, 4), maxy: expect.closeTo(30.7, 4) },
      { id: 2, minx: expect.closeTo(120.8, 4), maxy: expect.closeTo(30.8, 4) },
    ]);
  });

  it('persists visibility, opacity and order across reopening', () => {
    const file = path.join(dir, 'p.gpkg');
    const store = ProjectStore.create(file, { name: 'p', demo: false, layers: [parks(), stations()] });
    store.updateLayer('parks', { visible: false, opacity: 0.4 });
    store.reorderLayers(['stations', 'parks']);
    store.close();
    const again = ProjectStore.open(file);
    const layers = again.info().layers;
    again.close();
    expect(layers.map((l) => [l.id, l.order, l.visible, l.opacity])).toEqual([
      ['stations', 0, true, 1],
      ['parks', 1, false, 0.4],
    ]);
  });

  it('refuses an order that leaves a layer out', () => {
    const store = ProjectStore.create(path.join(dir, 'p.gpkg'), { name: 'p', demo: false, layers: [parks(), stations()] });
    expect(() => store.reorderLayers(['parks'])).toThrow(/every layer/);
    store.close();
  });

  it('marks a demo project as synthetic in the file', () => {
    const file = path.join(dir, 'demo.gpkg');
    ProjectStore.create(file, { name: 'demo', demo: true, layers: [parks()] }).close();
    const db = new Database(file, { readonly: true });
    const desc = (db.prepare("SELECT description FROM gpkg_contents WHERE table_name = 'parks'").get() as { description: string }).description;
    db.close();
    expect(desc).toMatch(/Synthetic demo data/);
  });

  it('will not overwrite an existing file unless asked', () => {
    const file = path.join(dir, 'p.gpkg');
    fs.writeFileSync(file, 'keep me');
    expect(() => ProjectStore.create(file, { name: 'p', demo: false, layers: [] })).toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('leaves no file behind when creating fails half-way', () => {
    const file = path.join(dir, 'p.gpkg');
    const bad: LayerData = { id: 'bad', kind: 'generic', title: 'bad', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { x: 1 } }, { type: 'Feature', geometry: { type: 'Nope' } as never, properties: {} }] };
    expect(() => ProjectStore.create(file, { name: 'p', demo: false, layers: [bad] })).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('saves a copy with Save as and leaves the original as it was', async () => {
    const file = path.join(dir, 'p.gpkg');
    const store = ProjectStore.create(file, { name: 'p', demo: false, layers: [parks()] });
    const before = await fileHash(file);
    store.saveAs(path.join(dir, 'copy.gpkg'));
    store.close();
    expect(await fileHash(file)).toBe(before);
    const copy = ProjectStore.open(path.join(dir, 'copy.gpkg'));
    expect(copy.info().layers[0].featureCount).toBe(2);
    copy.close();
  });
});

describe('ProjectStore.open on bad files', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('says a missing file does not exist', () => {
    expect(() => ProjectStore.open(path.join(dir, 'none.gpkg'))).toThrow(/no such file/);
  });

  it('says a text file named .gpkg is not a GeoPackage, and leaves it untouched', async () => {
    const file = path.join(dir, 'notes.gpkg');
    fs.writeFileSync(file, 'this is a text file, not a database\n');
    const before = await fileHash(file);
    expect(() => ProjectStore.open(file)).toThrow(expect.objectContaining({ code: 'not_a_geopackage' }));
    expect(await fileHash(file)).toBe(before);
  });

  it('says an SQLite database without gpkg_contents is not a GeoPackage', async () => {
    const file = path.join(dir, 'plain.gpkg');
    const db = new Database(file);
    db.exec('CREATE TABLE t (a)');
    db.close();
    const before = await fileHash(file);
    expect(() => ProjectStore.open(file)).toThrow(/not a GeoPackage \(no gpkg_contents/);
    expect(await fileHash(file)).toBe(before);
  });

  it('says a truncated file is damaged, and leaves it untouched', async () => {
    const file = path.join(dir, 'p.gpkg');
    ProjectStore.create(file, { name: 'p', demo: false, layers: [parks(), stations()] }).close();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const before = await fileHash(file);
    expect(() => ProjectStore.open(file)).toThrow(expect.objectContaining({ code: 'corrupt_file' }));
    expect(await fileHash(file)).toBe(before);
  });

  it('opens a read-only file read-only and refuses changes with a readable message', async () => {
    const file = path.join(dir, 'p.gpkg');
    ProjectStore.create(file, { name: 'p', demo: false, layers: [parks()] }).close();
    fs.chmodSync(file, 0o444);
    const before = await fileHash(file);
    const store = ProjectStore.open(file);
    expect(store.info().readOnly).toBe(true);
    expect(() => store.updateLayer('parks', { visible: false })).toThrow(/read-only; use Save as/);
    store.close();
    expect(await fileHash(file)).toBe(before);
  });

  it('refuses a project saved by a newer app version', async () => {
    const file = path.join(dir, 'p.gpkg');
    ProjectStore.create(file, { name: 'p', demo: false, layers: [] }).close();
    const db = new Database(file);
    db.prepare("UPDATE ra_meta SET value = '99' WHERE key = 'schema_version'").run();
    db.close();
    const before = await fileHash(file);
    expect(() => ProjectStore.open(file)).toThrow(/newer Renewal Atlas/);
    expect(await fileHash(file)).toBe(before);
  });
});
