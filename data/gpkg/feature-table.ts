import type Database from 'better-sqlite3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** A feature as stored: its geometry may be null. */
export type StoredFeature = Feature<Geometry | null>;
import type { GeometryTypeName } from '../../shared/layers/types.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { decodeGeometry, encodeGeometry, envelopeOf } from './geometry-blob.ts';
import { createRtreeIndex, createRtreeTriggers, hasRtree, hasRtreeTriggers, rtreeName } from './rtree.ts';
import { RtreeBulkLoader } from './rtree-pack.ts';
import { quoteIdent } from './sql.ts';

export interface ColumnDef {
  key: string;
  type: string;
}

export interface FeatureTableSpec {
  table: string;
  geometryType: GeometryTypeName;
  fields: readonly ColumnDef[];
  identifier?: string;
  description?: string;
  srsId?: number;
  /**
   * Bulk load: leave the R-tree's triggers out; insertFeatures then fills the index itself (no SQL
   * function calls per row, as GDAL does) and finishBulkLoad adds the triggers.
   */
  bulk?: boolean;
}

/** A feature table as read from gpkg_contents / gpkg_geometry_columns and the table itself. */
export interface FeatureTableInfo {
  table: string;
  identifier: string;
  geomColumn: string;
  idColumn: string;
  geometryType: string;
  srsId: number;
  columns: ColumnDef[];
  bbox: [number, number, number, number] | null;
}

const GEOM_COLUMN = 'geom';
const ID_COLUMN = 'fid';
const ALLOWED_TYPES = new Set(['TEXT', 'INTEGER', 'REAL', 'DATE', 'DATETIME', 'BOOLEAN', 'DOUBLE', 'FLOAT', 'BLOB']);

/** Creates an empty feature table, registers it and gives it an R-tree index. Call inside a transaction. */
export function createFeatureTable(db: Database.Database, spec: FeatureTableSpec): void {
  const srsId = spec.srsId ?? 4326;
  const cols = spec.fields.map((f) => {
    const type = f.type.toUpperCase();
    if (!ALLOWED_TYPES.has(type)) throw new AtlasError('invalid_argument', `Field "${f.key}" has unsupported type ${f.type}`);
    return `${quoteIdent(f.key)} ${type}`;
  });
  db.exec(
    `CREATE TABLE ${quoteIdent(spec.table)} (${quoteIdent(ID_COLUMN)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ` +
      `${quoteIdent(GEOM_COLUMN)} ${spec.geometryType}${cols.length ? ', ' + cols.join(', ') : ''})`,
  );
  db.prepare(
    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, 'features', ?, ?, ?)",
  ).run(spec.table, spec.identifier ?? spec.table, spec.description ?? '', srsId);
  db.prepare(
    'INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)',
  ).run(spec.table, GEOM_COLUMN, spec.geometryType, srsId);
  createRtreeIndex(db, spec.table, GEOM_COLUMN, ID_COLUMN, !spec.bulk);
}

function toSqlValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Appends features (properties keyed by column name) and widens the layer's extent. Call inside a
 * transaction. During a bulk load (no R-tree triggers yet) it indexes each row itself.
 */
export function insertFeatures(db: Database.Database, info: FeatureTableInfo, features: readonly StoredFeature[]): void {
  const writer = new FeatureWriter(db, info);
  const keys = info.columns.map((c) => c.key);
  const values: unknown[] = new Array(keys.length);
  for (const f of features) {
    const e = f.geometry ? envelopeOf(f.geometry) : null;
    const blob = f.geometry ? encodeGeometry(f.geometry, info.srsId, e) : null;
    const props = f.properties ?? {};
    for (let i = 0; i < keys.length; i++) values[i] = props[keys[i]];
    writer.add(blob, e, values);
  }
  writer.finish();
}

/** Rows per INSERT statement in a bulk load (fewer statement runs; SQLite allows 32766 variables). */
const ROWS_PER_INSERT = 32;

/**
 * Writes rows into a feature table: one prepared statement, values in `info.columns` order, the
 * layer's extent kept in memory and written by `finish`. During a bulk load (the R-tree has no
 * triggers yet) it gives each row its fid itself, inserts several rows per statement and hands the
 * envelopes to an RtreeBulkLoader, which packs the index at the end. Inside a transaction; call
 * `finish` before committing (nothing is complete before).
 */
export class FeatureWriter {
  private readonly width: number;
  private readonly single: Database.Statement;
  private readonly multi: Database.Statement | null = null;
  private readonly rtree: RtreeBulkLoader | null = null;
  private readonly args: unknown[];
  private rows = 0;
  private nextFid = 0;
  /** Blobs of the rows waiting for the next multi-row statement (the caller may reuse its buffer). */
  private arena = Buffer.allocUnsafe(64 * 1024);
  private arenaUsed = 0;
  private minX = Infinity;
  private maxX = -Infinity;
  private minY = Infinity;
  private maxY = -Infinity;
  private finished = false;

