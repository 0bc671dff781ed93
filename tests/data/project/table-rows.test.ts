import path from 'node:path';
import Database from 'better-sqlite3';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableQuery } from '../../../shared/api/analysis-runs.ts';
import { AtlasError } from '../../../shared/api/errors.ts';
import { createCoreSchema } from '../../../data/gpkg/core-schema.ts';
import { createFeatureTable, describeFeatureTables, finishBulkLoad, insertFeatures, type ColumnDef } from '../../../data/gpkg/feature-table.ts';
import { registerGpkgFunctions } from '../../../data/gpkg/sql-functions.ts';
import { likePattern } from '../../../data/project/table-query-sql.ts';
import { readColumnValues, readLayerRowIndex, readLayerRows, type TableSource } from '../../../data/project/table-rows.ts';
import { generateParcelGrid } from '../../../seeds/synthetic/parcel-grid.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

/** Writes one point layer into a new GeoPackage (as a bulk load, like the app's own layers). */
function writeLayer(file: string, table: string, fields: ColumnDef[], features: Feature[]): void {
  const db = new Database(file);
  try {
    registerGpkgFunctions(db);
    db.transaction(() => {
      createCoreSchema(db);
      createFeatureTable(db, { table, geometryType: 'POINT', fields, bulk: true });
      const info = describeFeatureTables(db).find((t) => t.table === table)!;
      insertFeatures(db, info, features);
      finishBulkLoad(db, info);
    })();
  } finally {
    db.close();
  }
}

function open(file: string, table: string, readonly = false): TableSource & { close(): void } {
  const db = new Database(file, { readonly });
  registerGpkgFunctions(db);
  return { db, table: describeFeatureTables(db).find((t) => t.table === table)!, close: () => db.close() };
}

const point = (i: number) => ({ type: 'Point' as const, coordinates: [120.7 + i * 0.001, 30.7] });
const feature = (i: number, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: point(i), properties });

/** Parks: Chinese text, numbers stored as REAL and INTEGER, NULL and '' cells, LIKE's special characters. */
const PARKS: Record<string, unknown>[] = [
  /* fid 1 */ { 名称: '南湖公园', 类型: '滨水公园', 面积: 12000, 年度: 2023, note: 'Lake VIEW' },
  /* fid 2 */ { 名称: '月河公园', 类型: '口袋公园', 面积: 900, 年度: 2024, note: null },
  /* fid 3 */ { 名称: '子城遗址公园', 类型: '专类公园', 面积: 100000, 年度: 2023, note: '' },
  /* fid 4 */ { 名称: '北郊公园', 类型: '口袋公园', 面积: null, 年度: null, note: '50% done' },
  /* fid 5 */ { 名称: '', 类型: null, 面积: 900, 年度: 2025, note: 'under_score' },
  /* fid 6 */ { 名称: "O'Brien 园", 类型: '口袋公园', 面积: 50, 年度: 2023, note: 'back\\slash' },
  /* fid 7 */ { 名称: null, 类型: '滨水公园', 面积: '', 年度: 2024, note: '500 done' },
];
const FIELDS: ColumnDef[] = [
  { key: '名称', type: 'TEXT' },
  { key: '类型', type: 'TEXT' },
  { key: '面积', type: 'REAL' },
  { key: '年度', type: 'INTEGER' },
  { key: 'note', type: 'TEXT' },
];

