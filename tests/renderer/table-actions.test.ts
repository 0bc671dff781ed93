import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtlasApi } from '../../shared/api/contract.ts';
import { createCoreSchema } from '../../data/gpkg/core-schema.ts';
import { createFeatureTable, describeFeatureTables, finishBulkLoad, insertFeatures } from '../../data/gpkg/feature-table.ts';
import { registerGpkgFunctions } from '../../data/gpkg/sql-functions.ts';
import { readColumnValues, readLayerRowIndex, readLayerRows, type TableSource } from '../../data/project/table-rows.ts';
import { setClient } from '../../renderer/api/runtime.ts';
import { loadTable, pickFilterColumn, requestRows, resetTable, revealRow, setTableSearch, toggleSort } from '../../renderer/table/table-actions.ts';
import { rowAt } from '../../renderer/table/table-model.ts';
import { tableStore } from '../../renderer/table/table-store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const COUNT = 5000;
const BASE = 'parks:1:5000';

/**
 * The table's actions against a host made of the real SQLite paging (table-rows.ts) over a GeoPackage,
 * with every answer held until the test releases it, so the order of answers can be played with.
 */
describe('the attribute table reading pages', () => {
  let tmp: { dir: string; cleanup: () => void };
  let src: TableSource;
  let db: Database.Database;
  const calls: string[] = [];
  let held: (() => void)[] = [];
  const hold = <T>(name: string, args: unknown, answer: () => T): Promise<T> => {
    calls.push(`${name} ${JSON.stringify(args)}`);
    return new Promise((resolve, reject) => {
      held.push(() => {
        try {
          resolve(answer());
        } catch (err) {
          reject(err as Error);
        }
      });
    });
  };
  /** Answers every held call (and those they trigger) until the host is idle. */
  const answerAll = async () => {
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setImmediate(r));
      const now = held;
      held = [];
      if (now.length === 0) return;
      for (const answer of now) answer();
    }
  };
  const view = () => tableStore.get().view!;
  const pagesLoaded = () => [...view().pages.keys()].sort((a, b) => a - b);

  beforeAll(() => {
    tmp = makeTempDir();
    db = new Database(path.join(tmp.dir, 'parks.gpkg'));
    registerGpkgFunctions(db);
    db.transaction(() => {
      createCoreSchema(db);
      createFeatureTable(db, { table: 'parks', geometryType: 'POINT', fields: [{ key: '名称', type: 'TEXT' }, { key: '面积', type: 'REAL' }], bulk: true });
      const info = describeFeatureTables(db)[0];
      insertFeatures(
        db,
        info,
        Array.from({ length: COUNT }, (_, i) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [120.7, 30.7] },
          properties: { 名称: i % 10 === 0 ? '南湖公园' : `公园${i + 1}`, 面积: (i * 7919) % COUNT },
        })),
      );
      finishBulkLoad(db, info);
    })();
    src = { db, table: describeFeatureTables(db)[0] };
    setClient({
      layerRows: (a) => hold('layerRows', a, () => readLayerRows(src, a.offset, a.limit, a.query)),
      layerRowIndex: (a) => hold('layerRowIndex', a, () => ({ index: readLayerRowIndex(src, a.fid, a.query) })),
      layerColumnValues: (a) => hold('layerColumnValues', a, () => readColumnValues(src, a.key, a.limit)),
    } as Partial<AtlasApi> as AtlasApi);
  });

  afterAll(() => {
    db?.close();
    tmp?.cleanup();
  });

  beforeEach(async () => {
    vi.useRealTimers();
    resetTable();
    await answerAll();
    calls.length = 0;
  });

  it('opens with the first page only, then reads the pages scrolled to', async () => {
    loadTable('parks', BASE);
    expect(view().ready).toBe(false);
    await answerAll();
    expect(calls).toEqual(['layerRows {"layerId":"parks","offset":0,"limit":200,"query":{}}']);
    expect(view()).toMatchObject({ ready: true, total: COUNT, layerTotal: COUNT });
    expect(rowAt(view().pages, 0)).toEqual({ fid: 1, cells: ['南湖公园', 0] });
    requestRows(3000, 3020);
    requestRows(3001, 3021); // the same pages again: asked once
    await answerAll();
    expect(pagesLoaded()).toEqual([0, 14, 15]);
    expect(calls).toHaveLength(3);
    expect(rowAt(view().pages, 3010)?.fid).toBe(3011);
  });

  it('keeps the old rows on screen until the first page of a new sort arrives', async () => {
    loadTable('parks', BASE);
    await answerAll();
    toggleSort('面积');
    loadTable('parks', BASE);
    expect(view()).toMatchObject({ query: { sortKey: '面积', sortDir: 'asc' }, total: COUNT });
    expect(view().pages.size).toBe(0);
    expect(view().previous?.get(0)?.fids[0]).toBe(1);
    await answerAll();
    expect(view().previous).toBeNull();
    expect(rowAt(view().pages, 0)?.cells[1]).toBe(0);
    expect(rowAt(view().pages, 1)?.cells[1]).toBe(1);
  });

  it('drops the answer to a query that was replaced meanwhile', async () => {
    loadTable('parks', BASE);
    await answerAll();
    toggleSort('面积');
    loadTable('parks', BASE);
    toggleSort('面积'); // descending before the ascending page came back
    loadTable('parks', BASE);
    await answerAll();
    expect(view().query).toEqual({ sortKey: '面积', sortDir: 'desc' });
    expect(rowAt(view().pages, 0)?.cells[1]).toBe(COUNT - 1);
  });

  it('sends the search once typing pauses, and reads again after a search that found nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    loadTable('parks', BASE);
    await answerAll();
    setTableSearch('不存在');
    setTableSearch('不存在的');
    expect(tableStore.get().appliedSearch).toBe('');
    vi.advanceTimersByTime(250);
    expect(tableStore.get().appliedSearch).toBe('不存在的');
    vi.useRealTimers();
    loadTable('parks', BASE);
    await answerAll();
    expect(view()).toMatchObject({ total: 0, layerTotal: COUNT });
    tableStore.set({ appliedSearch: '南湖' });
    loadTable('parks', BASE);
    await answerAll();
    expect(view().total).toBe(COUNT / 10);
    expect(rowAt(view().pages, 1)?.fid).toBe(11);
  });

  it('finds the row of a feature selected on the map, loaded or not', async () => {
    toggleSort('面积');
    loadTable('parks', BASE);
    await answerAll();
    const fid = rowAt(view().pages, 7)!.fid;
    await revealRow(fid);
    expect(tableStore.get().scrollTarget).toMatchObject({ fid, index: 7 });
    expect(calls.filter((c) => c.startsWith('layerRowIndex'))).toEqual([]);
    const far = readLayerRows(src, 4321, 1, { sortKey: '面积', sortDir: 'asc' }).fids[0];
    const revealed = revealRow(far);
    await answerAll();
    await revealed;
    expect(tableStore.get().scrollTarget).toMatchObject({ fid: far, index: 4321 });
    expect(calls.filter((c) => c.startsWith('layerRowIndex'))).toHaveLength(1);
  });

  it('filters by the most frequent value of the column picked', async () => {
    loadTable('parks', BASE);
    await answerAll();
    const picked = pickFilterColumn('parks', BASE, '名称');
    await answerAll();
    await picked;
    expect(tableStore.get().filter).toEqual({ key: '名称', value: '南湖公园' });
    expect(tableStore.get().filterValues).toMatchObject({ key: '名称', distinct: COUNT - COUNT / 10 + 1 });
    loadTable('parks', BASE);
    await answerAll();
    expect(view()).toMatchObject({ total: COUNT / 10, query: { filters: [{ key: '名称', values: ['南湖公园'] }] } });
  });
});