  constructor(
    private readonly db: Database.Database,
    private readonly info: FeatureTableInfo,
  ) {
    const keys = info.columns.map((c) => c.key);
    const bulk = hasRtree(db, info.table, info.geomColumn) && !hasRtreeTriggers(db, info.table, info.geomColumn);
    const table = quoteIdent(info.table);
    if (bulk) {
      const names = [info.idColumn, info.geomColumn, ...keys].map(quoteIdent).join(', ');
      const row = `(${['?', '?', ...keys.map(() => '?')].join(', ')})`;
      this.width = keys.length + 2;
      const perStatement = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(32000 / this.width)));
      this.single = db.prepare(`INSERT INTO ${table} (${names}) VALUES ${row}`);
      if (perStatement > 1) this.multi = db.prepare(`INSERT INTO ${table} (${names}) VALUES ${Array(perStatement).fill(row).join(', ')}`);
      this.args = new Array(this.width * perStatement);
      this.rtree = new RtreeBulkLoader(db, rtreeName(info.table, info.geomColumn));
      // What AUTOINCREMENT would give: past both the largest fid and the sequence.
      const seq = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(info.table) as { seq: number } | undefined;
      const max = db.prepare(`SELECT max(${quoteIdent(info.idColumn)}) AS m FROM ${table}`).get() as { m: number | null };
      this.nextFid = Math.max(seq?.seq ?? 0, max.m ?? 0) + 1;
    } else {
      this.width = keys.length + 1;
      this.single = db.prepare(`INSERT INTO ${table} (${[info.geomColumn, ...keys].map(quoteIdent).join(', ')}) VALUES (${['?', ...keys.map(() => '?')].join(', ')})`);
      this.args = new Array(this.width);
    }
    if (info.bbox) [this.minX, this.minY, this.maxX, this.maxY] = info.bbox;
  }

  /**
   * Adds one row: `blob` a GeoPackage geometry (or null) with its envelope `env` ([minX, maxX, minY,
   * maxY], null when empty), `values` in the order of `info.columns`. Neither is kept.
   */
  add(blob: Uint8Array | null, env: readonly number[] | null, values: readonly unknown[]): void {
    if (env) {
      if (env[0] < this.minX) this.minX = env[0];
      if (env[1] > this.maxX) this.maxX = env[1];
      if (env[2] < this.minY) this.minY = env[2];
      if (env[3] > this.maxY) this.maxY = env[3];
    }
    const args = this.args;
    if (!this.rtree) {
      args[0] = blob;
      for (let i = 0; i < values.length; i++) args[i + 1] = toSqlValue(values[i]);
      this.single.run(args);
      return;
    }
    const fid = this.nextFid++;
    if (env) this.rtree.add(fid, env[0], env[1], env[2], env[3]);
    let o = this.rows * this.width;
    args[o++] = fid;
    args[o++] = blob && this.multi ? this.keep(blob) : blob;
    for (let i = 0; i < values.length; i++) args[o++] = toSqlValue(values[i]);
    if (!this.multi) {
      this.single.run(args);
      return;
    }
    if (++this.rows * this.width === args.length) this.flush();
  }

  /** Ends the writing: the rows still waiting, the R-tree (bulk load), the layer's extent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.rows) {
      for (let r = 0; r < this.rows; r++) this.single.run(this.args.slice(r * this.width, (r + 1) * this.width));
      this.rows = 0;
      this.arenaUsed = 0;
    }
    this.rtree?.finish();
    if (this.minX <= this.maxX) {
      const env: [number, number, number, number] = [this.minX, this.minY, this.maxX, this.maxY];
      this.db
        .prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?")
        .run(env[0], env[1], env[2], env[3], this.info.table);
      this.info.bbox = env;
    }
  }

  private flush(): void {
    this.multi!.run(this.args);
    this.rows = 0;
    this.arenaUsed = 0;
  }

  /** A copy of `blob` that lives until the rows waiting are written. */
  private keep(blob: Uint8Array): Buffer {
    if (this.arenaUsed + blob.length > this.arena.length) {
      // The rows already waiting keep their views of the old arena.
      this.arena = Buffer.allocUnsafe(Math.max(this.arena.length * 2, blob.length * ROWS_PER_INSERT));
      this.arenaUsed = 0;
    }
    const at = this.arenaUsed;
    this.arena.set(blob, at);
    this.arenaUsed += blob.length;
    return this.arena.subarray(at, at + blob.length);
  }
}

