import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCrs } from '../../../../shared/crs/resolve.ts';
import { kmlReader } from '../../../../data/formats/kml/reader.ts';
import { kmlWriter } from '../../../../data/formats/kml/writer.ts';
import type { ExportLayer } from '../../../../data/formats/types.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { expectSameGeometry, expectSameValues, gdalLayerNames, gdalRead, readAll, sourceFile, testdataPath } from '../../../helpers/gdal-reference.ts';

function parksLayer(): ExportLayer & { source: FeatureCollection<Geometry | null> } {
  const source = JSON.parse(fs.readFileSync(testdataPath('mecklenburg-opendata/parks.geojson'), 'utf8')) as FeatureCollection<Geometry | null>;
  return {
    name: 'parks',
    fields: ['name', 'type', 'address', 'city', 'zipcode'].map((key) => ({ key, type: 'TEXT' })),
    features: source.features.map((f) => ({ geometry: f.geometry, properties: f.properties ?? {} })),
    source,
  };
}

function parcelsLayer(): ExportLayer {
  return {
    name: '更新地块',
    fields: [
      { key: '名称', type: 'TEXT' },
      { key: '层数', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '保留', type: 'BOOLEAN' },
      { key: '备注', type: 'TEXT' },
    ],
    features: [
      {
        geometry: { type: 'Polygon', coordinates: [[[120.75, 30.76], [120.76, 30.76], [120.76, 30.77], [120.75, 30.76]], [[120.752, 30.761], [120.754, 30.761], [120.754, 30.763], [120.752, 30.761]]] },
        properties: { 名称: '月河 <街区> & "水乡"', 层数: 3, 面积: 12.5, 保留: 1, 备注: null },
      },
      {
        geometry: { type: 'MultiPolygon', coordinates: [[[[120.74, 30.75], [120.745, 30.75], [120.745, 30.755], [120.74, 30.75]]], [[[120.8, 30.8], [120.81, 30.8], [120.81, 30.81], [120.8, 30.8]]]] },
        properties: { 名称: '子城', 层数: 2, 面积: 3.25, 保留: 0, 备注: '两块' },
      },
      { geometry: null, properties: { 名称: '无几何', 层数: null, 面积: null, 保留: null, 备注: null } },
    ],
  };
}

describe('KML writer', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('writes placemarks that GDAL reads with the same count, names, attributes and points', async () => {
    const layer = parksLayer();
    const out = path.join(dir, 'parks.kml');
    const result = await kmlWriter.write([layer], out, {});
    const ref = gdalRead(out, 'parks');
    expect(result).toEqual({ files: [out], notes: [] });
    expect(ref.features).toHaveLength(190);
    expectSameValues(
      layer.source.features.map((f) => ({ properties: f.properties ?? {} })),
      ref.features,
      { name: 'Name', type: 'type', address: 'address', city: 'city', zipcode: 'zipcode' },
    );
    layer.source.features.forEach((f, i) => expectSameGeometry(ref.features[i].geometry, f.geometry, 12));
  });

  it('writes polygons with holes, multipolygons, typed Chinese attributes and placemarks without geometry as GDAL reads them', async () => {
    const layer = parcelsLayer();
    const out = path.join(dir, 'parcels.kml');
    await kmlWriter.write([layer], out, {});
    const ref = gdalRead(out, '更新地块');
    const features = [...layer.features];
    expect(ref.features).toHaveLength(3);
    expectSameValues(features, ref.features, { 名称: '名称', 层数: '层数', 面积: '面积', 保留: '保留', 备注: '备注' });
    expect(ref.features.map((f) => typeof f.properties!['层数'])).toEqual(['number', 'number', 'undefined']);
    features.forEach((f, i) => expectSameGeometry(ref.features[i].geometry, f.geometry, 12));
  });

  it('puts each layer in its own folder, which GDAL lists as layers', async () => {
    const out = path.join(dir, 'two.kml');
    await kmlWriter.write([parcelsLayer(), { ...parksLayer(), name: 'parks' }], out, {});
    expect(gdalLayerNames(out)).toEqual(['更新地块', 'parks']);
  });

  it('stays in WGS84 when a target CRS is asked for, and says it was not applied', async () => {
    const out = path.join(dir, 'parcels.kml');
    const result = await kmlWriter.write([parcelsLayer()], out, { crs: resolveCrs('EPSG:4549') });
    const ref = gdalRead(out, '更新地块');
    expect(result.notes).toEqual([
      'KML is always WGS84 longitude/latitude; the chosen coordinate system EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E) was not applied',
    ]);
    expectSameGeometry(ref.features[0].geometry, [...parcelsLayer().features][0].geometry, 12);
  });

  it('writes a file our reader reads back with the same types, values and geometry', async () => {
    const out = path.join(dir, 'parcels.kml');
    await kmlWriter.write([parcelsLayer()], out, {});
    const [layer] = await kmlReader.open([sourceFile(out)], {});
    const features = await readAll(layer);
    expect(layer.name).toBe('更新地块');
    expect(layer.fields).toEqual([
      { key: '名称', type: 'TEXT' },
      { key: '层数', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '保留', type: 'BOOLEAN' },
      { key: '备注', type: 'TEXT' },
    ]);
    expect(features.map((f) => f.properties)).toEqual([
      { 名称: '月河 <街区> & "水乡"', 层数: 3, 面积: 12.5, 保留: true, 备注: null },
      { 名称: '子城', 层数: 2, 面积: 3.25, 保留: false, 备注: '两块' },
      { 名称: '无几何', 层数: null, 面积: null, 保留: null, 备注: null },
    ]);
    expect(features.map((f) => f.geometry)).toEqual([...parcelsLayer().features].map((f) => f.geometry));
  });
});
