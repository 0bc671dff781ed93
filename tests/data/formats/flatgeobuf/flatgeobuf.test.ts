import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { resolveCrs } from '../../../../shared/crs/resolve.ts';
import { flatgeobufReader, flatgeobufWriter } from '../../../../data/formats/flatgeobuf/index.ts';
import type { ExportLayer } from '../../../../data/formats/types.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { expectSameGeometry, expectSameValues, gdalFieldTypes, gdalLayerNames, gdalRead, readAll, sourceFile, testdataPath } from '../../../helpers/gdal-reference.ts';

/** Renewal parcels in Jiaxing, WGS84, with the value kinds a project layer holds. */
const PARCELS: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 名称: '月河街区', 等级: 1, 面积: 12.5, 保留: true, 编号: 3_000_000_000 }, geometry: { type: 'Polygon', coordinates: [[[120.75, 30.76], [120.76, 30.76], [120.76, 30.77], [120.75, 30.76]]] } },
    { type: 'Feature', properties: { 名称: '子城', 等级: 2, 面积: null, 保留: false, 编号: 7 }, geometry: { type: 'MultiPolygon', coordinates: [[[[120.74, 30.75], [120.745, 30.75], [120.745, 30.755], [120.74, 30.75]]], [[[120.8, 30.8], [120.81, 30.8], [120.81, 30.81], [120.8, 30.8]]]] } },
  ],
};

function parcelsLayer(): ExportLayer {
  return {
    name: '更新地块',
    fields: [
      { key: '名称', type: 'TEXT' },
      { key: '等级', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '保留', type: 'BOOLEAN' },
      { key: '编号', type: 'INTEGER' },
    ],
    features: [...PARCELS.features.map((f) => ({ geometry: f.geometry, properties: f.properties ?? {} })), { geometry: null, properties: { 名称: '无几何' } }],
  };
}

describe('FlatGeobuf reader', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('reads a file ogr2ogr wrote (with spatial index): count, typed fields, values and multipolygons as GDAL reads them', async () => {
    const file = path.join(dir, 'npa.fgb');
    gdal('ogr2ogr', ['-f', 'FlatGeobuf', file, testdataPath('mecklenburg-opendata/neighborhood_profile_areas.geojson')]);
    const [layer] = await flatgeobufReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    const ref = gdalRead(file);
    const gdalTypes = gdalFieldTypes(file, gdalLayerNames(file)[0]);
    expect(layer.name).toBe('npa');
    expect(layer.crs?.id).toBe('EPSG:4326');
    expect(layer.countHint).toBe(464);
    expect(layer.fields.map((f) => f.key)).toEqual(Object.keys(gdalTypes));
    for (const f of layer.fields) expect(f.type, f.key).toBe({ Integer: 'INTEGER', Integer64: 'INTEGER', Real: 'REAL', String: 'TEXT' }[gdalTypes[f.key]]);
    expectSameValues(features, ref.features, Object.fromEntries(layer.fields.map((f) => [f.key, f.key])));
    features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 9));
  });

  it('takes the CRS from the header (EPSG:4549) and keeps the coordinates as written', async () => {
    const src = path.join(dir, 'parcels.geojson');
    const file = path.join(dir, 'parcels_4549.fgb');
    fs.writeFileSync(src, JSON.stringify(PARCELS));
    gdal('ogr2ogr', ['-f', 'FlatGeobuf', '-t_srs', 'EPSG:4549', file, src]);
    const [layer] = await flatgeobufReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    const ref = gdalRead(file);
    expect(layer.crs?.id).toBe('EPSG:4549');
    // GDAL's spatial index sorts features along a Hilbert curve.
    expect(features.map((f) => f.properties['名称'])).toEqual(ref.features.map((f) => f.properties!['名称']));
    features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 4));
  });

  it('streams features: a reader can stop early and start again', async () => {
    const file = path.join(dir, 'parks.fgb');
    gdal('ogr2ogr', ['-f', 'FlatGeobuf', file, testdataPath('mecklenburg-opendata/parks.geojson')]);
    const [layer] = await flatgeobufReader.open([sourceFile(file)], {});
    let seen = 0;
    for await (const f of layer.features()) if (++seen === 2 || f.index > 2) break;
    expect(seen).toBe(2);
    expect(await readAll(layer)).toHaveLength(190);
  });

  it('refuses a file that is not FlatGeobuf, naming it', async () => {
    const file = path.join(dir, 'fake.fgb');
    fs.writeFileSync(file, 'not a flatgeobuf file at all');
    const err = await flatgeobufReader.open([sourceFile(file)], {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AtlasError);
    expect((err as AtlasError).code).toBe('invalid_file');
    expect((err as AtlasError).message).toBe('fake.fgb is not a FlatGeobuf file');
  });
});

