import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { geojsonReader, geojsonWriter } from '../../../../data/formats/geojson/index.ts';
import type { RawFeature, SourceLayer } from '../../../../data/formats/types.ts';
import { resolveCrs } from '../../../../shared/crs/resolve.ts';
import { createTransform } from '../../../../shared/crs/transform.ts';
import { checkGeometry } from '../../../../shared/geometry/index.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { ogrinfoSummary } from '../../../helpers/ogrinfo-summary.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('atlas-geojson-gdal-')));
afterEach(() => cleanup());

/** A CSV source for ogr2ogr: WKT geometry and typed columns (GDAL detects the types). */
const CSV = [
  'WKT,名称,等级,面积,日期,保护',
  '"POLYGON ((120.75 30.76,120.76 30.76,120.76 30.77,120.75 30.76))",月河街区,1,12.0,2024-05-01,true',
  '"POINT (120.745 30.752)",子城,2,3.25,2023-01-02,false',
  '"LINESTRING (120.7 30.7,120.71 30.71)","南湖, 烟雨楼",3,0.5,2022-12-31,true',
].join('\n');

/** Converts CSV to `format` with ogr2ogr; `srs` assigns or converts the CRS. */
function ogr2ogr(format: 'GeoJSON' | 'GeoJSONSeq', out: string, srs = ['-a_srs', 'EPSG:4326'], extra: string[] = []): void {
  const csv = path.join(dir, 'src.csv');
  fs.writeFileSync(csv, CSV);
  gdal('ogr2ogr', ['-f', format, '-oo', 'AUTODETECT_TYPE=YES', '-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-oo', 'KEEP_GEOM_COLUMNS=NO', ...srs, ...extra, out, csv]);
}

async function readAll(file: string): Promise<{ layer: SourceLayer; features: RawFeature[] }> {
  const [layer] = await geojsonReader.open([{ path: file, name: path.basename(file) }], {});
  const features: RawFeature[] = [];
  for await (const f of layer.features()) features.push(f);
  return { layer, features };
}

describe('GeoJSON and GDAL', () => {
  it('GDAL reads what we write: count and fields', async () => {
    const out = path.join(dir, 'ours.geojson');
    await geojsonWriter.write(
      [
        {
          name: '更新单元',
          fields: [
            { key: '名称', type: 'TEXT' },
            { key: '面积', type: 'REAL' },
            { key: '等级', type: 'INTEGER' },
          ],
          features: Array.from({ length: 25 }, (_, i) => ({
            geometry: { type: 'Polygon' as const, coordinates: [[[120 + i, 30], [120.5 + i, 30], [120.5 + i, 30.5], [120 + i, 30]]] },
            properties: { 名称: `单元 ${i}`, 面积: 12, 等级: i },
          })),
        },
      ],
      out,
      {},
    );
    const [info] = ogrinfoSummary(out);
    expect(info).toMatchObject({ featureCount: 25, geometry: 'Polygon', fields: ['名称', '面积', '等级'] });
    const text = gdal('ogrinfo', ['-so', '-al', '-ro', out]);
    expect(text).toMatch(/面积: Real/);
    expect(text).toMatch(/等级: Integer/);
  });

  it('GDAL reads the CRS we name in the crs member', async () => {
    const out = path.join(dir, 'cgcs.geojson');
    await geojsonWriter.write([{ name: 'p', fields: [], features: [{ geometry: { type: 'Point', coordinates: [120.75, 30.76] }, properties: {} }] }], out, { crs: resolveCrs('EPSG:4549') });
    const text = gdal('ogrinfo', ['-so', '-al', '-ro', out]);
    expect(text).toMatch(/CGCS2000 \/ 3-degree Gauss-Kruger CM 120E/);
    expect(text).toMatch(/ID\["EPSG",4549\]/);
    // And GDAL puts the point where we do.
    const back = JSON.parse(gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '/vsistdout/', out]));
    const [lon, lat] = back.features[0].geometry.coordinates;
    expect(lon).toBeCloseTo(120.75, 7);
    expect(lat).toBeCloseTo(30.76, 7);
  });

  it('we read what ogr2ogr -f GeoJSON writes: count, fields and values', async () => {
    const out = path.join(dir, 'gdal.geojson');
    ogr2ogr('GeoJSON', out);
    const { layer, features } = await readAll(out);
    // GDAL names WGS84 as urn:ogc:def:crs:OGC:1.3:CRS84.
    expect(fs.readFileSync(out, 'utf8')).toContain('CRS84');
    expect(layer.crs?.id).toBe('EPSG:4326');
    expect(layer.fields).toEqual([
      { key: '名称', type: 'TEXT' },
      { key: '等级', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '日期', type: 'DATE' },
      { key: '保护', type: 'BOOLEAN' },
    ]);
    expect(features.map((f) => f.properties)).toEqual([
      { 名称: '月河街区', 等级: 1, 面积: 12, 日期: '2024-05-01', 保护: true },
      { 名称: '子城', 等级: 2, 面积: 3.25, 日期: '2023-01-02', 保护: false },
      { 名称: '南湖, 烟雨楼', 等级: 3, 面积: 0.5, 日期: '2022-12-31', 保护: true },
    ]);
    expect(features.map((f) => f.geometry)).toEqual([
      { type: 'Polygon', coordinates: [[[120.75, 30.76], [120.76, 30.76], [120.76, 30.77], [120.75, 30.76]]] },
      { type: 'Point', coordinates: [120.745, 30.752] },
      { type: 'LineString', coordinates: [[120.7, 30.7], [120.71, 30.71]] },
    ]);
    expect(features.every((f) => checkGeometry(f.geometry, f.index).valid)).toBe(true);
  });

  it('we read the CRS and coordinates of a reprojected ogr2ogr GeoJSON', async () => {
    const out = path.join(dir, 'gdal-4549.geojson');
    ogr2ogr('GeoJSON', out, ['-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:4549']);
    const { layer, features } = await readAll(out);
    expect(layer.crs?.id).toBe('EPSG:4549');
    const gdalPoint = JSON.parse(fs.readFileSync(out, 'utf8')).features[1].geometry.coordinates;
    expect(features[1].geometry).toEqual({ type: 'Point', coordinates: gdalPoint });
    const [lon, lat] = createTransform(layer.crs!).toWgs84(gdalPoint);
    expect(lon).toBeCloseTo(120.745, 6);
    expect(lat).toBeCloseTo(30.752, 6);
  });

  it('we read what ogr2ogr -f GeoJSONSeq writes (RFC 8142 with RS, and newline-delimited)', async () => {
    const rs = path.join(dir, 'gdal.geojsons');
    ogr2ogr('GeoJSONSeq', rs, undefined, ['-lco', 'RS=YES']);
    expect(fs.readFileSync(rs)[0]).toBe(0x1e);
    const nd = path.join(dir, 'gdal.geojsonl');
    ogr2ogr('GeoJSONSeq', nd);
    for (const file of [rs, nd]) {
      const { layer, features } = await readAll(file);
      expect(layer.countHint, file).toBe(3);
      expect(features.map((f) => f.properties.名称), file).toEqual(['月河街区', '子城', '南湖, 烟雨楼']);
    }
  });
});
