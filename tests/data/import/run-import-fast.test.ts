import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { geojsonReader } from '../../../data/formats/geojson/index.ts';
import type { FormatReader } from '../../../data/formats/types.ts';
import { runImport, type ImportRequest } from '../../../data/import/run-import.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

/**
 * A GeoJSON import reads through the reader's fast path (`decoded`: bytes straight to GeoPackage blobs)
 * and falls back to GeoJSON objects for what it declines. Both must write exactly the same project as
 * the general path alone: rows, blobs, attributes, extent, R-tree, problems.
 */

/** The GeoJSON reader without its fast path: every feature goes through GeoJSON objects. */
const generalOnly: FormatReader = {
  ...geojsonReader,
  async open(files, opts) {
    const layers = await geojsonReader.open(files, opts);
    return layers.map(({ decoded: _decoded, ...layer }) => layer);
  },
};

const square = (x: number, y: number, d = 0.002) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

/** Clean features with a few of every kind of trouble in between. */
function mixedText(n: number, crs?: string): string {
  const features: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = 120.7 + (i % 50) * 0.003;
    const y = 30.7 + Math.floor(i / 50) * 0.003;
    const props = { 编号: `JX-${i}`, 年度: 2020 + (i % 5), 面积: i % 7 === 0 ? 12 : (i % 97) / 10 + 0.5, 保留: i % 2 === 0, 备注: i % 11 === 0 ? null : `第"${i}"块\n`, 日期: '2024-05-01' };
    let geometry: unknown = { type: 'Polygon', coordinates: [square(x, y)] };
    switch (i % 23) {
      case 3:
        geometry = { type: 'Polygon', coordinates: [square(x, y).reverse()] }; // wrong winding: fixed
        break;
      case 5:
        geometry = { type: 'Polygon', coordinates: [square(x, y).slice(0, 4)] }; // unclosed: fixed
        break;
      case 7:
        geometry = { type: 'Polygon', coordinates: [[[x, y], [x + 0.002, y + 0.002], [x + 0.002, y], [x, y + 0.002], [x, y]]] }; // bowtie: skipped
        break;
      case 9:
        geometry = null;
        break;
      case 11:
        geometry = { type: 'Polygon', coordinates: [square(x, y).map(([a, b]) => [a, b, 5])] }; // 3D
        break;
      case 13:
        geometry = { type: 'MultiPolygon', coordinates: [[square(x, y, 0.001)], [square(x + 0.0015, y, 0.001)]] };
        break;
      case 15:
        geometry = { type: 'Point', coordinates: [x, y] };
        break;
      case 17:
        geometry = { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [x, y] }] };
        break;
    }
    let text = JSON.stringify({ type: 'Feature', ...(i % 19 === 0 ? { id: `way/${i}` } : {}), properties: props, geometry });
    if (i % 7 === 0) text = text.replace('"面积":12', '"面积":12.0');
    features.push(text);
  }
  const crsMember = crs ? `"crs":{"type":"name","properties":{"name":"${crs}"}},` : '';
  return `{"type":"FeatureCollection",${crsMember}"features":[\n${features.join(',\n')}\n]}`;
}

function dump(file: string, table: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      rows: db.prepare(`SELECT *, hex(geom) AS geom FROM "${table}" ORDER BY fid`).all(),
      contents: db.prepare('SELECT min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents WHERE table_name = ?').get(table),
      columns: db.prepare('SELECT column_name, geometry_type_name FROM gpkg_geometry_columns WHERE table_name = ?').get(table),
      schema: db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type = 'table'").get(table),
      rtree: db.prepare(`SELECT id, minx, maxx, miny, maxy FROM "rtree_${table}_geom" ORDER BY id`).all(),
      rtreeCheck: db.prepare(`SELECT rtreecheck('rtree_${table}_geom') AS c`).get(),
      triggers: db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name").all(table),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('GeoJSON import: the fast path writes what the general path writes', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir('atlas-fast-import-')));
  afterEach(() => cleanup());

  async function both(text: string, over: Partial<ImportRequest> = {}) {
    const file = path.join(dir, 'mixed.geojson');
    fs.writeFileSync(file, text);
    const results = [];
    for (const [name, readers] of [
      ['fast', [geojsonReader]],
      ['general', [generalOnly]],
    ] as const) {
      const project = path.join(dir, `${name}.gpkg`);
      ProjectStore.create(project, { name, demo: false, layers: [] }).close();
      const request: ImportRequest = { projectPath: project, files: [file], options: {}, layerIndex: 0, target: { mode: 'new', kind: 'generic', title: '混合' }, skipInvalid: true, ...over };
      const result = await runImport(request, readers, () => {}, new AbortController().signal);
      results.push({ result, dump: dump(project, result.layerId) });
    }
    return results;
  }

  it('in WGS84, with fixes, skips, 3D, collections and string ids in between', async () => {
    const [fast, general] = await both(mixedText(2600));
    expect(fast.result).toEqual(general.result);
    expect(fast.result.imported).toBeGreaterThan(2000);
    expect(fast.result.fixed).toBeGreaterThan(0);
    expect(fast.result.skipped).toBeGreaterThan(0);
    expect(fast.dump).toEqual(general.dump);
    expect(fast.dump.rtreeCheck).toEqual({ c: 'ok' });
    expect(fast.dump.integrity).toBe('ok');
    expect(fast.dump.columns).toMatchObject({ geometry_type_name: 'GEOMETRY' });
  });

  it('reprojected from a projected CRS, into a multipolygon layer of a kind with mapped fields', async () => {
    // Gauss-Kruger metres (CGCS2000, 120°E) around Jiaxing.
    const projected = mixedText(600)
      .replace(/\[(120\.\d+),(30\.\d+)(,5)?\]/g, (_, x: string, y: string, z: string | undefined) => `[${(Number(x) - 120.7) * 1e5 + 500000},${(Number(y) - 30.7) * 1e5 + 3396000}${z ?? ''}]`);
    const [fast, general] = await both(projected.replace('"features"', '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features"'), {
      target: { mode: 'new', kind: 'historic_district', title: '投影', mapping: { 名称: '编号', 级别: '备注', 面积: '面积', 公布年度: '日期' } },
    });
    expect(fast.result).toEqual(general.result);
    expect(fast.result.problems.some((p) => p.kind === 'bad_value')).toBe(true);
    expect(fast.result.problems.some((p) => p.kind === 'unsupported_geometry')).toBe(true);
    expect(fast.dump.columns).toMatchObject({ geometry_type_name: 'MULTIPOLYGON' });
    expect(fast.dump).toEqual(general.dump);
    expect(fast.dump.contents).toMatchObject({ srs_id: 4326 });
    expect((fast.dump.contents as { min_x: number }).min_x).toBeGreaterThan(119);
  });

  it('stops on the first invalid feature the same way when skipping is off', async () => {
    const file = path.join(dir, 'bad.geojson');
    fs.writeFileSync(file, mixedText(40));
    const errors = [];
    for (const readers of [[geojsonReader], [generalOnly]]) {
      const project = path.join(dir, `p${errors.length}.gpkg`);
      ProjectStore.create(project, { name: 'p', demo: false, layers: [] }).close();
      const request: ImportRequest = { projectPath: project, files: [file], options: {}, layerIndex: 0, target: { mode: 'new', kind: 'generic', title: 'x' }, skipInvalid: false };
      errors.push(await runImport(request, readers, () => {}, new AbortController().signal).then(() => null, (e: Error) => e.message));
    }
    expect(errors[0]).toMatch(/Feature 7/);
    expect(errors[0]).toBe(errors[1]);
  });
});
