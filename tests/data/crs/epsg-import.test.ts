// Importing and exporting data in EPSG codes beyond the built-ins, with GDAL (ogr2ogr) as the reference.
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../data/export/run-export.ts';
import { READERS, WRITERS } from '../../../data/formats/registry.ts';
import { previewImport } from '../../../data/import/preview.ts';
import { runImport, type ImportRequest } from '../../../data/import/run-import.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { gdal } from '../../helpers/gdal.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { gdalSrs, gdalTransform, metresBetween } from '../../shared/crs/gdal-crs.ts';

/** Two blocks around a place, in WGS 84 (polygons only, so a shapefile can hold them). */
function placeGeoJSON(lon: number, lat: number): FeatureCollection {
  const block = (x: number, y: number, d = 0.01) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'centre' }, geometry: { type: 'Polygon', coordinates: block(lon, lat) } },
      { type: 'Feature', properties: { name: 'north-east' }, geometry: { type: 'Polygon', coordinates: block(lon + 0.2, lat + 0.15) } },
    ],
  };
}

const PLACES: [code: number, name: string, lon: number, lat: number][] = [
  [2056, 'CH1903+ / LV95', 8.54, 47.37],
  [27700, 'OSGB36 / British National Grid', -0.1276, 51.5072],
  [3414, 'SVY21 / Singapore TM', 103.85, 1.29],
  [2154, 'RGF93 v1 / Lambert-93', 2.35, 48.85],
];

/** Every vertex of a collection, in feature order. */
function vertices(fc: FeatureCollection): Position[] {
  const out: Position[] = [];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return out;
}

/**
 * How far the vertices of two collections are apart: for each vertex, the nearest one of the other
 * collection (ring order and direction may differ: shapefiles wind rings the other way round).
 */
function worstGap(a: FeatureCollection, b: FeatureCollection): number {
  const va = vertices(a);
  const vb = vertices(b);
  expect(a.features.length).toBe(b.features.length);
  const nearest = (p: Position, others: Position[]) => Math.min(...others.map((q) => metresBetween([p[0], p[1]], [q[0], q[1]])));
  return Math.max(...va.map((p) => nearest(p, vb)), ...vb.map((p) => nearest(p, va)));
}

