import type Database from 'better-sqlite3';
import type { LayerRowsPage, TableQuery } from '../../shared/api/analysis-runs.ts';
import type { FeatureTableInfo } from '../gpkg/feature-table.ts';
import { quoteIdent } from '../gpkg/sql.ts';
import { buildQuerySql, checkColumn, keyExpr, type QuerySql, type SqlValue } from './table-query-sql.ts';

/**
 * The paged attribute table, in SQLite: one page of a layer's rows under a sort, search and value
 * filters, where a feature sits in that order, and a column's distinct values. No layer is read into
 * JS: SQLite filters, sorts and counts, and only the asked-for page's cells come back.
 *
 * A sorted or filtered query is run once as `SELECT fid … WHERE … ORDER BY …`; its feature ids (8 bytes
 * a row) are kept, per connection, for the next pages and for row look-ups, until the data changes
 * (`PRAGMA data_version` for other connections' commits, `total_changes()` for this one's). Plain
 * feature-id order needs no list: pages are LIMIT/OFFSET over the primary key.
 */

/** A layer's feature table on an open connection (read-only connections work: nothing is written). */
export interface TableSource {
  db: Database.Database;
  table: FeatureTableInfo;
}

export interface ColumnValues {
  values: { value: string | number | null; count: number }[];
  distinct: number;
}

/** Values shown in the picker when the caller gives no limit. */
export const DEFAULT_VALUE_LIMIT = 1000;

/** Sorted id lists kept per connection (a layer of 1,000,000 rows takes 8 MB). */
const MAX_ORDERS = 4;

interface Cached {
  version: string;
  /** Rows in the layer. */
  layerTotal: number;
  /** Sorted, filtered ids by query key. Map order is the LRU order (oldest first). */
  orders: Map<string, Float64Array>;
}

const caches = new WeakMap<Database.Database, Map<string, Cached>>();

/** A cell as the table shows it: numbers and text as stored, binary data as empty. */
function clean(v: unknown): SqlValue {
  if (v instanceof Uint8Array) return null;
  if (typeof v === 'bigint') return Number(v);
  return v as SqlValue;
}

function count(db: Database.Database, sql: string, params: readonly SqlValue[] = []): number {
  return Number((db.prepare(sql).pluck().get(...params) as number | bigint | undefined) ?? 0);
}