describe('the paged attribute table in SQLite', () => {
  let tmp: { dir: string; cleanup: () => void };
  let src: TableSource & { close(): void };
  const fids = (query?: TableQuery, offset = 0, limit = 100) => readLayerRows(src, offset, limit, query).fids;

  beforeAll(() => {
    tmp = makeTempDir();
    const file = path.join(tmp.dir, 'parks.gpkg');
    writeLayer(file, 'parks', FIELDS, PARKS.map((p, i) => feature(i, p)));
    src = open(file, 'parks');
  });

  afterAll(() => {
    src?.close();
    tmp?.cleanup();
  });

  it('reads pages in feature-id order with the columns and both totals', () => {
    const page = readLayerRows(src, 0, 3);
    expect(page.columns).toEqual(FIELDS);
    expect(page).toMatchObject({ total: 7, layerTotal: 7, offset: 0, fids: [1, 2, 3] });
    expect(page.rows[0]).toEqual(['南湖公园', '滨水公园', 12000, 2023, 'Lake VIEW']);
    expect(page.rows[1]).toEqual(['月河公园', '口袋公园', 900, 2024, null]);
    expect(readLayerRows(src, 5, 3).fids).toEqual([6, 7]);
    expect(readLayerRows(src, 7, 3)).toMatchObject({ fids: [], rows: [], total: 7, offset: 7 });
    expect(readLayerRows(src, 100, 3).fids).toEqual([]);
  });

  it('sorts numbers numerically with empty cells last and the feature id breaking ties', () => {
    expect(fids({ sortKey: '面积', sortDir: 'asc' })).toEqual([6, 2, 5, 1, 3, 4, 7]);
    expect(fids({ sortKey: '面积', sortDir: 'desc' })).toEqual([3, 1, 2, 5, 6, 4, 7]);
    expect(fids({ sortKey: '年度' })).toEqual([1, 3, 6, 2, 7, 5, 4]);
  });

  it('sorts Chinese text by pinyin (北 bei < 南 nan < 月 yue < 子 zi, then Latin as in the zh collation) with NULL and empty text last', () => {
    const asc = fids({ sortKey: '名称', sortDir: 'asc' });
    expect(asc).toEqual([4, 1, 2, 3, 6, 5, 7]);
    expect(fids({ sortKey: '名称', sortDir: 'desc' })).toEqual([6, 3, 2, 1, 4, 5, 7]);
    expect(readLayerRowIndex(src, 2, { sortKey: '名称' })).toBe(2);
  });

  it('sorts by feature id either way', () => {
    expect(fids({ sortDir: 'desc' })).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(fids({ sortKey: 'fid', sortDir: 'desc' })).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(fids({ sortKey: 'fid', sortDir: 'asc' })).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('searches every column for a substring: Chinese, any case, numbers', () => {
    expect(fids({ search: '子城' })).toEqual([3]);
    expect(fids({ search: '口袋' })).toEqual([2, 4, 6]);
    expect(fids({ search: 'lake view' })).toEqual([1]);
    expect(fids({ search: 'LAKE' })).toEqual([1]);
    expect(fids({ search: '2025' })).toEqual([5]);
    expect(fids({ search: '  子城  ' })).toEqual([3]);
    expect(readLayerRows(src, 0, 10, { search: '公园' }).total).toBe(6);
    expect(readLayerRows(src, 0, 10, { search: '不存在' })).toMatchObject({ total: 0, layerTotal: 7, fids: [] });
  });

  it("takes LIKE's special characters, quotes and backslashes literally", () => {
    expect(likePattern('50%_\\')).toBe('%50\\%\\_\\\\%');
    expect(fids({ search: '50%' })).toEqual([4]);
    expect(fids({ search: '%' })).toEqual([4]);
    expect(fids({ search: '_' })).toEqual([5]);
    expect(fids({ search: "O'Brien" })).toEqual([6]);
    expect(fids({ search: "'" })).toEqual([6]);
    expect(fids({ search: '\\' })).toEqual([6]);
    expect(fids({ search: '"' })).toEqual([]);
  });

  it('filters by values; null (or empty text) matches NULL and empty cells', () => {
    expect(fids({ filters: [{ key: '类型', values: ['口袋公园', '专类公园'] }] })).toEqual([2, 3, 4, 6]);
    expect(fids({ filters: [{ key: '类型', values: [null] }] })).toEqual([5]);
    expect(fids({ filters: [{ key: '名称', values: [null] }] })).toEqual([5, 7]);
    expect(fids({ filters: [{ key: '名称', values: [''] }] })).toEqual([5, 7]);
    expect(fids({ filters: [{ key: '面积', values: [900, null] }] })).toEqual([2, 4, 5, 7]);
    expect(fids({ filters: [{ key: '年度', values: [2023] }] })).toEqual([1, 3, 6]);
    expect(fids({ filters: [{ key: '年度', values: [] }] })).toEqual([]);
  });

  it('combines filters, search and sort', () => {
    const query: TableQuery = {
      sortKey: '面积',
      sortDir: 'desc',
      search: '公园',
      filters: [
        { key: '类型', values: ['口袋公园', '专类公园', '滨水公园'] },
        { key: '年度', values: [2023, null] },
      ],
    };
    const page = readLayerRows(src, 0, 2, query);
    expect(page).toMatchObject({ total: 4, layerTotal: 7, fids: [3, 1] });
    expect(readLayerRows(src, 2, 2, query).fids).toEqual([6, 4]);
    expect(readLayerRows(src, 4, 2, query).fids).toEqual([]);
  });

  it('refuses fields the layer does not have, naming them', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof AtlasError ? { code: err.code, params: err.params, message: err.message } : err;
      }
      return 'not refused';
    };
    expect(refused(() => readLayerRows(src, 0, 10, { sortKey: '高度' }))).toMatchObject({ code: 'invalid_argument', params: { field: '高度', layer: 'parks' } });
    expect(refused(() => readLayerRows(src, 0, 10, { filters: [{ key: 'x" OR 1=1 --', values: [1] }] }))).toMatchObject({
      code: 'invalid_argument',
      params: { field: 'x" OR 1=1 --' },
    });
    expect(refused(() => readLayerRowIndex(src, 1, { sortKey: 'geom' }))).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('"geom"') });
    expect(refused(() => readColumnValues(src, 'nope'))).toMatchObject({ code: 'invalid_argument', params: { field: 'nope' } });
  });

  it('finds every row under every query at the index its page shows it', () => {
    const queries: (TableQuery | undefined)[] = [
      undefined,
      { sortDir: 'desc' },
      { sortKey: '面积', sortDir: 'asc' },
      { sortKey: '面积', sortDir: 'desc' },
      { sortKey: '名称', sortDir: 'desc', search: '园' },
      { sortKey: 'note', filters: [{ key: '类型', values: ['口袋公园', null] }] },
    ];
    for (const query of queries) {
      const order = fids(query);
      for (let fid = 1; fid <= 8; fid++) {
        const at = order.indexOf(fid);
        expect(readLayerRowIndex(src, fid, query), `fid ${fid} in ${JSON.stringify(query)}`).toBe(at < 0 ? null : at);
      }
    }
  });

  it('lists distinct values with counts, most frequent first, empty cells as one null', () => {
    expect(readColumnValues(src, '类型')).toEqual({
      values: [
        { value: '口袋公园', count: 3 },
        { value: '滨水公园', count: 2 },
        { value: '专类公园', count: 1 },
        { value: null, count: 1 },
      ],
      distinct: 4,
    });
    expect(readColumnValues(src, '名称')).toMatchObject({ values: expect.arrayContaining([{ value: null, count: 2 }]), distinct: 6 });
    expect(readColumnValues(src, '面积', 2)).toEqual({ values: [{ value: 900, count: 2 }, { value: null, count: 2 }], distinct: 5 });
    expect(readColumnValues(src, '年度', 1)).toEqual({ values: [{ value: 2023, count: 3 }], distinct: 4 });
  });

  it('sees rows another connection added (the cached order is dropped)', () => {
    const query: TableQuery = { sortKey: '面积', sortDir: 'desc' };
    expect(readLayerRows(src, 0, 1, query)).toMatchObject({ total: 7, fids: [3] });
    const other = open(src.db.name, 'parks');
    try {
      other.db.transaction(() => insertFeatures(other.db, other.table, [feature(8, { 名称: '新公园', 面积: 200000 })]))();
    } finally {
      other.close();
    }
    expect(readLayerRows(src, 0, 1, query)).toMatchObject({ total: 8, layerTotal: 8, fids: [8] });
    expect(readLayerRowIndex(src, 8, query)).toBe(0);
    expect(readLayerRows(src, 0, 100).fids).toHaveLength(8);
    // …and rows this connection deletes.
    src.db.prepare('DELETE FROM parks WHERE fid = 8').run();
    expect(readLayerRows(src, 0, 1, query)).toMatchObject({ total: 7, layerTotal: 7, fids: [3] });
    expect(readLayerRowIndex(src, 8, query)).toBeNull();
  });

  it('works on a read-only connection', () => {
    const ro = open(src.db.name, 'parks', true);
    try {
      expect(readLayerRows(ro, 0, 2, { sortKey: '面积', search: '公园' })).toMatchObject({ total: 6, fids: [6, 2] });
      expect(readLayerRowIndex(ro, 3, { sortKey: '面积' })).toBe(4);
      expect(readColumnValues(ro, '类型').distinct).toBe(4);
    } finally {
      ro.close();
    }
  });
});