describe('importing files in EPSG codes beyond the built-ins', () => {
  let dir: string;
  let cleanup: () => void;
  let project: string;
  beforeAll(() => {
    ({ dir, cleanup } = makeTempDir());
    project = path.join(dir, 'p.gpkg');
    ProjectStore.create(project, { name: 'p', demo: false, layers: [] }).close();
  });
  afterAll(() => cleanup());

  /** The source written in EPSG:<code> by ogr2ogr, and where ogr2ogr -t_srs EPSG:4326 puts it. */
  let sources = 0;
  function makeSource(code: number, lon: number, lat: number, format: 'ESRI Shapefile' | 'GPKG'): { file: string; gdalWgs84: FeatureCollection } {
    const n = ++sources;
    const wgs = path.join(dir, `src-${n}.geojson`);
    fs.writeFileSync(wgs, JSON.stringify(placeGeoJSON(lon, lat)));
    const file = path.join(dir, `place-${n}-${code}${format === 'GPKG' ? '.gpkg' : '.shp'}`);
    gdal('ogr2ogr', ['-f', format, '-t_srs', `EPSG:${code}`, '-nln', `place_${code}`, file, wgs]);
    const back = path.join(dir, `back-${n}.geojson`);
    gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', back, file]);
    return { file, gdalWgs84: JSON.parse(fs.readFileSync(back, 'utf8')) as FeatureCollection };
  }

  const request = (files: string[], title: string): ImportRequest => ({
    projectPath: project,
    files,
    options: {},
    layerIndex: 0,
    target: { mode: 'new', kind: 'generic', title },
    skipInvalid: false,
  });

  function layerIdOf(title: string): string {
    const store = ProjectStore.open(project);
    try {
      return store.info().layers.find((l) => l.title === title)!.id;
    } finally {
      store.close();
    }
  }

  async function imported(file: string, title: string): Promise<FeatureCollection> {
    const result = await runImport(request([file], title), READERS, () => {}, new AbortController().signal);
    const store = ProjectStore.open(project);
    try {
      return store.layerGeoJSON(result.layerId);
    } finally {
      store.close();
    }
  }

  it.each(PLACES)('a GeoPackage in EPSG:%i (%s) lands within 1 m of ogr2ogr -t_srs EPSG:4326', async (code, name, lon, lat) => {
    const { file, gdalWgs84 } = makeSource(code, lon, lat, 'GPKG');
    const preview = await previewImport([file], {}, READERS);
    expect(preview.layers[0].crs).toEqual({ id: `EPSG:${code}`, name });
    expect(worstGap(await imported(file, `gpkg ${code}`), gdalWgs84)).toBeLessThan(1);
  });

  it.each(PLACES)('a shapefile in EPSG:%i (%s, ESRI .prj from ogr2ogr) lands within 1 m of ogr2ogr -t_srs EPSG:4326', async (code, _name, lon, lat) => {
    const { file, gdalWgs84 } = makeSource(code, lon, lat, 'ESRI Shapefile');
    expect(worstGap(await imported(file, `shp ${code}`), gdalWgs84)).toBeLessThan(1);
  });

  it('takes a .prj in OGC WKT naming EPSG:27700 as that code, with its name', async () => {
    const { file, gdalWgs84 } = makeSource(27700, -2.6, 51.45, 'ESRI Shapefile');
    fs.writeFileSync(file.replace(/\.shp$/, '.prj'), gdalSrs('wkt1', 'EPSG:27700'));
    const preview = await previewImport([file], {}, READERS);
    expect(preview.layers[0].crs).toEqual({ id: 'EPSG:27700', name: 'OSGB36 / British National Grid' });
    expect(preview.layers[0].notes.join('\n')).toMatch(/OSTN15_NTv2_OSGBtoETRS\.gsb is not installed/);
    expect(worstGap(await imported(file, 'ogc prj 27700'), gdalWgs84)).toBeLessThan(1);
  });

  it('reads CSV coordinates in a code the user types, and names that CRS in the preview', async () => {
    const csv = path.join(dir, 'zurich.csv');
    fs.writeFileSync(csv, 'name,E,N\nHB,2683000,1248000\n');
    const preview = await previewImport([csv], { x: 'E', y: 'N', crs: 'EPSG:2056' }, READERS);
    expect(preview.layers[0].crs).toEqual({ id: 'EPSG:2056', name: 'CH1903+ / LV95' });
    const [lon, lat] = (preview.layers[0].sample.features[0].geometry as { coordinates: number[] }).coordinates;
    const [expected] = gdalTransform('EPSG:2056', 'EPSG:4326', [[2683000, 1248000]]);
    expect(metresBetween([lon, lat], expected)).toBeLessThan(1);
  });

  it('refuses a typed code that does not exist as the user’s argument, naming the code', async () => {
    const csv = path.join(dir, 'plain.csv');
    fs.writeFileSync(csv, 'name,E,N\nHB,2683000,1248000\n');
    await expect(previewImport([csv], { x: 'E', y: 'N', crs: 'EPSG:99999' }, READERS)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^EPSG:99999 is not the code of a coordinate system/),
      params: { option: 'crs', code: 99999 },
    });
  });

  it.each([
    ['gpkg', '.gpkg'],
    ['shapefile', '.zip'],
  ])('exports in EPSG:27700 to %s so that GDAL reads it back in the right place', async (format, ext) => {
    const { file, gdalWgs84 } = makeSource(27700, -1.9, 52.48, 'GPKG');
    const ours = await imported(file, `export src ${format}`);
    const layerId = layerIdOf(`export src ${format}`);
    const out = path.join(dir, `out-27700-${format}${ext}`);
    await runExport({ projectPath: project, layerIds: [layerId], format, crs: 'EPSG:27700', path: out }, WRITERS, () => {});
    const back = path.join(dir, `out-27700-${format}.geojson`);
    gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', back, format === 'shapefile' ? `/vsizip/${out}` : out]);
    expect(worstGap(JSON.parse(fs.readFileSync(back, 'utf8')) as FeatureCollection, ours)).toBeLessThan(1);
    expect(worstGap(ours, gdalWgs84)).toBeLessThan(1);
  });

  it('refuses an export CRS that does not exist, naming it', async () => {
    const layerId = layerIdOf('gpkg 2056');
    await expect(
      runExport({ projectPath: project, layerIds: [layerId], format: 'geojson', crs: 'EPSG:5773', path: path.join(dir, 'x.geojson') }, WRITERS, () => {}),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/^EPSG:5773 \(EGM96 height\) is a vertical/) });
  });
});
