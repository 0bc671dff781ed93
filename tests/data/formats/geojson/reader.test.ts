import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { geojsonReader } from '../../../../data/formats/geojson/index.ts';
import type { RawFeature, SourceLayer } from '../../../../data/formats/types.ts';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('atlas-geojson-')));
afterEach(() => cleanup());

/** Writes `content` to a file in the test's folder and returns it as a SourceFile. */
function file(name: string, content: string | Buffer): { path: string; name: string } {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return { path: p, name };
}

async function open(name: string, content: string | Buffer): Promise<SourceLayer> {
  const layers = await geojsonReader.open([file(name, content)], {});
  expect(layers).toHaveLength(1);
  return layers[0];
}

async function all(layer: SourceLayer): Promise<RawFeature[]> {
  const out: RawFeature[] = [];
  for await (const f of layer.features()) out.push(f);
  return out;
}

/** The AtlasError that `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<AtlasError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AtlasError);
  return err as AtlasError;
}

const point = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const feature = (properties: object, geometry: object | null = point(120.75, 30.76)) => ({ type: 'Feature', properties, geometry });

describe('geojsonReader: what it reads', () => {
  it('reads a FeatureCollection with its fields, count and size', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [feature({ 名称: '月河街区', 等级: 1, 面积: 12.5, 保护: true }), feature({ 名称: '子城', 等级: 2, 面积: 3, 保护: false }, null)],
    });
    const layer = await open('更新单元.geojson', text);
    expect(layer).toMatchObject({
      name: '更新单元',
      crs: null,
      countHint: 2,
      sizeBytes: Buffer.byteLength(text),
      fields: [
        { key: '名称', type: 'TEXT' },
        { key: '等级', type: 'INTEGER' },
        { key: '面积', type: 'REAL' },
        { key: '保护', type: 'BOOLEAN' },
      ],
      notes: [],
    });
    expect(await all(layer)).toEqual([
      { index: 0, geometry: point(120.75, 30.76), properties: { 名称: '月河街区', 等级: 1, 面积: 12.5, 保护: true } },
      { index: 1, geometry: null, properties: { 名称: '子城', 等级: 2, 面积: 3, 保护: false } },
    ]);
    expect(layer.bytesRead!()).toBe(Buffer.byteLength(text));
  });

  it('reads a single Feature and a bare geometry as one feature each', async () => {
    const one = await open('one.geojson', JSON.stringify(feature({ a: 'x' })));
    expect(await all(one)).toEqual([{ index: 0, geometry: point(120.75, 30.76), properties: { a: 'x' } }]);
    const bare = await open('bare.geojson', JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }));
    expect(bare.fields).toEqual([]);
    expect(await all(bare)).toEqual([{ index: 0, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: {} }]);
  });

  it('skips a UTF-8 byte order mark', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature({ 名称: '南湖' })] });
    const layer = await open('bom.geojson', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect((await all(layer)).map((f) => f.properties)).toEqual([{ 名称: '南湖' }]);
  });

  it('reads the CRS from the crs member, as GDAL writes it', async () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } };
    const layer = await open('proj.geojson', JSON.stringify({ type: 'FeatureCollection', name: 'x', crs, features: [feature({}, point(500000, 3400000))] }));
    expect(layer.crs?.id).toBe('EPSG:4549');
    expect(layer.crs?.geographic).toBe(false);
    const old = await open('old.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'EPSG', properties: { code: 4326 } }, features: [] }));
    expect(old.crs?.id).toBe('EPSG:4326');
    const crs84 = await open('crs84.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, features: [] }));
    expect(crs84.crs?.id).toBe('EPSG:4326');
  });

  it('reads a crs member that comes after the features of a small file', async () => {
    const text = `{"type":"FeatureCollection","features":[${JSON.stringify(feature({}))}],"crs":{"type":"name","properties":{"name":"EPSG:4549"}}}`;
    expect((await open('late.geojson', text)).crs?.id).toBe('EPSG:4549');
  });

  it('notes a crs member it cannot use, and leaves the CRS unknown', async () => {
    const layer = await open('odd.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::99999' } }, features: [] }));
    expect(layer.crs).toBeNull();
    expect(layer.notes).toEqual([expect.stringContaining('names its CRS "urn:ogc:def:crs:EPSG::99999"')]);
  });

  it('reads GeoJSON text sequences (RFC 8142, RS-separated) and newline-delimited features', async () => {
    const a = JSON.stringify(feature({ n: 1 }));
    const b = JSON.stringify(feature({ n: 2 }, point(1, 2)));
    const c = JSON.stringify(point(3, 4));
    const seq = await open('seq.geojsons', `\x1e${a}\n\x1e${b}\n\x1e${c}\n`);
    expect((await all(seq)).map((f) => [f.index, f.properties, f.geometry])).toEqual([
      [0, { n: 1 }, point(120.75, 30.76)],
      [1, { n: 2 }, point(1, 2)],
      [2, {}, point(3, 4)],
    ]);
    const nd = await open('lines.geojsonl', `${a}\n${b}\r\n\n${c}`);
    expect(nd.countHint).toBe(3);
    expect((await all(nd)).map((f) => f.properties)).toEqual([{ n: 1 }, { n: 2 }, {}]);
  });

  it('infers field types: REAL for numbers written 12.0, DATE/DATETIME, objects as JSON text, only nulls as TEXT', async () => {
    const text = `{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"r":12.0,"i":3,"d":"2024-05-01","t":"2024-05-01T08:30:00Z","o":{"a":[1,2]},"n":null,"m":1},"geometry":null},
      {"type":"Feature","properties":{"r":7,"i":4,"d":null,"t":"2024-05-02 09:00","o":[1],"n":null,"m":"x"},"geometry":null}]}`;
    const layer = await open('types.geojson', text);
    expect(layer.fields).toEqual([
      { key: 'r', type: 'REAL' },
      { key: 'i', type: 'INTEGER' },
      { key: 'd', type: 'DATE' },
      { key: 't', type: 'DATETIME' },
      { key: 'o', type: 'TEXT' },
      { key: 'n', type: 'TEXT' },
      { key: 'm', type: 'TEXT' },
    ]);
    const [first, second] = await all(layer);
    expect(first.properties).toEqual({ r: 12, i: 3, d: '2024-05-01', t: '2024-05-01T08:30:00Z', o: '{"a":[1,2]}', n: null, m: 1 });
    expect(second.properties.o).toBe('[1]');
  });

  it('keeps a string feature id as the field "id" (a number id is a feature number, as in GDAL)', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ ...feature({ a: 1 }), id: 'way/42' }, { ...feature({ a: 2 }), id: 7 }] });
    const layer = await open('ids.geojson', text);
    expect(layer.fields).toEqual([
      { key: 'a', type: 'INTEGER' },
      { key: 'id', type: 'TEXT' },
    ]);
    expect((await all(layer)).map((f) => f.properties)).toEqual([{ a: 1, id: 'way/42' }, { a: 2 }]);
  });

  it('reads features larger than a 1 MB chunk, and can be read twice', async () => {
    const ring = Array.from({ length: 60_000 }, (_, i) => [120 + Math.cos(i / 9549) * 0.01, 30 + Math.sin(i / 9549) * 0.01]);
    ring.push(ring[0]);
    const big = feature({ note: 'x'.repeat(300_000) }, { type: 'Polygon', coordinates: [ring] });
    const layer = await open('big.geojson', JSON.stringify({ type: 'FeatureCollection', features: [feature({ note: 'a' }), big, feature({ note: 'b' })] }));
    expect(layer.sizeBytes).toBeGreaterThan(2 * 1024 * 1024);
    for (let pass = 0; pass < 2; pass++) {
      const got = await all(layer);
      expect(got.map((f) => (f.properties.note as string).length)).toEqual([1, 300_000, 1]);
      expect(got[1].geometry).toEqual(big.geometry);
    }
  });

  it('tells how far its survey of the file is, about once per megabyte, up to 1', async () => {
    const features = Array.from({ length: 20_000 }, (_, i) => feature({ i, name: `地块${i}` }, { type: 'Polygon', coordinates: [[[120, 30], [120.1, 30], [120.1, 30.1], [120, 30], [120, 30]]] }));
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const seen: number[] = [];
    await geojsonReader.open([file('progress.geojson', text)], { progress: (f) => seen.push(f) });
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThan(Buffer.byteLength(text) / (512 * 1024));
    expect(seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops when the signal is aborted', async () => {
    const layer = await open('many.geojson', JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 50 }, (_, i) => feature({ i })) }));
    const controller = new AbortController();
    const seen: number[] = [];
    const err = await failure(
      (async () => {
        for await (const f of layer.features(controller.signal)) {
          seen.push(f.index);
          if (f.index === 9) controller.abort();
        }
      })(),
    );
    expect(err.code).toBe('cancelled');
    expect(seen).toHaveLength(10);
  });
});

describe('geojsonReader: what it refuses', () => {
  it('names the root when it is not an object', async () => {
    for (const [content, what] of [
      ['"hello"', 'a string'],
      ['false', 'false'],
      ['42', 'a number'],
      ['null', 'null'],
      ['[{"type":"Feature"}]', 'an array'],
    ]) {
      const err = await failure(geojsonReader.open([file('root.geojson', content)], {}));
      expect(err.code).toBe('invalid_file');
      expect(err.message).toBe(`root.geojson is not GeoJSON: the root is ${what}.`);
      expect(err.params.file).toBe('root.geojson');
    }
  });

  it('gives the line, column and byte of broken JSON', async () => {
    const err = await failure(geojsonReader.open([file('broken.geojson', '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"a":1,},"geometry":null}]}')], {}));
    expect(err.message).toMatch(/^broken\.geojson is not valid JSON: .+ at line 2, column 39 \(byte 79\)\.$/);
    expect(err.params).toMatchObject({ line: 2, column: 39, offset: 79 });
  });

  it('says when the file is cut short or empty', async () => {
    const cut = await failure(geojsonReader.open([file('cut.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature"')], {}));
    expect(cut.message).toMatch(/ends in the middle/);
    const empty = await failure(geojsonReader.open([file('empty.geojson', '  \n')], {}));
    expect(empty.message).toMatch(/holds no JSON value/);
  });

  it('names the feature whose type is missing or wrong', async () => {
    const features = [feature({}), feature({}), { properties: {}, geometry: null }];
    const missing = await failure(geojsonReader.open([file('t.geojson', JSON.stringify({ type: 'FeatureCollection', features }))], {}));
    expect(missing.message).toMatch(/^t\.geojson is not valid GeoJSON: feature 2 has no "type" member \(line 1, column \d+\)\.$/);
    expect(missing.params.feature).toBe(2);
    features[2] = { ...feature({}), type: 'Featur' };
    const wrong = await failure(geojsonReader.open([file('t.geojson', JSON.stringify({ type: 'FeatureCollection', features }))], {}));
    expect(wrong.message).toMatch(/feature 2 has the type "Featur", not "Feature"/);
  });

  it('names an unknown root type', async () => {
    const err = await failure(geojsonReader.open([file('u.geojson', '{"type":"Topology","objects":{}}')], {}));
    expect(err.message).toMatch(/the root object has the type "Topology", which is not a GeoJSON type/);
  });

  it('yields features whose geometry is bad, for checkGeometry to judge', async () => {
    const layer = await open('bad-geom.geojson', JSON.stringify({ type: 'FeatureCollection', features: [feature({}, { type: 'Point', coordinates: ['x', 1] }), feature({}, { type: 'Blob' })] }));
    expect((await all(layer)).map((f) => f.geometry)).toEqual([{ type: 'Point', coordinates: ['x', 1] }, { type: 'Blob' }]);
  });

  it('names a feature that is not an object, counting from 0', async () => {
    const text = `{"type":"FeatureCollection","features":[${JSON.stringify(feature({ i: 0 }))},${JSON.stringify(feature({ i: 1 }))},null]}`;
    const err = await failure(geojsonReader.open([file('third.geojson', text)], {}));
    expect(err.message).toMatch(/feature 2 is null, not a Feature object/);
    expect(err.params.feature).toBe(2);
  });
});

describe('geojsonReader.claim', () => {
  it('takes GeoJSON extensions and .json files that look like GeoJSON, and leaves other files', () => {
    const files = [
      file('a.geojson', '{}'),
      file('b.geojsonl', ''),
      file('c.jsonl', ''),
      file('d.geojsons', ''),
      file('fc.json', '\uFEFF  {"type": "FeatureCollection", "features": []}'),
      file('seq.json', '\x1e{"type":"Feature"}'),
      file('later.json', `{"name": "x", "crs": {"type": "name"}, "features": [`),
      file('package.json', '{"name": "x", "type": "module"}'),
      file('array.json', '[1, 2]'),
      file('data.csv', 'a,b'),
    ];
    expect(geojsonReader.claim(files)?.map((f) => f.name)).toEqual(['a.geojson', 'b.geojsonl', 'c.jsonl', 'd.geojsons', 'fc.json', 'seq.json', 'later.json']);
    expect(geojsonReader.claim([file('x.shp', ''), { path: path.join(dir, 'missing.json'), name: 'missing.json' }])).toBeNull();
  });
});