describe('the paged attribute table on 100,000 parcels', () => {
  const COUNT = 100_000;
  let tmp: { dir: string; cleanup: () => void };
  let src: TableSource & { close(): void };

  beforeAll(() => {
    tmp = makeTempDir();
    const file = path.join(tmp.dir, 'parcels.gpkg');
    const grid = generateParcelGrid(COUNT);
    const fields = Object.entries(grid.features[0].properties!).map(([key, v]) => ({ key, type: typeof v === 'number' ? 'REAL' : 'TEXT' }));
    writeLayer(file, grid.id, fields, grid.features.map((f) => ({ ...f, geometry: point(0) })));
    src = open(file, grid.id);
  }, 120_000);

  afterAll(() => {
    src?.close();
    tmp?.cleanup();
  });

  /** The whole column, read here only to check the pages against. */
  function column(key: string): { fid: number; v: number | string | null }[] {
    return src.db.prepare(`SELECT fid, "${key}" AS v FROM parcel_grid`).all() as { fid: number; v: number | string | null }[];
  }

  it('pages from the first row to the last', () => {
    const first = readLayerRows(src, 0, 200);
    expect(first).toMatchObject({ total: COUNT, layerTotal: COUNT, offset: 0 });
    expect(first.fids).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(first.rows[0][0]).toBe('JX-G-000001');
    const last = readLayerRows(src, COUNT - 150, 200);
    expect(last.fids).toHaveLength(150);
    expect(last.fids.at(-1)).toBe(COUNT);
    expect(readLayerRowIndex(src, COUNT)).toBe(COUNT - 1);
    expect(readLayerRowIndex(src, 1, { sortDir: 'desc' })).toBe(COUNT - 1);
  });

  it('sorts 100,000 rows and reads a deep page of the order', () => {
    const values = column('投资额');
    const byFid = new Map(values.map((r) => [r.fid, r.v]));
    const expected = values
      .sort((a, b) => (b.v as number) - (a.v as number) || a.fid - b.fid)
      .map((r) => r.fid);
    const query: TableQuery = { sortKey: '投资额', sortDir: 'desc' };
    const page = readLayerRows(src, 50_000, 200, query);
    expect(page.total).toBe(COUNT);
    expect(page.fids).toEqual(expected.slice(50_000, 50_200));
    expect(page.rows.map((r) => r[6])).toEqual(page.fids.map((fid) => byFid.get(fid)));
    expect(readLayerRows(src, COUNT - 200, 200, query).fids).toEqual(expected.slice(-200));
    expect(readLayerRowIndex(src, expected[77_777], query)).toBe(77_777);
  });

  it('searches and filters 100,000 rows', () => {
    const page = readLayerRows(src, 0, 200, { search: '网格地块0999' });
    expect(page.total).toBe(100); // 网格地块099900 … 网格地块099999
    expect(page.fids[0]).toBe(99_900);
    const modes = readColumnValues(src, '更新方式');
    expect(modes.distinct).toBe(3);
    expect(modes.values.reduce((n, v) => n + v.count, 0)).toBe(COUNT);
    const kept = readLayerRows(src, 0, 10, { filters: [{ key: '更新方式', values: ['拆'] }], sortKey: '面积' });
    expect(kept.total).toBe(modes.values.find((v) => v.value === '拆')!.count);
    expect(readColumnValues(src, '名称', 10)).toMatchObject({ distinct: COUNT });
  });
});
