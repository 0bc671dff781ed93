import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCrs } from '../../../../shared/crs/resolve.ts';
import { gpkgReader } from '../../../../data/formats/gpkg/reader.ts';
import { gpkgWriter } from '../../../../data/formats/gpkg/writer.ts';
import type { ExportLayer } from '../../../../data/formats/types.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { ogrinfoSummary } from '../../../helpers/ogrinfo-summary.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { expectSameGeometry, expectSameValues, gdalFieldTypes, gdalRead, readAll, sourceFile, testdataPath } from '../../../helpers/gdal-reference.ts';

/** GDAL's own GeoPackage validator (python3-gdal, which gdal-bin pulls in). */
const VALIDATOR = '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py';

const PARCEL_GEOMETRIES: Geometry[] = [
  { type: 'Polygon', coordinates: [[[120.75, 30.76], [120.76, 30.76], [120.76, 30.77], [120.75, 30.76]]] },
  { type: 'Polygon', coordinates: [[[120.74, 30.75], [120.745, 30.75], [120.745, 30.755], [120.74, 30.75]]] },
];

function parcelsLayer(): ExportLayer {
  return {
    name: '更新地块',
    fields: [
      { key: '名称', type: 'TEXT' },
      { key: '等级', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '保留', type: 'BOOLEAN' },
      { key: '日期', type: 'DATE' },
    ],
    features: [
      { geometry: PARCEL_GEOMETRIES[0], properties: { 名称: '月河街区', 等级: 1, 面积: 12.5, 保留: 1, 日期: '2023-05-01' } },
      { geometry: PARCEL_GEOMETRIES[1], properties: { 名称: '子城', 等级: 2, 面积: null, 保留: 0, 日期: null } },
      { geometry: null, properties: { 名称: '无几何', 等级: null, 面积: 1, 保留: null, 日期: null } },
    ],
  };
}

function parksLayer(): ExportLayer & { source: FeatureCollection } {
  const source = JSON.parse(fs.readFileSync(testdataPath('mecklenburg-opendata/parks.geojson'), 'utf8')) as FeatureCollection;
  return {
    name: 'parks',
    fields: ['name', 'type', 'address', 'city', 'zipcode'].map((key) => ({ key, type: 'TEXT' })),
    features: source.features.map((f) => ({ geometry: f.geometry, properties: f.properties ?? {} })),
    source,
  };
}

describe('GeoPackage writer', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('writes feature tables that ogrinfo reads with the same count, fields, values and geometry', async () => {
    const out = path.join(dir, 'export.gpkg');
    const parks = parksLayer();
    const result = await gpkgWriter.write([parcelsLayer(), parks], out, {});
    expect(result).toEqual({ files: [out], notes: [] });
    expect(ogrinfoSummary(out).map((l) => [l.name, l.featureCount, l.geometry])).toEqual([
      ['更新地块', 3, 'Polygon'],
      ['parks', 190, 'Point'],
    ]);
    expect(gdalFieldTypes(out, '更新地块')).toEqual({ 名称: 'String', 等级: 'Integer64', 面积: 'Real', 保留: 'Integer(Boolean)', 日期: 'Date' });
    const ref = gdalRead(out, 'parks');
    expectSameValues(parks.source.features.map((f) => ({ properties: f.properties ?? {} })), ref.features, { name: 'name', type: 'type', address: 'address', zipcode: 'zipcode' });
    parks.source.features.forEach((f, i) => expectSameGeometry(ref.features[i].geometry, f.geometry, 12));
    expect(gdalRead(out, '更新地块').features.map((f) => f.properties)).toEqual([
      { 名称: '月河街区', 等级: 1, 面积: 12.5, 保留: true, 日期: '2023-05-01' },
      { 名称: '子城', 等级: 2, 面积: null, 保留: false, 日期: null },
      { 名称: '无几何', 等级: null, 面积: 1, 保留: null, 日期: null },
    ]);
  });

  it.runIf(existsSync(VALIDATOR))('passes GDAL\'s GeoPackage validator, in WGS84 and in EPSG:4549', async () => {
    const wgs = path.join(dir, 'wgs84.gpkg');
    const cgcs = path.join(dir, 'cgcs2000.gpkg');
    await gpkgWriter.write([parcelsLayer()], wgs, {});
    await gpkgWriter.write([parcelsLayer()], cgcs, { crs: resolveCrs('EPSG:4549') });
    for (const file of [wgs, cgcs]) {
      const r = spawnSync('python3', [VALIDATOR, file], { encoding: 'utf8' });
      expect(`${r.status} ${r.stdout}${r.stderr}`.trim()).toBe('0');
    }
  });

  it('writes EPSG:4549 layers that GDAL reads as CGCS2000 / GK CM 120E with the coordinates GDAL computes', async () => {
    const out = path.join(dir, 'cgcs2000.gpkg');
    const src = path.join(dir, 'parcels.geojson');
    fs.writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features: PARCEL_GEOMETRIES.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) }));
    await gpkgWriter.write([parcelsLayer()], out, { crs: resolveCrs('EPSG:4549') });
    const expected = JSON.parse(gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4549', '/vsistdout/', src])) as FeatureCollection;
    const info = gdal('ogrinfo', ['-ro', '-so', out, '更新地块']);
    expect(info).toMatch(/PROJCRS\["CGCS2000 \/ 3-degree Gauss-Kruger CM 120E"/);
    expect(info).toMatch(/ID\["EPSG",4549\]\]/);
    const ours = gdalRead(out, '更新地块');
    ours.features.slice(0, 2).forEach((f, i) => expectSameGeometry(f.geometry, expected.features[i].geometry, 3));
  });

  it('writes a file our reader reads back with the same types, values and geometry', async () => {
    const out = path.join(dir, 'export.gpkg');
    await gpkgWriter.write([parcelsLayer()], out, {});
    const [layer] = await gpkgReader.open([sourceFile(out)], {});
    const features = await readAll(layer);
    expect(layer.crs?.id).toBe('EPSG:4326');
    expect(layer.fields).toEqual(parcelsLayer().fields);
    expect(features.map((f) => f.geometry)).toEqual([...PARCEL_GEOMETRIES, null]);
    expect(features[0].properties).toEqual({ 名称: '月河街区', 等级: 1, 面积: 12.5, 保留: true, 日期: '2023-05-01' });
  });

  it('leaves no file, and no temporary file, when writing fails half-way', async () => {
    const out = path.join(dir, 'broken.gpkg');
    const failing: ExportLayer = {
      name: 'x',
      fields: [],
      features: (function* () {
        yield { geometry: PARCEL_GEOMETRIES[0], properties: {} };
        throw new Error('the project file went away');
      })(),
    };
    await expect(gpkgWriter.write([parcelsLayer(), failing], out, {})).rejects.toThrow(/went away/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('renames tables whose names GeoPackage reserves, and repeated names', async () => {
    const out = path.join(dir, 'export.gpkg');
    await gpkgWriter.write([{ ...parcelsLayer(), name: 'gpkg_contents' }, parcelsLayer(), parcelsLayer()], out, {});
    expect(ogrinfoSummary(out).map((l) => l.name)).toEqual(['layer_gpkg_contents', '更新地块', '更新地块_2']);
  });
});
