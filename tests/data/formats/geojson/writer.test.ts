import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { geojsonReader, geojsonWriter } from '../../../../data/formats/geojson/index.ts';
import type { ExportLayer, RawFeature } from '../../../../data/formats/types.ts';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { resolveCrs } from '../../../../shared/crs/resolve.ts';
import { createTransform } from '../../../../shared/crs/transform.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('atlas-geojson-out-')));
afterEach(() => cleanup());

const FIELDS = [
  { key: '名称', type: 'TEXT' },
  { key: '等级', type: 'INTEGER' },
  { key: '面积', type: 'REAL' },
  { key: '日期', type: 'DATE' },
];

const GEOMETRIES: Geometry[] = [
  { type: 'Polygon', coordinates: [[[120.75, 30.76], [120.76, 30.76], [120.76, 30.77], [120.75, 30.76]], [[120.755, 30.762], [120.758, 30.7655], [120.758, 30.762], [120.755, 30.762]]] },
  { type: 'MultiPolygon', coordinates: [[[[120.7, 30.7], [120.71, 30.7], [120.71, 30.71], [120.7, 30.7]]], [[[120.8, 30.8], [120.81, 30.8], [120.81, 30.81], [120.8, 30.8]]]] },
  { type: 'LineString', coordinates: [[120.7512345, 30.7612345], [120.7612345, 30.7712345]] },
  { type: 'Point', coordinates: [120.7501234, 30.7601234, 12.5] },
  { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [120.1, 30.1] }, { type: 'LineString', coordinates: [[120.1, 30.1], [120.2, 30.2]] }] },
];

function layer(name = '更新单元'): ExportLayer {
  return {
    name,
    fields: FIELDS,
    features: [
      ...GEOMETRIES.map((geometry, i) => ({ geometry, properties: { 名称: `单元 ${i}`, 等级: i, 面积: i * 2.5 + 10, 日期: '2024-05-01' } })),
      { geometry: null, properties: { 名称: '无图形', 等级: null, 面积: 12, 日期: null } },
    ],
  };
}

async function readBack(file: string): Promise<{ features: RawFeature[]; fields: { key: string; type: string }[]; crs: string | null }> {
  const [l] = await geojsonReader.open([{ path: file, name: path.basename(file) }], {});
  const features: RawFeature[] = [];
  for await (const f of l.features()) features.push(f);
  return { features, fields: l.fields, crs: l.crs?.id ?? null };
}

describe('geojsonWriter', () => {
  it('writes a FeatureCollection that reads back equal: fields, values and geometries', async () => {
    const out = path.join(dir, 'out.geojson');
    const result = await geojsonWriter.write([layer()], out, {});
    expect(result).toEqual({ files: [out], notes: [] });
    const text = fs.readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ type: 'FeatureCollection', name: '更新单元' });
    expect(text).not.toContain('"crs"');
    expect(text).toContain('"面积":12.0');

    const back = await readBack(out);
    expect(back.crs).toBeNull();
    expect(back.fields).toEqual([
      { key: '名称', type: 'TEXT' },
      { key: '等级', type: 'INTEGER' },
      { key: '面积', type: 'REAL' },
      { key: '日期', type: 'DATE' },
    ]);
    const original = [...layer().features];
    expect(back.features).toEqual(original.map((f, index) => ({ index, geometry: f.geometry, properties: f.properties })));
    expect(fs.readdirSync(dir)).toEqual(['out.geojson']);
  });

  it('rounds coordinates to 1e-7 degrees (and never writes -0)', async () => {
    const out = path.join(dir, 'round.geojson');
    await geojsonWriter.write([{ name: 'p', fields: [], features: [{ geometry: { type: 'Point', coordinates: [120.123456789, -0.00000004] }, properties: {} }] }], out, {});
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).features[0].geometry.coordinates).toEqual([120.1234568, 0]);
  });

  it('writes every property of a feature when the layer lists no fields', async () => {
    const out = path.join(dir, 'free.geojson');
    await geojsonWriter.write([{ name: 'p', fields: [], features: [{ geometry: null, properties: { a: 1, b: { c: [1] }, d: new Date(Date.UTC(2024, 0, 2)) } }] }], out, {});
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).features[0].properties).toEqual({ a: 1, b: { c: [1] }, d: '2024-01-02T00:00:00.000Z' });
  });

  it('writes only the first of several layers, and says so', async () => {
    const out = path.join(dir, 'first.geojson');
    const { notes } = await geojsonWriter.write([layer('甲'), layer('乙'), layer('丙')], out, {});
    expect(notes).toEqual(['A GeoJSON file holds one layer: wrote "甲" to first.geojson; "乙", "丙" must go to files of their own.']);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).name).toBe('甲');
  });

  it('converts to a projected CRS, rounds to millimetres and names it in a crs member', async () => {
    const out = path.join(dir, 'cgcs.geojson');
    const crs = resolveCrs('EPSG:4549');
    await geojsonWriter.write([layer()], out, { crs });
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(json.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } });
    const [x, y] = createTransform(crs).fromWgs84([120.7501234, 30.7601234]);
    expect(json.features[3].geometry.coordinates).toEqual([Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000, 12.5]);
    const back = await readBack(out);
    expect(back.crs).toBe('EPSG:4549');
    expect(back.features).toHaveLength(6);
  });

  it('writes GCJ-02 without a crs member, with a note', async () => {
    const out = path.join(dir, 'gcj.geojson');
    const { notes } = await geojsonWriter.write([layer()], out, { crs: resolveCrs('GCJ02') });
    expect(fs.readFileSync(out, 'utf8')).not.toContain('"crs"');
    expect(notes).toEqual([expect.stringContaining('no EPSG code')]);
  });

  it('leaves no file, and an existing file untouched, when writing fails', async () => {
    const out = path.join(dir, 'keep.geojson');
    fs.writeFileSync(out, 'old');
    function* failing() {
      yield { geometry: null, properties: {} };
      throw new Error('disk gone');
    }
    const err = await geojsonWriter.write([{ name: 'x', fields: [], features: failing() }], out, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AtlasError);
    expect((err as AtlasError).code).toBe('io_error');
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['keep.geojson']);
  });
});