interface ContentsRow {
  table_name: string;
  identifier: string | null;
  min_x: number | null;
  min_y: number | null;
  max_x: number | null;
  max_y: number | null;
  column_name: string;
  geometry_type_name: string;
  srs_id: number;
}

/** Every feature table registered in the GeoPackage, with its key, geometry and attribute columns. */
export function describeFeatureTables(db: Database.Database): FeatureTableInfo[] {
  const rows = db
    .prepare(
      `SELECT c.table_name, c.identifier, c.min_x, c.min_y, c.max_x, c.max_y, g.column_name, g.geometry_type_name, g.srs_id
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       WHERE c.data_type = 'features' ORDER BY c.table_name`,
    )
    .all() as ContentsRow[];
  return rows.map((row) => {
    const cols = db.prepare(`PRAGMA table_info(${quoteIdent(row.table_name)})`).all() as {
      name: string;
      type: string;
      pk: number;
    }[];
    if (cols.length === 0) {
      throw new AtlasError('corrupt_file', `Layer "${row.table_name}" is listed in gpkg_contents but its table is missing`, {
        layer: row.table_name,
      });
    }
    const id = cols.find((c) => c.pk === 1)?.name ?? 'rowid';
    const hasBox = row.min_x !== null && row.min_y !== null && row.max_x !== null && row.max_y !== null;
    return {
      table: row.table_name,
      identifier: row.identifier ?? row.table_name,
      geomColumn: row.column_name,
      idColumn: id,
      geometryType: row.geometry_type_name.toUpperCase(),
      srsId: row.srs_id,
      columns: cols.filter((c) => c.name !== id && c.name !== row.column_name).map((c) => ({ key: c.name, type: c.type.toUpperCase() })),
      bbox: hasBox ? [row.min_x!, row.min_y!, row.max_x!, row.max_y!] : null,
    };
  });
}

/** Ends a bulk load: adds the R-tree triggers so later edits (ours, GDAL's, QGIS's) keep it in sync. */
export function finishBulkLoad(db: Database.Database, info: FeatureTableInfo): void {
  if (hasRtree(db, info.table, info.geomColumn) && !hasRtreeTriggers(db, info.table, info.geomColumn)) createRtreeTriggers(db, info.table, info.geomColumn, info.idColumn);
}

/** Number of rows of a feature table. */
export function countFeatures(db: Database.Database, info: FeatureTableInfo): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(info.table)}`).get() as { n: number }).n;
}

function rowToFeature(info: FeatureTableInfo, row: Record<string, unknown>): StoredFeature {
  const properties: Record<string, unknown> = {};
  for (const c of info.columns) {
    const v = row[c.key];
    properties[c.key] = v instanceof Uint8Array ? null : v;
  }
  return {
    type: 'Feature',
    id: Number(row.__fid),
    geometry: decodeGeometry(row.__geom as Uint8Array | null),
    properties,
  };
}

function selectSql(info: FeatureTableInfo): string {
  const cols = info.columns.map((c) => quoteIdent(c.key));
  return `SELECT ${quoteIdent(info.idColumn)} AS __fid, ${quoteIdent(info.geomColumn)} AS __geom${cols.length ? ', ' + cols.join(', ') : ''} FROM ${quoteIdent(info.table)}`;
}

/** All features of a layer as GeoJSON, each with `id` = its feature id. */
export function readFeatures(db: Database.Database, info: FeatureTableInfo): FeatureCollection<Geometry | null> {
  const features: StoredFeature[] = [];
  for (const row of db.prepare(selectSql(info)).iterate()) features.push(rowToFeature(info, row as Record<string, unknown>));
  return { type: 'FeatureCollection', features };
}

/** One feature by id, or null. */
export function readFeature(db: Database.Database, info: FeatureTableInfo, fid: number): StoredFeature | null {
  const row = db.prepare(`${selectSql(info)} WHERE ${quoteIdent(info.idColumn)} = ?`).get(fid);
  return row ? rowToFeature(info, row as Record<string, unknown>) : null;
}


/** Features of a layer one by one (optionally only some ids), without holding the layer in memory. */
export function* iterateFeatures(db: Database.Database, info: FeatureTableInfo, fids?: readonly number[]): Generator<StoredFeature> {
  if (fids) {
    const stmt = db.prepare(`${selectSql(info)} WHERE ${quoteIdent(info.idColumn)} = ?`);
    for (const fid of fids) {
      const row = stmt.get(fid);
      if (row) yield rowToFeature(info, row as Record<string, unknown>);
    }
    return;
  }
  for (const row of db.prepare(selectSql(info)).iterate()) yield rowToFeature(info, row as Record<string, unknown>);
}