/** What the connection sees of the data right now: changes when anyone commits a change. */
function dataVersion(db: Database.Database): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${db.prepare('SELECT total_changes()').pluck().get() as number}`;
}

/** The table's cache entry for the current data (a fresh one, with its row count, after any change). */
function cacheFor(src: TableSource): Cached {
  const { db, table } = src;
  let perDb = caches.get(db);
  if (!perDb) caches.set(db, (perDb = new Map()));
  const version = dataVersion(db);
  let entry = perDb.get(table.table);
  if (!entry || entry.version !== version) {
    entry = { version, layerTotal: count(db, `SELECT count(*) FROM ${quoteIdent(table.table)}`), orders: new Map() };
    perDb.set(table.table, entry);
  }
  return entry;
}

function sqlOrder(src: TableSource, sql: QuerySql): Float64Array {
  const { db, table } = src;
  const stmt = db.prepare(`SELECT ${quoteIdent(table.idColumn)} FROM ${quoteIdent(table.table)} ${sql.where} ${sql.orderBy}`).pluck();
  return Float64Array.from(stmt.all(...sql.params) as number[]);
}

/** Chinese text sorts by pinyin (as QGIS does under a Chinese locale); digits inside text by number. */
const TEXT_ORDER = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Ids ordered by a text column in the Chinese collation: empty cells last, then the feature id. */
function textOrder(src: TableSource, sql: QuerySql, column: string): Float64Array {
  const { db, table } = src;
  const rows = db
    .prepare(`SELECT ${quoteIdent(table.idColumn)}, ${keyExpr(column)} FROM ${quoteIdent(table.table)} ${sql.where}`)
    .raw(true)
    .all(...sql.params) as [number, string | number | null][];
  const sign = sql.dir === 'desc' ? -1 : 1;
  rows.sort((a, b) => {
    if (a[1] === null || b[1] === null) return a[1] === b[1] ? a[0] - b[0] : a[1] === null ? 1 : -1;
    return sign * TEXT_ORDER.compare(String(a[1]), String(b[1])) || a[0] - b[0];
  });
  return Float64Array.from(rows, (r) => r[0]);
}

/** The query's feature ids in order, from the cache or from one SQL statement. */
function orderedFids(src: TableSource, sql: QuerySql, cached: Cached): Float64Array {
  const hit = cached.orders.get(sql.key);
  if (hit) {
    cached.orders.delete(sql.key);
    cached.orders.set(sql.key, hit);
    return hit;
  }
  const fids = sql.textSort ? textOrder(src, sql, sql.textSort) : sqlOrder(src, sql);
  cached.orders.set(sql.key, fids);
  for (const key of cached.orders.keys()) {
    if (cached.orders.size <= MAX_ORDERS) break;
    cached.orders.delete(key);
  }
  return fids;
}

/** The cells of the rows with these ids, in the ids' order. */
function readCells(src: TableSource, fids: readonly number[]): SqlValue[][] {
  if (fids.length === 0) return [];
  const { db, table } = src;
  const id = quoteIdent(table.idColumn);
  const cols = [id, ...table.columns.map((c) => quoteIdent(c.key))];
  const read = db.prepare(`SELECT ${cols.join(', ')} FROM ${quoteIdent(table.table)} WHERE ${id} IN (SELECT value FROM json_each(?))`).raw(true);
  const byFid = new Map<number, SqlValue[]>();
  for (const r of read.iterate(JSON.stringify(fids)) as Iterable<unknown[]>) byFid.set(Number(r[0]), r.slice(1).map(clean));
  return fids.map((fid) => byFid.get(fid) ?? table.columns.map(() => null));
}

/** Rows `offset … offset + limit` of the layer under `query`, with the total after filtering and the layer's row count. */
export function readLayerRows(src: TableSource, offset: number, limit: number, query?: TableQuery): LayerRowsPage {
  const { db, table } = src;
  const sql = buildQuerySql(table, query);
  const cached = cacheFor(src);
  const columns = table.columns.map((c) => ({ key: c.key, type: c.type }));
  if (sql.byFid) {
    const cols = [quoteIdent(table.idColumn), ...table.columns.map((c) => quoteIdent(c.key))];
    const raw = db
      .prepare(`SELECT ${cols.join(', ')} FROM ${quoteIdent(table.table)} ${sql.orderBy} LIMIT ? OFFSET ?`)
      .raw(true)
      .all(limit, offset) as unknown[][];
    return {
      columns,
      total: cached.layerTotal,
      layerTotal: cached.layerTotal,
      offset,
      fids: raw.map((r) => Number(r[0])),
      rows: raw.map((r) => r.slice(1).map(clean)),
    };
  }
  const order = orderedFids(src, sql, cached);
  const fids = Array.from(order.subarray(Math.min(offset, order.length), Math.min(offset + limit, order.length)));
  return { columns, total: order.length, layerTotal: cached.layerTotal, offset, fids, rows: readCells(src, fids) };
}

/**
 * Where feature `fid` sits in the layer's rows under `query` (0-based), or null when the query filters
 * it out or the layer has no such feature.
 */
export function readLayerRowIndex(src: TableSource, fid: number, query?: TableQuery): number | null {
  const { db, table } = src;
  const sql = buildQuerySql(table, query);
  const cached = cacheFor(src);
  if (sql.byFid) {
    const name = quoteIdent(table.table);
    const id = quoteIdent(table.idColumn);
    if (!db.prepare(`SELECT 1 FROM ${name} WHERE ${id} = ?`).get(fid)) return null;
    return count(db, `SELECT count(*) FROM ${name} WHERE ${id} ${sql.dir === 'desc' ? '>' : '<'} ?`, [fid]);
  }
  const index = orderedFids(src, sql, cached).indexOf(fid);
  return index < 0 ? null : index;
}

/**
 * A column's distinct values with how many rows hold each, most frequent first (then by value, empty
 * last); empty text and NULL count as one empty value (null). `distinct` counts them all, beyond `limit`.
 */
export function readColumnValues(src: TableSource, key: string, limit = DEFAULT_VALUE_LIMIT): ColumnValues {
  const { db, table } = src;
  const k = keyExpr(checkColumn(table, key));
  const name = quoteIdent(table.table);
  // count(*) OVER () runs over the groups: the number of distinct values, in the same pass.
  const rows = db
    .prepare(`SELECT ${k} AS value, count(*) AS n, count(*) OVER () AS d FROM ${name} GROUP BY 1 ORDER BY n DESC, value IS NULL, value LIMIT ?`)
    .raw(true)
    .all(limit) as [unknown, number, number][];
  const values = rows.map(([value, n]) => ({ value: clean(value), count: Number(n) }));
  const distinct = rows.length ? Number(rows[0][2]) : 0;
  return { values, distinct };
}
