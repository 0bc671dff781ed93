import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { resolveCrs } from '../../../../shared/crs/resolve.ts';
import { csvReader } from '../../../../data/formats/csv/reader.ts';
import { csvWriter } from '../../../../data/formats/csv/writer.ts';
import type { ExportLayer } from '../../../../data/formats/types.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { expectSameGeometry, expectSameValues, gdalRead, readAll, sourceFile, testdataPath } from '../../../helpers/gdal-reference.ts';

function geojsonLayer(file: string, name: string): ExportLayer & { source: Feature<Geometry | null>[] } {
  const fc = JSON.parse(fs.readFileSync(testdataPath(file), 'utf8')) as FeatureCollection<Geometry | null>;
  const keys = Object.keys(fc.features[0].properties ?? {});
  return {
    name,
    fields: keys.map((key) => ({ key, type: typeof fc.features[0].properties![key] === 'number' ? 'REAL' : 'TEXT' })),
    features: fc.features.map((f) => ({ geometry: f.geometry, properties: f.properties ?? {} })),
    source: fc.features,
  };
}

function chineseLayer(): ExportLayer {
  return {
    name: '更新地块',
    fields: [
      { key: '名称', type: 'TEXT' },
      { key: '等级', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '备注', type: 'TEXT' },
    ],
    features: [
      { geometry: { type: 'Polygon', coordinates: [[[120.75, 30.76], [120.76, 30.76], [120.76, 30.77], [120.75, 30.76]]] }, properties: { 名称: '月河街区', 等级: 1, 面积: 12.5, 备注: '老街, "水乡"\n第二行' } },
      { geometry: null, properties: { 名称: '无几何', 等级: null, 面积: null, 备注: null } },
    ],
  };
}

describe('CSV writer', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('writes UTF-8 with BOM and a WKT column that GDAL reads with the same count, fields, values and geometry', async () => {
    const layer = geojsonLayer('mecklenburg-opendata/historic_districts.geojson', 'districts');
    const out = path.join(dir, 'districts.csv');
    const result = await csvWriter.write([layer], out, {});
    const ref = gdalRead(out);
    expect(result.files).toEqual([out]);
    expect([...fs.readFileSync(out).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Object.keys(ref.features[0].properties!)).toEqual(['WKT', 'name', 'type']);
    expectSameValues(layer.source.map((f) => ({ properties: f.properties ?? {} })), ref.features, { name: 'name', type: 'type' });
    layer.source.forEach((f, i) => expectSameGeometry(ref.features[i].geometry, f.geometry, 12));
  });

  it('keeps Chinese text, quotes, line breaks and empty values through GDAL', async () => {
    const out = path.join(dir, 'cn.csv');
    await csvWriter.write([chineseLayer()], out, {});
    const ref = gdalRead(out);
    expect(ref.features).toHaveLength(2);
    expect(ref.features[0].properties).toMatchObject({ 名称: '月河街区', 等级: '1', 面积: '12.5', 备注: '老街, "水乡"\n第二行' });
    expect(ref.features[1].geometry).toBeNull();
    expect(ref.features[1].properties).toMatchObject({ 名称: '无几何', 等级: '', 备注: '' });
  });

  it('writes points as lon/lat columns that GDAL reads back as the same points', async () => {
    const layer = geojsonLayer('mecklenburg-opendata/parks.geojson', 'parks');
    const out = path.join(dir, 'parks.csv');
    await csvWriter.write([layer], out, { csvGeometry: 'lonlat' });
    const ref = gdalRead(out, undefined, ['X_POSSIBLE_NAMES=lon', 'Y_POSSIBLE_NAMES=lat']);
    expect(fs.readFileSync(out, 'utf8').split('\r\n')[0]).toBe('\uFEFFlon,lat,name,type,address,city,zipcode');
    expect(ref.features).toHaveLength(190);
    layer.source.forEach((f, i) => expectSameGeometry(ref.features[i].geometry, f.geometry, 12));
  });

  it('refuses lon/lat columns for polygons, saying so, and leaves no file', async () => {
    const out = path.join(dir, 'cn.csv');
    const err = await csvWriter.write([chineseLayer()], out, { csvGeometry: 'lonlat' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AtlasError);
    expect((err as AtlasError).message).toMatch(/更新地块: longitude\/latitude columns can hold points only, but this layer has Polygon geometries; export with a WKT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reprojects to the target CRS as GDAL does, naming the columns x / y', async () => {
    const layer = geojsonLayer('mecklenburg-opendata/parks.geojson', 'parks');
    const out = path.join(dir, 'parks_32617.csv');
    const result = await csvWriter.write([layer], out, { csvGeometry: 'lonlat', crs: resolveCrs('EPSG:32617') });
    const expected = JSON.parse(
      gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:32617', '-lco', 'COORDINATE_PRECISION=6', '/vsistdout/', testdataPath('mecklenburg-opendata/parks.geojson')]),
    ) as FeatureCollection;
    const ours = gdalRead(out, undefined, ['X_POSSIBLE_NAMES=x', 'Y_POSSIBLE_NAMES=y']);
    expect(result.notes.join(' ')).toMatch(/EPSG:32617/);
    ours.features.forEach((f, i) => expectSameGeometry(f.geometry, expected.features[i].geometry, 2));
  });

  it('writes a file our CSV reader reads back with the same values and geometry', async () => {
    const out = path.join(dir, 'cn.csv');
    await csvWriter.write([chineseLayer()], out, {});
    const [layer] = await csvReader.open([sourceFile(out)], {});
    const features = await readAll(layer);
    expect(layer.fields).toEqual([
      { key: '名称', type: 'TEXT' },
      { key: '等级', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '备注', type: 'TEXT' },
    ]);
    expect(features.map((f) => [f.geometry, f.properties])).toEqual([...chineseLayer().features].map((f) => [f.geometry, f.properties]));
  });

  it('writes several layers as one file each beside the target', async () => {
    const out = path.join(dir, 'export.csv');
    const result = await csvWriter.write([chineseLayer(), { ...chineseLayer(), name: 'b' }], out, {});
    expect(result.files).toEqual([path.join(dir, 'export_更新地块.csv'), path.join(dir, 'export_b.csv')]);
    expect(fs.readdirSync(dir).sort()).toEqual(['export_b.csv', 'export_更新地块.csv']);
  });
});
