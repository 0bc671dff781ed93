import fs from 'node:fs';
import path from 'node:path';
import { rewind } from '@turf/turf';
import type { Geometry } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCrs } from '../../../../shared/crs/resolve.ts';
import type { ExportLayer } from '../../../../data/formats/types.ts';
import { shapefileWriter } from '../../../../data/formats/shapefile/writer.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { ogrinfoSummary } from '../../../helpers/ogrinfo-summary.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { collect, openFiles } from './corpus.ts';

const PARCEL: Geometry = {
  type: 'Polygon',
  coordinates: [
    [[120.75, 30.76], [120.77, 30.76], [120.77, 30.78], [120.75, 30.78], [120.75, 30.76]],
    [[120.755, 30.765], [120.755, 30.77], [120.76, 30.77], [120.76, 30.765], [120.755, 30.765]],
  ],
};
const ISLANDS: Geometry = {
  type: 'MultiPolygon',
  coordinates: [
    [[[120.70, 30.70], [120.71, 30.70], [120.71, 30.71], [120.70, 30.71], [120.70, 30.70]]],
    [[[120.72, 30.70], [120.73, 30.70], [120.73, 30.71], [120.72, 30.71], [120.72, 30.70]], [[120.722, 30.702], [120.722, 30.705], [120.725, 30.705], [120.725, 30.702], [120.722, 30.702]]],
  ],
};

function parcels(): ExportLayer {
  return {
    name: '更新地块',
    fields: [
      { key: '名称', type: 'TEXT' },
      { key: '等级', type: 'INTEGER' },
      { key: '面积公顷', type: 'REAL' },
      { key: '批复日期', type: 'DATE' },
      { key: '已批', type: 'BOOLEAN' },
    ],
    features: [
      { geometry: PARCEL, properties: { 名称: '月河历史街区', 等级: 1, 面积公顷: 12.5, 批复日期: '2023-05-01', 已批: true } },
      { geometry: ISLANDS, properties: { 名称: '子城遗址', 等级: 20000, 面积公顷: -0.125, 批复日期: '2022-12-31', 已批: false } },
      { geometry: PARCEL, properties: { 名称: null, 等级: null, 面积公顷: null, 批复日期: null, 已批: null } },
    ],
  };
}

/** The features of one layer of a written zip as GDAL reads them. */
function gdalFeatures(zip: string, layer: string): { properties: Record<string, unknown>; geometry: Geometry | null }[] {
  const json = JSON.parse(gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `/vsizip/${zip}`, layer])) as { features: { properties: Record<string, unknown>; geometry: Geometry | null }[] };
  return json.features;
}

