import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { csvReader } from '../../../../data/formats/csv/reader.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { expectSameGeometry, expectSameValues, gdalRead, readAll, sourceFile, testdataPath } from '../../../helpers/gdal-reference.ts';

/** GBK bytes of UTF-8 text, through glibc's iconv (TextEncoder only writes UTF-8). */
function gbk(text: string): Buffer {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text, maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`iconv failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

async function openError(file: string, opts = {}): Promise<AtlasError> {
  const err = await csvReader.open([sourceFile(file)], opts).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AtlasError);
  return err as AtlasError;
}

describe('CSV reader', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('reads a CSV that ogr2ogr wrote with GEOMETRY=AS_WKT: count, fields, values and polygons as GDAL reads them', async () => {
    const file = path.join(dir, 'districts.csv');
    gdal('ogr2ogr', ['-f', 'CSV', '-lco', 'GEOMETRY=AS_WKT', file, testdataPath('mecklenburg-opendata/historic_districts.geojson')]);
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    const ref = gdalRead(file);
    expect(layer.name).toBe('districts');
    expect(layer.crs).toBeNull();
    expect(layer.fields).toEqual([
      { key: 'name', type: 'TEXT' },
      { key: 'type', type: 'TEXT' },
    ]);
    expect(layer.countHint).toBe(6);
    expectSameValues(features, ref.features, { name: 'name', type: 'type' });
    features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 9));
  });

  it('reads X/Y columns that ogr2ogr wrote with GEOMETRY=AS_XY as points', async () => {
    const file = path.join(dir, 'parks.csv');
    gdal('ogr2ogr', ['-f', 'CSV', '-lco', 'GEOMETRY=AS_XY', file, testdataPath('mecklenburg-opendata/parks.geojson')]);
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    const ref = gdalRead(file, undefined, ['X_POSSIBLE_NAMES=X', 'Y_POSSIBLE_NAMES=Y']);
    expect(features).toHaveLength(190);
    expect(layer.fields.map((f) => f.key)).toEqual(['X', 'Y', 'name', 'type', 'address', 'city', 'zipcode']);
    expect(layer.fields.find((f) => f.key === 'X')!.type).toBe('REAL');
    expectSameValues(features, ref.features, { name: 'name', address: 'address', zipcode: 'zipcode' });
    features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 9));
  });

  it('detects GBK text (names from a real GBK .dbf) and decodes it', async () => {
    const utf8 = path.join(dir, 'utf8.csv');
    gdal('ogr2ogr', [
      '--config', 'SHAPE_ENCODING', 'CP936', '-f', 'CSV', '-dialect', 'sqlite',
      '-sql', 'SELECT NAME AS 名称, 120.75 + rowid * 0.001 AS 经度, 30.76 AS 纬度 FROM gbk',
      utf8, testdataPath('mapshaper-dbf/gbk.dbf'),
    ]);
    const file = path.join(dir, 'gbk.csv');
    fs.writeFileSync(file, gbk(fs.readFileSync(utf8, 'utf8')));
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    const expected = gdalRead(utf8).features.map((f) => f.properties!['名称']);
    expect(layer.encoding).toBe('gbk');
    expect(layer.notes.join(' ')).toMatch(/gbk \(detected\)/);
    expect(features.map((f) => f.properties['名称'])).toEqual(expected);
    expect(expected).toContain('简体国语');
    expect(features[0].geometry).toEqual({ type: 'Point', coordinates: [120.75, 30.76] });
  });

  it('uses the encoding the user gives over detection', async () => {
    const file = path.join(dir, 'gbk.csv');
    fs.writeFileSync(file, gbk('名称,lon,lat\n嘉兴南湖,120.75,30.76\n'));
    const [layer] = await csvReader.open([sourceFile(file)], { encoding: 'cp936' });
    const [f] = await readAll(layer);
    expect(layer.notes[0]).toMatch(/gbk \(user\)/);
    expect(f.properties['名称']).toBe('嘉兴南湖');
  });

  it('reads a UTF-8 file with BOM, semicolons and Chinese 经度/纬度 columns', async () => {
    const file = path.join(dir, 'poi.csv');
    fs.writeFileSync(file, '\uFEFF名称;经度;纬度;类别\n月河历史街区;120.7512;30.7621;街区\n子城遗址;120.7489;30.7577;遗址\n');
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    expect(layer.fields.map((f) => f.key)).toEqual(['名称', '经度', '纬度', '类别']);
    expect(layer.notes[0]).toMatch(/semicolon/);
    expect(features[1]).toEqual({
      index: 1,
      geometry: { type: 'Point', coordinates: [120.7489, 30.7577] },
      properties: { 名称: '子城遗址', 经度: 120.7489, 纬度: 30.7577, 类别: '遗址' },
    });
  });

  it('reads Excel\'s "Unicode text" export: UTF-16 with BOM, tab-separated, named .txt', async () => {
    const file = path.join(dir, 'excel.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t经度\t纬度\r\n南湖\t120.7655\t30.7498\r\n', 'utf16le')]));
    expect(csvReader.claim([sourceFile(file)])).toHaveLength(1);
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const [f] = await readAll(layer);
    expect(layer.encoding).toBe('utf-16le');
    expect(f.properties['名称']).toBe('南湖');
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [120.7655, 30.7498] });
  });

  it('reads a tab-separated .tsv with POINT_X / POINT_Y columns in any letter case', async () => {
    const file = path.join(dir, 'pts.tsv');
    fs.writeFileSync(file, 'id\tpoint_X\tPOINT_Y\n1\t500000.5\t3400000.25\n');
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const [f] = await readAll(layer);
    expect(layer.notes[0]).toMatch(/tab-separated/);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [500000.5, 3400000.25] });
  });

  it('reads WKT of every kind (any letter case, EWKT, Z dropped) from a "geometry" column and leaves it out of the fields', async () => {
    const file = path.join(dir, 'wkt.csv');
    const rows = ['point (1 2)', 'SRID=4326;LINESTRING Z (1 2 3, 4 5 6)', 'POLYGON ((0 0, 1 0, 1 1, 0 0))', 'MULTIPOINT ((1 2), (3 4))', 'MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))', 'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))', 'GEOMETRYCOLLECTION (POINT (1 2))', 'POINT EMPTY', 'not wkt', ''];
    fs.writeFileSync(file, 'n,geometry\n' + rows.map((r, i) => `${i},"${r}"`).join('\n') + '\n');
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    expect(layer.fields).toEqual([{ key: 'n', type: 'INTEGER' }]);
    expect(features.map((f) => f.geometry?.type ?? null)).toEqual(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection', null, null, null]);
    expect(features[1].geometry).toEqual({ type: 'LineString', coordinates: [[1, 2], [4, 5]] });
  });

  it('takes the columns named in the options', async () => {
    const file = path.join(dir, 'odd.csv');
    fs.writeFileSync(file, '名,东,北,形\n甲,120.1,30.1,POINT (1 1)\n');
    const [xy] = await csvReader.open([sourceFile(file)], { x: '东', y: '北' });
    const [wkt] = await csvReader.open([sourceFile(file)], { wkt: '形' });
    expect((await readAll(xy))[0].geometry).toEqual({ type: 'Point', coordinates: [120.1, 30.1] });
    expect((await readAll(wkt))[0].geometry).toEqual({ type: 'Point', coordinates: [1, 1] });
  });

  it('asks for the coordinate columns, listing the columns, when none is recognised', async () => {
    const file = path.join(dir, 'plain.csv');
    fs.writeFileSync(file, '名称,面积,备注\n甲,1,x\n');
    const err = await openError(file);
    expect(err.code).toBe('needs_input');
    expect(err.message).toBe('plain.csv: no longitude/latitude or WKT column found; columns are: 名称, 面积, 备注 (use --x COL --y COL or --wkt COL)');
    expect(err.params).toEqual({ file: 'plain.csv', columns: ['名称', '面积', '备注'] });
  });

  it('lists column names with commas in them as they are (params carry an array, not a joined string)', async () => {
    const file = path.join(dir, 'commas.csv');
    fs.writeFileSync(file, '"名称, 别名",X坐标,Y坐标\n甲,1,2\n');
    const err = await openError(file);
    expect(err.params.columns).toEqual(['名称, 别名', 'X坐标', 'Y坐标']);
    expect(JSON.parse(JSON.stringify(err.toData())).params.columns).toEqual(['名称, 别名', 'X坐标', 'Y坐标']);
    expect(structuredClone(err.toData()).params?.columns).toEqual(['名称, 别名', 'X坐标', 'Y坐标']);
  });

  it('says which column is missing when the options name one that is not there', async () => {
    const file = path.join(dir, 'p.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n');
    const err = await openError(file, { x: 'a', y: 'c' });
    expect(err.code).toBe('needs_input');
    expect(err.message).toMatch(/no column "c"; columns are: a, b/);
    expect(err.params).toEqual({ file: 'p.csv', field: 'c', columns: ['a', 'b'] });
  });

  it('gives rows with empty or unreadable coordinates a null geometry and keeps their attributes', async () => {
    const file = path.join(dir, 'gaps.csv');
    fs.writeFileSync(file, 'name,lng,lat\nA,120.5,30.5\nB,,30.5\nC,abc,30.5\nD,120.5,\n');
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    expect(features.map((f) => f.geometry === null)).toEqual([false, true, true, true]);
    expect(features[2].properties).toEqual({ name: 'C', lng: 'abc', lat: 30.5 });
  });

  it('types columns from all rows: INTEGER, REAL, and TEXT for codes with leading zeros, huge numbers and mixed values', async () => {
    const file = path.join(dir, 'types.csv');
    fs.writeFileSync(file, 'lon,lat,i,r,code,id18,mixed,empty\n1,2,1,1,0573,330402199001011234,1,\n1,2,-20,2.5,0574,330402199001011235,x,\n1,2,,1e3,,,,\n');
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    expect(Object.fromEntries(layer.fields.map((f) => [f.key, f.type]))).toEqual({
      lon: 'INTEGER', lat: 'INTEGER', i: 'INTEGER', r: 'REAL', code: 'TEXT', id18: 'TEXT', mixed: 'TEXT', empty: 'TEXT',
    });
    expect(features[1].properties).toMatchObject({ i: -20, r: 2.5, code: '0574', id18: '330402199001011235', mixed: 'x', empty: null });
    expect(features[2].properties).toMatchObject({ i: null, r: 1000 });
  });

  it('streams a file of several MB: GBK characters and quoted line breaks across read chunks come out whole', async () => {
    const file = path.join(dir, 'big.csv');
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},"嘉兴地块 ${i}\n第二行, ""引号""",${120 + i / 1e6},30.5`);
    fs.writeFileSync(file, gbk(['id,名称,lon,lat', ...rows].join('\r\n') + '\r\n'));
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    expect(fs.statSync(file).size).toBeGreaterThan(2 * (1 << 20));
    expect(layer.encoding).toBe('gbk');
    expect(layer.countHint).toBe(40_000);
    expect(features).toHaveLength(40_000);
    features.forEach((f, i) => {
      if (f.properties['名称'] !== `嘉兴地块 ${i}\n第二行, "引号"` || f.properties.id !== i) throw new Error(`row ${i} read wrong: ${JSON.stringify(f)}`);
    });
  });

  it('can be read twice (preview, then import) and reports its size and progress', async () => {
    const file = path.join(dir, 'twice.csv');
    fs.writeFileSync(file, 'x,y\n1,2\n3,4\n');
    const [layer] = await csvReader.open([sourceFile(file)], {});
    expect(await readAll(layer)).toEqual(await readAll(layer));
    expect(layer.sizeBytes).toBe(fs.statSync(file).size);
    expect(layer.bytesRead!()).toBe(layer.sizeBytes);
  });

  /** A CSV of `rows` points, a few MB: the first pass reads it in 1 MB chunks. */
  function bigCsv(name: string, rows: number): string {
    const file = path.join(dir, name);
    const lines = ['id,名称,lon,lat,备注'];
    for (let i = 0; i < rows; i++) lines.push(`${i},地块${i},${(120.7 + (i % 500) * 0.0005).toFixed(6)},${(30.7 + Math.floor(i / 500) * 0.0005).toFixed(6)},第${i}行的备注文字`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }

  it('tells how far its first pass over a big file is, as the fraction of the bytes read, ending at 1', async () => {
    const file = bigCsv('big.csv', 80_000);
    expect(fs.statSync(file).size).toBeGreaterThan(4 * (1 << 20));
    const told: number[] = [];
    const [layer] = await csvReader.open([sourceFile(file)], { progress: (f) => told.push(f) });
    expect(layer.countHint).toBe(80_000);
    expect(told.length).toBeGreaterThan(3);
    expect(told[0]).toBeGreaterThan(0);
    expect(told[0]).toBeLessThan(0.5);
    expect(told.every((f, i) => i === 0 || f >= told[i - 1])).toBe(true);
    expect(told.at(-1)).toBe(1);
  });

  it('stops its first pass with cancelled as soon as the signal is aborted', async () => {
    const file = bigCsv('cancel.csv', 80_000);
    const controller = new AbortController();
    const told: number[] = [];
    const err = await csvReader
      .open([sourceFile(file)], { signal: controller.signal, progress: (f) => (told.push(f), controller.abort()) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AtlasError);
    expect((err as AtlasError).code).toBe('cancelled');
    expect(Math.max(...told)).toBeLessThan(0.9);
  });

  it('shares one progress among several files', async () => {
    const a = bigCsv('a.csv', 20_000);
    const b = bigCsv('b.csv', 20_000);
    const told: number[] = [];
    await csvReader.open([sourceFile(a), sourceFile(b)], { progress: (f) => told.push(f) });
    expect(told.filter((f) => f <= 0.5).length).toBeGreaterThan(0);
    expect(told.filter((f) => f > 0.5).length).toBeGreaterThan(0);
    expect(told.every((f, i) => i === 0 || f >= told[i - 1])).toBe(true);
    expect(told.at(-1)).toBe(1);
  });

  it('tells the import’s progress by rows handed over, not by bytes read ahead', async () => {
    const file = bigCsv('half.csv', 40_000);
    const [layer] = await csvReader.open([sourceFile(file)], {});
    let n = 0;
    for await (const f of layer.features()) {
      void f;
      if (++n === 20_000) break;
    }
    expect(layer.bytesRead!() / layer.sizeBytes!).toBeCloseTo(0.5, 2);
  });

  it('can stop after a few rows (the importer samples 200) and then read all', async () => {
    const file = path.join(dir, 'many.csv');
    fs.writeFileSync(file, 'x,y\n' + Array.from({ length: 50_000 }, (_, i) => `${i},1`).join('\n'));
    const [layer] = await csvReader.open([sourceFile(file)], {});
    const first: number[] = [];
    for await (const f of layer.features()) if (first.push(f.index) >= 3) break;
    expect(first).toEqual([0, 1, 2]);
    expect(await readAll(layer)).toHaveLength(50_000);
  });

  it('claims .csv and .tsv, and a .txt only when it looks delimited', () => {
    const table = path.join(dir, 'table.txt');
    const readme = path.join(dir, 'readme.txt');
    fs.writeFileSync(table, 'x\ty\n1\t2\n');
    fs.writeFileSync(readme, 'Read me first\n');
    const files = [sourceFile(table), sourceFile(readme), { path: '/nope/a.CSV', name: 'a.CSV' }, { path: '/nope/b.shp', name: 'b.shp' }];
    expect(csvReader.claim(files)?.map((f) => f.name)).toEqual(['table.txt', 'a.CSV']);
  });
});
