import type Database from 'better-sqlite3';
import { blobEnvelope, readHeader, decodeGeometry } from './geometry-blob.ts';

/**
 * Registers the ST_* functions that GeoPackage R-tree triggers call (written by us, GDAL or QGIS),
 * so that editing a feature table through this connection keeps the spatial index in sync.
 */
export function registerGpkgFunctions(db: Database.Database): void {
  const env = (blob: unknown, i: number): number | null => {
    if (!(blob instanceof Uint8Array)) return null;
    const e = blobEnvelope(blob);
    return e ? e[i] : null;
  };
  const opts = { deterministic: true, varargs: false };
  db.function('ST_MinX', opts, (b: unknown) => env(b, 0));
  db.function('ST_MaxX', opts, (b: unknown) => env(b, 1));
  db.function('ST_MinY', opts, (b: unknown) => env(b, 2));
  db.function('ST_MaxY', opts, (b: unknown) => env(b, 3));
  db.function('ST_IsEmpty', opts, (b: unknown) => {
    if (!(b instanceof Uint8Array)) return null;
    return readHeader(b).empty || blobEnvelope(b) === null ? 1 : 0;
  });
  db.function('ST_GeometryType', opts, (b: unknown) => {
    if (!(b instanceof Uint8Array)) return null;
    const g = decodeGeometry(b);
    return g ? g.type.toUpperCase() : null;
  });
  db.function('ST_SRID', opts, (b: unknown) => (b instanceof Uint8Array ? readHeader(b).srsId : null));
  // GDAL's geometry-type triggers (gpkg_geometry_type_trigger) call this; allow what the column's type admits.
  db.function('GPKG_IsAssignable', opts, (expected: unknown, actual: unknown) => {
    if (typeof expected !== 'string' || typeof actual !== 'string') return 0;
    const e = expected.toUpperCase();
    const a = actual.toUpperCase();
    if (e === a || e === 'GEOMETRY') return 1;
    if (e === 'GEOMETRYCOLLECTION' && a.startsWith('MULTI')) return 1;
    return 0;
  });
}