describe('FlatGeobuf writer', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('writes a file GDAL reads with the layer name, typed fields, values and geometry', async () => {
    const out = path.join(dir, 'parcels.fgb');
    const result = await flatgeobufWriter.write([parcelsLayer()], out, {});
    const ref = gdalRead(out);
    expect(gdalLayerNames(out)).toEqual(['更新地块']);
    expect(gdalFieldTypes(out, '更新地块')).toEqual({ 名称: 'String', 等级: 'Integer', 面积: 'Real', 保留: 'Integer(Boolean)', 编号: 'Integer64' });
    expectSameValues(PARCELS.features.map((f) => ({ properties: f.properties ?? {} })), ref.features, { 名称: '名称', 等级: '等级', 面积: '面积', 保留: '保留', 编号: '编号' });
    PARCELS.features.forEach((f, i) => expectSameGeometry(ref.features[i].geometry, f.geometry as Geometry, 12));
    expect(result.notes).toEqual(['更新地块: 1 feature(s) without geometry were left out (FlatGeobuf as GDAL writes it keeps only features with a geometry)']);
  });

  it('maps column types as GDAL declares them in GeoPackages (MEDIUMINT, DOUBLE, TEXT(20), DATETIME)', async () => {
    const out = path.join(dir, 'typed.fgb');
    const layer: ExportLayer = {
      name: 'typed',
      fields: [
        { key: 'n', type: 'MEDIUMINT' },
        { key: 'r', type: 'DOUBLE' },
        { key: 't', type: 'TEXT(20)' },
        { key: 'd', type: 'DATETIME' },
      ],
      features: [{ geometry: { type: 'Point', coordinates: [120.75, 30.76] }, properties: { n: 5, r: 1.5, t: '嘉兴', d: '2023-05-01T08:00:00Z' } }],
    };
    await flatgeobufWriter.write([layer], out, {});
    expect(gdalFieldTypes(out, 'typed')).toEqual({ n: 'Integer', r: 'Real', t: 'String', d: 'DateTime' });
    expect(gdalRead(out).features[0].properties).toEqual({ n: 5, r: 1.5, t: '嘉兴', d: '2023-05-01T08:00:00Z' });
  });

  it('writes real data (190 parks) that GDAL reads with the same count and points', async () => {
    const source = JSON.parse(fs.readFileSync(testdataPath('mecklenburg-opendata/parks.geojson'), 'utf8')) as FeatureCollection;
    const layer: ExportLayer = { name: 'parks', fields: ['name', 'type', 'zipcode'].map((key) => ({ key, type: 'TEXT' })), features: source.features.map((f) => ({ geometry: f.geometry, properties: f.properties ?? {} })) };
    const out = path.join(dir, 'parks.fgb');
    await flatgeobufWriter.write([layer], out, {});
    const ref = gdalRead(out);
    expect(ref.features).toHaveLength(190);
    expectSameValues(source.features.map((f) => ({ properties: f.properties ?? {} })), ref.features, { name: 'name', type: 'type', zipcode: 'zipcode' });
    source.features.forEach((f, i) => expectSameGeometry(ref.features[i].geometry, f.geometry, 12));
  });

  it('reprojects to EPSG:4549 as GDAL does and records the CRS in the header', async () => {
    const out = path.join(dir, 'parcels_4549.fgb');
    const src = path.join(dir, 'parcels.geojson');
    fs.writeFileSync(src, JSON.stringify(PARCELS));
    await flatgeobufWriter.write([parcelsLayer()], out, { crs: resolveCrs('EPSG:4549') });
    const expected = JSON.parse(gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4549', '/vsistdout/', src])) as FeatureCollection;
    expect(gdal('ogrinfo', ['-so', out, '更新地块'])).toMatch(/CGCS2000 \/ 3-degree Gauss-Kruger CM 120E/);
    gdalRead(out).features.forEach((f, i) => expectSameGeometry(f.geometry, expected.features[i].geometry, 3));
  });

  it('writes a file our reader reads back with the same types and values', async () => {
    const out = path.join(dir, 'parcels.fgb');
    await flatgeobufWriter.write([parcelsLayer()], out, {});
    const [layer] = await flatgeobufReader.open([sourceFile(out)], {});
    const features = await readAll(layer);
    expect(layer.fields).toEqual(parcelsLayer().fields.map((f) => ({ key: f.key, type: f.type })));
    expect(features.map((f) => f.properties)).toEqual(PARCELS.features.map((f) => f.properties));
    expect(features.map((f) => f.geometry)).toEqual(PARCELS.features.map((f) => f.geometry));
  });
});
