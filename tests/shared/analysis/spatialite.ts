// The GEOS reference for coverage: the same inputs in SpatiaLite (ogr2ogr into a SpatiaLite db in
// EPSG:4549, CGCS2000 / 3-degree Gauss-Kruger CM 120E), buffers and overlay by SQL through the
// `spatialite` CLI (Debian spatialite-bin).
import { spawnSync } from 'node:child_process';
import { gdal } from '../../helpers/gdal.ts';

/** Writes GeoJSON files as tables of one SpatiaLite database in EPSG:4549 (with spatial indexes). */
export function loadSpatialite(db: string, layers: { table: string; file: string }[]): void {
  layers.forEach(({ table, file }, i) => {
    const args = i === 0 ? ['-f', 'SQLite', '-dsco', 'SPATIALITE=YES'] : ['-update'];
    gdal('ogr2ogr', [...args, '-t_srs', 'EPSG:4549', '-nln', table, '-lco', 'GEOMETRY_NAME=geom', db, file]);
  });
}

/** Runs SQL through the spatialite CLI; returns stdout rows split on '|'. */
export function spatialiteSql(db: string, sql: string): string[][] {
  const r = spawnSync('spatialite', ['-silent', db], { input: sql, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`spatialite is not installed (Debian package spatialite-bin): ${r.error.message}`);
  if (r.status !== 0 || /error/i.test(r.stderr)) throw new Error(`spatialite failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split('|'));
}

export interface GeosCoverage {
  residentialArea: number;
  coveredArea: number;
  /** Wall time of the SQL run (buffers, their index, the overlay), ms. */
  ms: number;
}

/**
 * 居住用地覆盖率 in GEOS: buffer the facilities (`where` filters them), index the buffers, then for each
 * residential polygon ST_Intersection with the ST_Union of the buffers the index finds for it.
 */
export function geosCoverage(db: string, o: { residential: string; facilities: string; distance: number; quadrantSegments?: number; where?: string }): GeosCoverage {
  const sql = `
SELECT BufferOptions_SetQuadrantSegments(${o.quadrantSegments ?? 8});
DROP TABLE IF EXISTS buf;
CREATE TABLE buf (id INTEGER PRIMARY KEY);
SELECT AddGeometryColumn('buf', 'geom', 4549, 'GEOMETRY', 'XY');
INSERT INTO buf (geom) SELECT ST_Buffer(geom, ${o.distance}) FROM ${o.facilities} ${o.where ? `WHERE ${o.where}` : ''};
SELECT CreateSpatialIndex('buf', 'geom');
SELECT SUM(ST_Area(r.geom)), SUM(COALESCE((
  SELECT ST_Area(ST_Intersection(r.geom, ST_Union(b.geom))) FROM buf b
  WHERE b.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'buf' AND search_frame = r.geom)), 0))
FROM ${o.residential} r;
`;
  const t0 = performance.now();
  const rows = spatialiteSql(db, sql);
  const ms = performance.now() - t0;
  const last = rows[rows.length - 1];
  return { residentialArea: Number(last[0]), coveredArea: Number(last[1]), ms };
}
