import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRequest } from '../../../data/import/run-import.ts';
import { runImport } from '../../../data/import/run-import.ts';
import { previewImport } from '../../../data/import/preview.ts';
import { READERS } from '../../../data/formats/registry.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { gdal } from '../../helpers/gdal.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';

const square = (x: number, y: number, d = 0.002) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
const bowtie = (x: number, y: number) => [[[x, y], [x + 0.002, y + 0.002], [x + 0.002, y], [x, y + 0.002], [x, y]]];

function parksGeoJSON(withBad = false) {
  const features = [1, 2, 3].map((i) => ({
    type: 'Feature',
    properties: { 名称: `公园${i}`, 类型: '口袋公园', 面积: 1200 + i, note: `备注${i}` },
    geometry: { type: 'Polygon', coordinates: square(120.75 + i * 0.005, 30.75) },
  }));
  if (withBad) features.push({ type: 'Feature', properties: { 名称: '坏', 类型: '口袋公园', 面积: 1, note: '' }, geometry: { type: 'Polygon', coordinates: bowtie(120.76, 30.76) } });
  return { type: 'FeatureCollection', features };
}

const noProgress = () => {};
const live = () => new AbortController().signal;

describe('importing into a project', () => {
  let dir: string;
  let cleanup: () => void;
  let project: string;
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    project = path.join(dir, 'p.gpkg');
    ProjectStore.create(project, { name: 'p', demo: false, layers: [] }).close();
  });
  afterEach(() => cleanup());

  const write = (name: string, data: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(data));
    return file;
  };
  const request = (files: string[], over: Partial<ImportRequest> = {}): ImportRequest => ({
    projectPath: project,
    files,
    options: {},
    layerIndex: 0,
    target: { mode: 'new', kind: 'generic', title: '导入' },
    skipInvalid: false,
    ...over,
  });

  it('imports a GeoJSON as a generic layer keeping every attribute', async () => {
    const result = await runImport(request([write('parks.geojson', parksGeoJSON())]), READERS, noProgress, live());
    const store = ProjectStore.open(project);
    const layer = store.info().layers.find((l) => l.id === result.layerId)!;
    const fc = store.layerGeoJSON(result.layerId);
    store.close();
    expect(result).toMatchObject({ imported: 3, skipped: 0 });
    expect(layer).toMatchObject({ kind: 'generic', title: '导入', featureCount: 3, geometryType: 'POLYGON' });
    expect(layer.fields.map((f) => f.key)).toEqual(['名称', '类型', '面积', 'note']);
    expect(fc.features[0].properties).toMatchObject({ 名称: '公园1', note: '备注1' });
  });

  it('gives a second layer with the same title a numbered title (GeoPackage identifiers are unique)', async () => {
    const file = write('parks.geojson', parksGeoJSON());
    const first = await runImport(request([file]), READERS, noProgress, live());
    const second = await runImport(request([file]), READERS, noProgress, live());
    const store = ProjectStore.open(project);
    const titles = store.info().layers.map((l) => [l.id, l.title]);
    store.close();
    expect(titles).toEqual(expect.arrayContaining([[first.layerId, '导入'], [second.layerId, '导入 (2)']]));
  });

  it('imports into a kind with the field mapping, promoting polygons to multipolygons', async () => {
    const file = write('parks.geojson', parksGeoJSON());
    const preview = await previewImport([file], {}, READERS);
    const target = { mode: 'new' as const, kind: 'park', title: '新公园', mapping: preview.layers[0].mapping };
    const result = await runImport(request([file], { target }), READERS, noProgress, live());
    const store = ProjectStore.open(project);
    const fc = store.layerGeoJSON(result.layerId);
    store.close();
    expect(fc.features[0].geometry?.type).toBe('MultiPolygon');
    expect(fc.features[0].properties).toEqual({ 名称: '公园1', 类型: '口袋公园', 面积: 1201, 状态: null, 计划年度: null });
  });

  it('converts GCJ-02 coordinates to WGS84 when told the data is GCJ-02', async () => {
    const result = await runImport(request([write('gcj.geojson', parksGeoJSON())], { options: { crs: 'gcj02' } }), READERS, noProgress, live());
    const store = ProjectStore.open(project);
    const ring = (store.layerGeoJSON(result.layerId).features[0].geometry as GeoJSON.Polygon).coordinates[0];
    store.close();
    // GCJ-02 is offset by roughly 500 m from WGS84 at Jiaxing (TARGETS.md); the converted corner moves that far.
    const metres = Math.hypot((ring[0][0] - 120.755) * 95_700, (ring[0][1] - 30.75) * 110_900);
    expect(metres).toBeGreaterThan(300);
    expect(metres).toBeLessThan(700);
  });

  it('refuses invalid features unless told to skip them, leaving the project as it was', async () => {
    const file = write('bad.geojson', parksGeoJSON(true));
    const before = await fileHash(project);
    await expect(runImport(request([file]), READERS, noProgress, live())).rejects.toMatchObject({ code: 'invalid_file', params: { feature: 3 } });
    expect(await fileHash(project)).toBe(before);
  });

  it('skips invalid features with a report when told to', async () => {
    const result = await runImport(request([write('bad.geojson', parksGeoJSON(true))], { skipInvalid: true }), READERS, noProgress, live());
    expect(result).toMatchObject({ imported: 3, skipped: 1 });
    expect(result.problems).toContainEqual(expect.objectContaining({ feature: 3, kind: 'self_intersection' }));
  });

  it('rolls back a cancelled import', async () => {
    const before = await fileHash(project);
    const controller = new AbortController();
    controller.abort();
    await expect(runImport(request([write('parks.geojson', parksGeoJSON())]), READERS, noProgress, controller.signal)).rejects.toBeTruthy();
    expect(await fileHash(project)).toBe(before);
  });

  it('catches projected metres read as degrees before writing anything', async () => {
    const src = write('ll.geojson', parksGeoJSON());
    const shp = path.join(dir, 'gk.shp');
    gdal('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4549', '-lco', 'ENCODING=UTF-8', shp, src]);
    fs.rmSync(path.join(dir, 'gk.prj'));
    const before = await fileHash(project);
    await expect(runImport(request([shp], { options: { crs: 'EPSG:4326' } }), READERS, noProgress, live())).rejects.toMatchObject({ code: 'bad_coordinates' });
    expect(await fileHash(project)).toBe(before);
  });

  it('lands CGCS2000 Gauss-Kruger data within 1 m of where GDAL puts it', async () => {
    const src = write('ll.geojson', parksGeoJSON());
    const shp = path.join(dir, 'gk.shp');
    gdal('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4549', '-lco', 'ENCODING=UTF-8', shp, src]);
    const back = path.join(dir, 'back.geojson');
    gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', back, shp]);
    const reference = JSON.parse(fs.readFileSync(back, 'utf8')).features[0].geometry.coordinates[0][0];
    const result = await runImport(request([shp]), READERS, noProgress, live());
    const store = ProjectStore.open(project);
    const ours = (store.layerGeoJSON(result.layerId).features[0].geometry as GeoJSON.Polygon).coordinates[0][0];
    store.close();
    const metres = Math.hypot((ours[0] - reference[0]) * 111_320 * Math.cos((30.75 * Math.PI) / 180), (ours[1] - reference[1]) * 110_570);
    expect(metres).toBeLessThan(1);
  });

  it('appends to an existing layer', async () => {
    const file = write('parks.geojson', parksGeoJSON());
    const first = await runImport(request([file]), READERS, noProgress, live());
    await runImport(request([file], { target: { mode: 'append', layerId: first.layerId } }), READERS, noProgress, live());
    const store = ProjectStore.open(project);
    expect(store.info().layers.find((l) => l.id === first.layerId)?.featureCount).toBe(6);
    store.close();
  });

  it('asks for the coordinate columns of a CSV that has none it knows, naming the columns found', async () => {
    const csv = path.join(dir, 'table.csv');
    fs.writeFileSync(csv, 'a,b,c\n1,2,3\n');
    await expect(previewImport([csv], {}, READERS)).rejects.toMatchObject({ code: 'needs_input', message: expect.stringMatching(/a, b, c/) });
  });

  it('says which file is not a format it reads', async () => {
    const dwg = path.join(dir, 'plan.dwg');
    fs.writeFileSync(dwg, 'AC1032');
    await expect(previewImport([dwg], {}, READERS)).rejects.toMatchObject({ code: 'unsupported_format', message: expect.stringMatching(/plan\.dwg/) });
  });
});
