import type Database from 'better-sqlite3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AnalysisLayerName } from '../../shared/analysis/request.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import type { GeometryTypeName } from '../../shared/layers/types.ts';
import type { ExportLayer } from '../formats/types.ts';
import { createFeatureTable, describeFeatureTables, finishBulkLoad, insertFeatures, readFeatures, type StoredFeature } from '../gpkg/feature-table.ts';
import { rtreeName } from '../gpkg/rtree.ts';
import { quoteIdent } from '../gpkg/sql.ts';
import { columnsForKind } from '../project/layer-records.ts';
import { runTableName } from './run-tables.ts';

const TYPE_NAMES: Record<string, GeometryTypeName> = {
  Point: 'POINT', MultiPoint: 'MULTIPOINT', LineString: 'LINESTRING', MultiLineString: 'MULTILINESTRING', Polygon: 'POLYGON', MultiPolygon: 'MULTIPOLYGON',
};
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** True when `c` is an array nested `depth` deep ending in positions of finite numbers. */
function validCoordinates(c: unknown, depth: number): boolean {
  if (!Array.isArray(c)) return false;
  if (depth === 0) return c.length >= 2 && c.every((v) => typeof v === 'number' && Number.isFinite(v));
  return c.every((x) => validCoordinates(x, depth - 1));
}

function checkGeometry(g: unknown, where: string): asserts g is Geometry | null {
  if (g === null) return;
  const type = (g as { type?: unknown })?.type;
  if (typeof type !== 'string' || !(type in DEPTH) || !validCoordinates((g as { coordinates?: unknown }).coordinates, DEPTH[type])) {
    throw new AtlasError('invalid_argument', `${where}: the geometry is not a GeoJSON point, line or polygon with numeric coordinates`, {});
  }
}

/** The column type of a layer: its one geometry type, polygons promoted to multipolygons when mixed. */
function layerType(features: StoredFeature[]): GeometryTypeName {
  const kinds = new Set(features.flatMap((f) => (f.geometry ? [f.geometry.type] : [])));
  if (kinds.size === 1) return TYPE_NAMES[[...kinds][0]];
  if (kinds.size === 2 && kinds.has('Polygon') && kinds.has('MultiPolygon')) return 'MULTIPOLYGON';
  return kinds.size === 0 ? 'MULTIPOLYGON' : 'GEOMETRY';
}

function promote(f: StoredFeature, type: GeometryTypeName): StoredFeature {
  const g = f.geometry;
  return type === 'MULTIPOLYGON' && g?.type === 'Polygon' ? { ...f, geometry: { type: 'MultiPolygon', coordinates: [g.coordinates] } } : f;
}

/**
 * Writes one result layer of run `id` as a GeoPackage feature table (EPSG:4326, R-tree with the spec's
 * triggers, registered in gpkg_contents and gpkg_geometry_columns); returns its name and feature count.
 * Properties become columns (types inferred; `fid` and `geom` are reserved and left out). Call inside
 * the transaction of the save.
 */
export function writeResultTable(db: Database.Database, id: number, layer: AnalysisLayerName, fc: FeatureCollection, identifier: string): { table: string; featureCount: number } {
  const table = runTableName(id, layer);
  const features: StoredFeature[] = fc.features.map((f: Feature, i) => {
    checkGeometry(f?.geometry, `Result layer "${layer}", feature ${i + 1}`);
    const properties = f.properties && typeof f.properties === 'object' ? f.properties : {};
    return { type: 'Feature', geometry: f.geometry, properties };
  });
  const type = layerType(features);
  const fields = columnsForKind('generic', features).filter((c) => !['fid', 'geom'].includes(c.key.toLowerCase()));
  createFeatureTable(db, { table, geometryType: type, fields, identifier, description: `Renewal Atlas analysis run ${id}: ${layer}`, bulk: true });
  const info = describeFeatureTables(db).find((t) => t.table === table)!;
  insertFeatures(db, info, features.map((f) => promote(f, type)));
  finishBulkLoad(db, info);
  return { table, featureCount: features.length };
}

/** A result table's features (feature `id` = fid), or null when the table is gone. */
export function readResultTable(db: Database.Database, table: string): FeatureCollection | null {
  const info = describeFeatureTables(db).find((t) => t.table === table);
  return info ? (readFeatures(db, info) as FeatureCollection) : null;
}

/** Number of rows of a result table, or null when it is gone. */
export function countResultTable(db: Database.Database, table: string): number | null {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(table)}`).get() as { n: number }).n : null;
}

/** Drops a result table with its R-tree and every registration of it. Call inside a transaction. */
export function dropResultTable(db: Database.Database, table: string): void {
  const has = (name: string) => Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
  const geomColumns = db.prepare('SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?').all(table) as { column_name: string }[];
  for (const { column_name } of geomColumns) db.exec(`DROP TABLE IF EXISTS ${quoteIdent(rtreeName(table, column_name))}`);
  db.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  for (const meta of ['gpkg_geometry_columns', 'gpkg_extensions', 'gpkg_contents', 'gpkg_ogr_contents', 'gpkg_data_columns']) {
    if (has(meta)) db.prepare(`DELETE FROM ${quoteIdent(meta)} WHERE table_name = ?`).run(table);
  }
}

/** A result table as a layer to export (read whole: result layers are small, and the connection stays free). */
export function resultExportLayer(db: Database.Database, table: string, name: string): ExportLayer | null {
  const info = describeFeatureTables(db).find((t) => t.table === table);
  if (!info) return null;
  const features = readFeatures(db, info).features.map((f) => ({ geometry: f.geometry, properties: f.properties ?? {} }));
  return { name, fields: info.columns, features };
}
