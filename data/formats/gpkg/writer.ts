import Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { createTransform, isIdentity, transformGeometry } from '../../../shared/crs/transform.ts';
import type { GeometryTypeName } from '../../../shared/layers/types.ts';
import { createCoreSchema } from '../../gpkg/core-schema.ts';
import { createFeatureTable, describeFeatureTables, finishBulkLoad, insertFeatures, type StoredFeature } from '../../gpkg/feature-table.ts';
import { registerGpkgFunctions } from '../../gpkg/sql-functions.ts';
import { writeAtomically } from '../../project/atomic-file.ts';
import type { ExportLayer, FormatWriter } from '../types.ts';
import { fieldKind } from './field-types.ts';
import { srsForCrs } from './gpkg-srs.ts';

const BATCH = 2000;
const SINGLE_TYPES: Record<string, GeometryTypeName> = {
  Point: 'POINT', LineString: 'LINESTRING', Polygon: 'POLYGON', MultiPoint: 'MULTIPOINT', MultiLineString: 'MULTILINESTRING', MultiPolygon: 'MULTIPOLYGON',
};

/** A table name that is not reserved by GeoPackage / SQLite and not yet used (case-insensitively). */
function tableName(name: string, used: Set<string>): string {
  const base = /^(gpkg_|rtree_|sqlite_)/i.test(name) || !name.trim() ? `layer_${name}` : name;
  let t = base;
  for (let i = 2; used.has(t.toLowerCase()); i++) t = `${base}_${i}`;
  used.add(t.toLowerCase());
  return t;
}

function geometryType(features: readonly StoredFeature[]): GeometryTypeName {
  const kinds = new Set(features.flatMap((f) => (f.geometry ? [f.geometry.type] : [])));
  return kinds.size === 1 ? (SINGLE_TYPES[[...kinds][0]] ?? 'GEOMETRY') : 'GEOMETRY';
}

function writeLayer(db: Database.Database, layer: ExportLayer, table: string, srsId: number, project: ((g: Geometry) => Geometry) | null): void {
  const features: StoredFeature[] = [];
  for (const f of layer.features) {
    features.push({ type: 'Feature', geometry: f.geometry && project ? project(f.geometry) : f.geometry, properties: f.properties });
  }
  const fields = layer.fields.map((f) => ({ key: f.key, type: fieldKind(f.type) }));
  createFeatureTable(db, { table, geometryType: geometryType(features), fields, identifier: table, srsId, bulk: true });
  const info = describeFeatureTables(db).find((t) => t.table === table)!;
  for (let i = 0; i < features.length; i += BATCH) insertFeatures(db, info, features.slice(i, i + BATCH));
  finishBulkLoad(db, info);
}

/**
 * Writes the layers as feature tables of a new GeoPackage (with R-tree indexes), in WGS84 or in
 * `opts.crs` with its gpkg_spatial_ref_sys row; built in a temporary file renamed into place.
 */
export const gpkgWriter: FormatWriter = {
  id: 'gpkg',
  name: { zh: 'GeoPackage', en: 'GeoPackage' },
  extension: '.gpkg',
  async write(layers, outPath, opts) {
    const notes: string[] = [];
    const project = opts.crs && !isIdentity(opts.crs) ? createTransform(opts.crs).fromWgs84 : null;
    writeAtomically(outPath, (tmp) => {
      const db = new Database(tmp);
      try {
        registerGpkgFunctions(db);
        db.transaction(() => {
          createCoreSchema(db);
          const srsId = srsForCrs(db, opts.crs, notes);
          const used = new Set<string>();
          for (const layer of layers) {
            writeLayer(db, layer, tableName(layer.name, used), srsId, project ? (g) => transformGeometry(g, project) : null);
          }
        })();
      } finally {
        db.close();
      }
    });
    return { files: [outPath], notes };
  },
};