describe('shapefile writer, read back by GDAL', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('Chinese text, integers, reals, dates, booleans, nulls and polygons with holes come back the same', async () => {
    const zip = path.join(dir, 'out.zip');
    const result = await shapefileWriter.write([parcels()], zip, {});
    expect(result.files).toEqual([zip]);
    // '面积公顷' and '批复日期' are 12 bytes of UTF-8: cut to 3 characters (9 bytes), noted.
    expect(result.notes.join('\n')).toMatch(/field 面积公顷 is named 面积公/);
    const [summary] = ogrinfoSummary(`/vsizip/${zip}`);
    expect(summary).toMatchObject({ name: '更新地块', featureCount: 3, geometry: 'Polygon', fields: ['名称', '等级', '面积公', '批复日', '已批'] });
    const info = gdal('ogrinfo', ['-ro', '-so', '-al', `/vsizip/${zip}`]);
    expect(info).toMatch(/等级: Integer \(9\.0\)/);
    expect(info).toMatch(/面积公: Real \(\d+\.3\)/);
    expect(info).toMatch(/批复日: Date \(10\.0\)/);
    expect(info).toMatch(/GEOGCRS\["WGS 84"/);

    const back = gdalFeatures(zip, '更新地块');
    expect(back.map((f) => f.properties)).toEqual([
      { 名称: '月河历史街区', 等级: 1, 面积公: 12.5, 批复日: '2023-05-01', 已批: 'T' },
      { 名称: '子城遗址', 等级: 20000, 面积公: -0.125, 批复日: '2022-12-31', 已批: 'F' },
      { 名称: null, 等级: null, 面积公: null, 批复日: null, 已批: null },
    ]);
    expect(back.map((f) => rewind(f.geometry!))).toEqual([PARCEL, ISLANDS, PARCEL]);
  });

  it('what it writes, our reader reads back the same (UTF-8 from the .cpg, types kept)', async () => {
    const zip = path.join(dir, 'out.zip');
    await shapefileWriter.write([parcels()], zip, {});
    const [layer] = await openFiles([zip]);
    expect(layer.encoding).toBe('utf-8');
    expect(layer.fields.map((f) => f.type)).toEqual(['TEXT', 'INTEGER', 'REAL', 'DATE', 'BOOLEAN']);
    const features = await collect(layer);
    expect(features.map((f) => f.geometry)).toEqual([PARCEL, ISLANDS, PARCEL]);
    expect(features[1].properties).toEqual({ 名称: '子城遗址', 等级: 20000, 面积公: -0.125, 批复日: '2022-12-31', 已批: false });
  });

  it('one shapefile per geometry family, named <layer>_point / _line / _polygon', async () => {
    const zip = path.join(dir, 'mixed.zip');
    const layer: ExportLayer = {
      name: 'facilities',
      fields: [{ key: 'name_of_the_facility', type: 'TEXT' }, { key: 'name_of_the_facility_2', type: 'TEXT' }],
      features: [
        { geometry: { type: 'Point', coordinates: [120.7, 30.7] }, properties: { name_of_the_facility: 'a', name_of_the_facility_2: 'b' } },
        { geometry: { type: 'LineString', coordinates: [[120.7, 30.7], [120.8, 30.8]] }, properties: { name_of_the_facility: 'c' } },
        { geometry: { type: 'MultiPoint', coordinates: [[120.7, 30.7], [120.71, 30.71]] }, properties: {} },
        { geometry: PARCEL, properties: {} },
        { geometry: null, properties: { name_of_the_facility: 'no shape' } },
      ],
    };
    await shapefileWriter.write([layer], zip, {});
    const summary = ogrinfoSummary(`/vsizip/${zip}`);
    expect(summary.map((l) => [l.name, l.geometry, l.featureCount])).toEqual([
      ['facilities_point', 'Multi Point', 3],
      ['facilities_line', 'Line String', 1],
      ['facilities_polygon', 'Polygon', 1],
    ]);
    expect(summary[0].fields).toEqual(['name_of_th', 'name_of__1']);
  });

  it('with crs EPSG:4549 the .prj makes GDAL report CGCS2000 / 3-degree Gauss-Kruger CM 120E, coordinates converted', async () => {
    const zip = path.join(dir, 'gk.zip');
    await shapefileWriter.write([parcels()], zip, { crs: resolveCrs('EPSG:4549') });
    const info = gdal('ogrinfo', ['-ro', '-so', '-al', `/vsizip/${zip}`]);
    expect(info).toMatch(/PROJCRS\["CGCS2000 \/ 3-degree Gauss-Kruger CM 120E"/);
    expect(info).toMatch(/ID\["EPSG",4549\]\]\s*$/m);
    // GDAL takes the coordinates back to lon/lat on its own: within a millimetre's worth of degrees.
    const back = JSON.parse(gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '/vsistdout/', `/vsizip/${zip}`])) as { features: { geometry: { coordinates: number[][][] } }[] };
    const ring = back.features[0].geometry.coordinates[0];
    const expected = (PARCEL as { coordinates: number[][][] }).coordinates[0];
    for (const [lon, lat] of ring) expect(expected.some(([x, y]) => Math.abs(x - lon) < 1e-8 && Math.abs(y - lat) < 1e-8)).toBe(true);
  });

  it('an empty layer is an empty shapefile GDAL opens', async () => {
    const zip = path.join(dir, 'empty.zip');
    await shapefileWriter.write([{ name: 'empty', fields: [{ key: 'name', type: 'TEXT' }], features: [] }], zip, {});
    expect(gdal('ogrinfo', ['-ro', '-so', '-al', `/vsizip/${zip}`])).toMatch(/Feature Count: 0/);
  });

  it('writes through a temporary file: a failure leaves the existing file as it was and no litter', async () => {
    const zip = path.join(dir, 'out.zip');
    fs.writeFileSync(zip, 'previous export');
    const bad: ExportLayer = { name: 'bad', fields: [], features: [{ geometry: { type: 'Point', coordinates: [Number.NaN, 30] }, properties: {} }] };
    await expect(shapefileWriter.write([bad], zip, { crs: resolveCrs('EPSG:4549') })).rejects.toThrow();
    expect(fs.readFileSync(zip, 'utf8')).toBe('previous export');
    expect(fs.readdirSync(dir)).toEqual(['out.zip']);
    await shapefileWriter.write([parcels()], zip, {});
    expect(fs.readdirSync(dir)).toEqual(['out.zip']);
    expect(ogrinfoSummary(`/vsizip/${zip}`)[0].featureCount).toBe(3);
  });
});
