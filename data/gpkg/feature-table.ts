import type Database from 'better-sqlite3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** A feature as stored: its geometry may be null. */
export type StoredFeature = Feature<Geometry | null>;
import type { GeometryTypeName } from '../../shared/layers/types.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { decodeGeometry, encodeGeometry, envelopeOf } from './geometry-blob.ts';
import { createRtreeIndex, createRtreeTriggers, hasRtree, hasRtreeTriggers, rtreeName } from './rtree.ts';
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
  const keys = info.columns.map((c) => c.key);
  const names = [info.geomColumn, ...keys].map(quoteIdent).join(', ');
  const marks = ['?', ...keys.map(() => '?')].join(', ');
  const stmt = db.prepare(`INSERT INTO ${quoteIdent(info.table)} (${names}) VALUES (${marks})`);
  const bulk = hasRtree(db, info.table, info.geomColumn) && !hasRtreeTriggers(db, info.table, info.geomColumn);
  const index = bulk ? db.prepare(`INSERT INTO ${quoteIdent(rtreeName(info.table, info.geomColumn))} VALUES (?, ?, ?, ?, ?)`) : null;
  let env: [number, number, number, number] | null = info.bbox ? [...info.bbox] : null;
  for (const f of features) {
    const e = f.geometry ? envelopeOf(f.geometry) : null;
    const blob = f.geometry ? encodeGeometry(f.geometry, info.srsId, e) : null;
    const props = f.properties ?? {};
    const { lastInsertRowid } = stmt.run(blob, ...keys.map((k) => toSqlValue(props[k])));
    if (index && e) index.run(lastInsertRowid, e[0], e[1], e[2], e[3]);
    if (e) env = env ? [Math.min(env[0], e[0]), Math.min(env[1], e[2]), Math.max(env[2], e[1]), Math.max(env[3], e[3])] : [e[0], e[2], e[1], e[3]];
  }
  if (env) {
    db.prepare(
      "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?",
    ).run(env[0], env[1], env[2], env[3], info.table);
    info.bbox = env;
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
