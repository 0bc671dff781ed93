import type Database from 'better-sqlite3';
import { resolveCrs } from '../../crs/index.ts';
import type { CrsDef } from '../../../shared/crs/types.ts';

interface SrsRow {
  srs_name: string;
  organization: string;
  organization_coordsys_id: number;
  definition: string;
}

/** First id for spatial reference systems without an EPSG code (GDAL's convention). */
const CUSTOM_SRS_ID = 100000;

/**
 * The CRS a layer's srs_id stands for in gpkg_spatial_ref_sys: by its EPSG code, else by its WKT
 * definition. The undefined systems (0, -1) and ones the app does not know give null and a note.
 */
export function crsOfSrs(db: Database.Database, srsId: number, notes: string[]): CrsDef | null {
  const row = db
    .prepare('SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?')
    .get(srsId) as SrsRow | undefined;
  if (!row || row.definition.trim().toLowerCase() === 'undefined') {
    if (srsId !== 0 && srsId !== -1) notes.push(`The coordinate system srs_id ${srsId} is not defined in the file; choose it by hand`);
    return null;
  }
  const tries = [row.organization?.toUpperCase() === 'EPSG' ? `EPSG:${row.organization_coordsys_id}` : null, row.definition];
  for (const t of tries) {
    if (!t) continue;
    try {
      return resolveCrs(t);
    } catch {
      // try the definition next
    }
  }
  notes.push(`The coordinate system "${row.srs_name}" (${row.organization}:${row.organization_coordsys_id}) is not one this app knows; choose it by hand`);
  return null;
}

/**
 * The srs_id to write layers in `crs` with, adding its gpkg_spatial_ref_sys row when needed: EPSG
 * codes under their own number (GDAL reads the code), others as custom ids with their WKT. A CRS
 * without WKT (GCJ-02, BD-09) can only be marked "undefined geographic" (0), with a note.
 */
export function srsForCrs(db: Database.Database, crs: CrsDef | undefined, notes: string[]): number {
  if (!crs) return 4326;
  const code = Number(/^EPSG:(\d+)$/.exec(crs.id)?.[1] ?? 0);
  if (code === 4326) return 4326;
  if (!crs.prjWkt && !code) {
    notes.push(`GeoPackage cannot record ${crs.name}; the layers are marked "undefined geographic" (srs_id 0)`);
    return 0;
  }
  const srsId = code || CUSTOM_SRS_ID;
  const exists = db.prepare('SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(srsId);
  if (!exists) {
    db.prepare(
      'INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(crs.name, srsId, code ? 'EPSG' : 'NONE', srsId, crs.prjWkt ?? 'undefined', null);
  }
  return srsId;
}
