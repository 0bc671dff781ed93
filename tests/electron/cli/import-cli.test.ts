import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { gdal } from '../../helpers/gdal.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');
const TESTDATA = path.resolve(import.meta.dirname, '../../../../shared/testdata');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every first vertex of every feature, in order. */
function firstVertices(fc: { features: { geometry: unknown }[] }): number[][] {
  return fc.features.map((f) => {
    let c: unknown = (f.geometry as { coordinates: unknown }).coordinates;
    while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
    return c as number[];
  });
}

function metres(a: number[], b: number[]): number {
  const k = Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * 111_320 * k, (a[1] - b[1]) * 110_574);
}

describe('renewal-atlas import on real files', () => {
  let tmp: { dir: string; cleanup: () => void };
  let project: string;
  beforeAll(() => {
    if (!fs.existsSync(TESTDATA)) throw new Error(`${TESTDATA} is missing: these tests read ../shared/testdata beside the checkout`);
    tmp = makeTempDir();
    project = path.join(tmp.dir, 'p.gpkg');
    expect(cli('init', project, '--empty').code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it.each([
    ['shapefile-js/senate.shp', 'NAD83 Massachusetts (EPSG:26986) from .prj WKT'],
    ['shapefile-js/LGA_2013_AUST.shp', 'GDA94'],
    ['shapefile-js/ipra_dresden_polygon.shp', 'a European projected .prj'],
  ])('lands %s (%s) within 1 m of GDAL’s own reprojection', (rel) => {
    const src = path.join(TESTDATA, rel);
    const name = path.basename(rel, '.shp').toLowerCase();
    const r = cli('import', src, '--into', project, '--layer', name, '--skip-invalid');
    expect(r.code, r.err).toBe(0);
    const reference = path.join(tmp.dir, `${name}-gdal.geojson`);
    gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', reference, src]);
    const gdalFc = JSON.parse(fs.readFileSync(reference, 'utf8'));
    const store = ProjectStore.open(project);
    const layer = store.info().layers.find((l) => l.title === name)!;
    const ours = store.layerGeoJSON(layer.id);
    store.close();
    const skipped = Number(/skipped (\d+)/.exec(r.out)?.[1] ?? 0);
    expect(ours.features.length + skipped).toBe(gdalFc.features.length);
    if (skipped === 0) {
      const a = firstVertices(ours);
      const b = firstVertices(gdalFc);
      const worst = Math.max(...a.map((p, i) => metres(p, b[i])));
      expect(worst).toBeLessThan(1);
    }
  });

  it('stops at a self-crossing ring, imports nothing and names the feature and the option that skips it', async () => {
    const src = path.join(TESTDATA, 'shapefile-js/senate.shp');
    const before = await fileHash(project);
    const r = cli('import', src, '--into', project, '--layer', 'senate-strict');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/senate, Feature 6: outer ring crosses or touches itself near \(209058\.\d+, 901642\.\d+\).*nothing was imported.*\(--skip-invalid\)/);
    expect(await fileHash(project)).toBe(before);
  });

  it('reads a GBK shapefile from a zip with readable Chinese attributes', () => {
    const src = path.join(tmp.dir, 'gbk');
    fs.mkdirSync(src);
    const geojson = path.join(src, 'in.geojson');
    fs.writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '南湖公园', 类型: '综合公园' }, geometry: { type: 'Point', coordinates: [120.76, 30.75] } }] }));
    gdal('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=GBK', path.join(src, 'parks.shp'), geojson]);
    fs.rmSync(path.join(src, 'parks.cpg'), { force: true });
    const zip = spawnSync('zip', ['-j', '-q', path.join(tmp.dir, 'parks.zip'), ...['shp', 'shx', 'dbf', 'prj'].map((e) => path.join(src, `parks.${e}`))]);
    const input = zip.status === 0 ? path.join(tmp.dir, 'parks.zip') : path.join(src, 'parks.shp');
    const r = cli('import', input, '--into', project, '--layer', 'gbk_parks');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/detected as gbk/);
    const store = ProjectStore.open(project);
    const layer = store.info().layers.find((l) => l.title === 'gbk_parks')!;
    expect(store.layerGeoJSON(layer.id).features[0].properties).toEqual({ 名称: '南湖公园', 类型: '综合公园' });
    store.close();
  });

  it('refuses points for a polygon kind unless told to skip them, naming the feature', () => {
    const src = path.join(tmp.dir, 'pts.geojson');
    fs.writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '点' }, geometry: { type: 'Point', coordinates: [120.76, 30.75] } }] }));
    const r = cli('import', src, '--into', project, '--kind', 'park');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/feature 0: a Point cannot go into a MULTIPOLYGON layer/);
  });

  it('refuses a file it cannot read with exit code 3 and names it', () => {
    const r = cli('import', path.join(TESTDATA, 'shapefile-js/noshp.zip'), '--into', project);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/noshp\.zip/);
  });

  it('asks for --no-attributes when the .dbf is missing (exit 2)', () => {
    const r = cli('import', path.join(TESTDATA, 'shapefile-js/no-dbf.shp'), '--into', project);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--no-attributes/);
  });

  it('needs --x/--y for a CSV without known coordinate columns and lists the columns (exit 2)', () => {
    const csv = path.join(tmp.dir, 'sites.csv');
    fs.writeFileSync(csv, '编号,东坐标,北坐标\n1,120.75,30.75\n');
    const r = cli('import', csv, '--into', project);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/东坐标/);
    const ok = cli('import', csv, '--into', project, '--x', '东坐标', '--y', '北坐标', '--layer', 'sites');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/Imported 1 features/);
  });

  it('exports a layer to a shapefile zip in EPSG:4549 that GDAL reads back in the right place', () => {
    const out = path.join(tmp.dir, 'sites-4549.zip');
    const r = cli('export', project, '--layer', 'sites', '--format', 'shapefile', '--crs', 'EPSG:4549', '-o', out);
    expect(r.code, r.err).toBe(0);
    const back = path.join(tmp.dir, 'sites-back.geojson');
    gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', back, `/vsizip/${out}`]);
    const p = JSON.parse(fs.readFileSync(back, 'utf8')).features[0].geometry.coordinates;
    expect(metres(p, [120.75, 30.75])).toBeLessThan(1);
  });
});
