import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { gpkgReader } from '../../../../data/formats/gpkg/reader.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { fileHash, makeTempDir } from '../../../helpers/temp-dir.ts';
import { expectSameGeometry, expectSameValues, gdalRead, readAll, sourceFile, testdataPath } from '../../../helpers/gdal-reference.ts';

/** Jiaxing parcels with every value kind GDAL maps to its own GeoPackage column type. */
const PARCELS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 名称: '月河街区', 等级: 1, 面积: 12.5, 保留: true, 日期: '2023-05-01' }, geometry: { type: 'Polygon', coordinates: [[[120.75, 30.76], [120.76, 30.76], [120.76, 30.77], [120.75, 30.76]]] } },
    { type: 'Feature', properties: { 名称: '子城', 等级: 2, 面积: null, 保留: false, 日期: null }, geometry: { type: 'Polygon', coordinates: [[[120.74, 30.75], [120.745, 30.75], [120.745, 30.755], [120.74, 30.75]]] } },
    { type: 'Feature', properties: { 名称: '无几何', 等级: null, 面积: 1, 保留: null, 日期: null }, geometry: null },
  ],
};

async function openError(file: string): Promise<AtlasError> {
  const err = await gpkgReader.open([sourceFile(file)], {}).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AtlasError);
  return err as AtlasError;
}

describe('GeoPackage reader', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('reads every layer of a GeoPackage ogr2ogr wrote: count, fields, values and geometry as GDAL reads them', async () => {
    const file = path.join(dir, 'charlotte.gpkg');
    gdal('ogr2ogr', ['-f', 'GPKG', '-nln', 'parks', file, testdataPath('mecklenburg-opendata/parks.geojson')]);
    gdal('ogr2ogr', ['-f', 'GPKG', '-update', '-nln', 'districts', file, testdataPath('mecklenburg-opendata/historic_districts.geojson')]);
    const layers = await gpkgReader.open([sourceFile(file)], {});
    expect(layers.map((l) => [l.name, l.countHint, l.crs?.id])).toEqual([
      ['districts', 6, 'EPSG:4326'],
      ['parks', 190, 'EPSG:4326'],
    ]);
    for (const layer of layers) {
      const features = await readAll(layer);
      const ref = gdalRead(file, layer.name);
      expect(layer.fields.map((f) => f.key)).toEqual(Object.keys(ref.features[0].properties!));
      expectSameValues(features, ref.features, Object.fromEntries(layer.fields.map((f) => [f.key, f.key])));
      features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 12));
    }
  });

  it('types fields as GDAL wrote them (integer, real, boolean, date) and keeps null geometries', async () => {
    const src = path.join(dir, 'parcels.geojson');
    const file = path.join(dir, 'parcels.gpkg');
    fs.writeFileSync(src, JSON.stringify(PARCELS));
    gdal('ogr2ogr', ['-f', 'GPKG', file, src]);
    const [layer] = await gpkgReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    expect(layer.fields).toEqual([
      { key: '名称', type: 'TEXT' },
      { key: '等级', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '保留', type: 'BOOLEAN' },
      { key: '日期', type: 'DATE' },
    ]);
    expect(features.map((f) => f.properties)).toEqual(PARCELS.features.map((f) => f.properties));
    expect(features[2].geometry).toBeNull();
  });

  it('reads a layer in EPSG:4549 with that CRS and the coordinates GDAL reads', async () => {
    const src = path.join(dir, 'parcels.geojson');
    const file = path.join(dir, 'parcels_4549.gpkg');
    fs.writeFileSync(src, JSON.stringify(PARCELS));
    gdal('ogr2ogr', ['-f', 'GPKG', '-t_srs', 'EPSG:4549', file, src]);
    const [layer] = await gpkgReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    const ref = gdalRead(file);
    expect(layer.crs?.id).toBe('EPSG:4549');
    expect(features[0].geometry?.type).toBe('Polygon');
    features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 6));
  });

  it("leaves a Renewal Atlas project's saved run results out, and keeps such names in other GeoPackages", async () => {
    const file = path.join(dir, 'other-project.gpkg');
    gdal('ogr2ogr', ['-f', 'GPKG', '-nln', 'parks', file, testdataPath('mecklenburg-opendata/parks.geojson')]);
    gdal('ogr2ogr', ['-f', 'GPKG', '-update', '-nln', 'ra_run_1_catchment', file, testdataPath('mecklenburg-opendata/historic_districts.geojson')]);
    expect((await gpkgReader.open([sourceFile(file)], {})).map((l) => l.name)).toEqual(['parks', 'ra_run_1_catchment']);
    const db = new Database(file);
    db.exec('CREATE TABLE ra_analysis_runs (id INTEGER PRIMARY KEY)');
    db.close();
    expect((await gpkgReader.open([sourceFile(file)], {})).map((l) => l.name)).toEqual(['parks']);
  });

  it('opens the file read-only and leaves it exactly as it was', async () => {
    const file = path.join(dir, 'parks.gpkg');
    gdal('ogr2ogr', ['-f', 'GPKG', file, testdataPath('mecklenburg-opendata/parks.geojson')]);
    const before = await fileHash(file);
    const [layer] = await gpkgReader.open([sourceFile(file)], {});
    await readAll(layer);
    expect(await fileHash(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['parks.gpkg']);
  });

  it('refuses a text file named .gpkg as "not a GeoPackage"', async () => {
    const file = path.join(dir, 'notes.gpkg');
    fs.writeFileSync(file, 'just some text, not a database\n');
    const err = await openError(file);
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/^notes\.gpkg is not a GeoPackage/);
    expect(err.params).toEqual({ file: 'notes.gpkg' });
  });

  it('refuses an SQLite database that is not a GeoPackage', async () => {
    const file = path.join(dir, 'plain.gpkg');
    gdal('ogr2ogr', ['-f', 'SQLite', file, testdataPath('mecklenburg-opendata/parks.geojson')]);
    const err = await openError(file);
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/^plain\.gpkg is an SQLite database but not a GeoPackage/);
  });
});
