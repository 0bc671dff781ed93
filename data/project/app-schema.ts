import type Database from 'better-sqlite3';
import { AtlasError } from '../../shared/api/errors.ts';
import { createRunsTable } from '../analysis-runs/runs-schema.ts';

/** Version of the app's own tables; bump and add a step to MIGRATIONS when they change. */
export const SCHEMA_VERSION = 2;

/**
 * Steps that take the app tables from version i to i+1. A file written by an older app opens and is
 * brought forward; a GeoPackage from QGIS/GDAL (version 0: no app tables) gets them on first open.
 */
const MIGRATIONS: ((db: Database.Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE ra_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT);
      CREATE TABLE ra_layers (
        table_name TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL DEFAULT 'generic',
        title TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0,
        visible INTEGER NOT NULL DEFAULT 1,
        opacity REAL NOT NULL DEFAULT 1.0,
        style TEXT
      );
    `);
    // Registered as attribute tables (GeoPackage 1.2+, as QGIS does with layer_styles), so GDAL and
    // QGIS see them as the app's own non-spatial tables rather than unknown ones.
    const register = db.prepare("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)");
    register.run('ra_meta', 'Renewal Atlas: project', 'Renewal Atlas project settings (schema version, name, demo flag)');
    register.run('ra_layers', 'Renewal Atlas: layers', 'Renewal Atlas layer records (kind, title, order, visibility, opacity)');
  },
  // 1 → 2: saved analysis runs (issue 4). A read-only file of schema 1 opens as it is and lists no runs.
  (db) => createRunsTable(db),
];

/** The app-schema version a file carries (0 when it has no app tables). */
export function readSchemaVersion(db: Database.Database): number {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ra_meta'").get();
  if (!hasMeta) return 0;
  const row = db.prepare("SELECT value FROM ra_meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/** Brings the app tables to SCHEMA_VERSION in one transaction. */
export function migrate(db: Database.Database, file: string): void {
  const from = readSchemaVersion(db);
  if (from > SCHEMA_VERSION) {
    throw new AtlasError(
      'unsupported',
      `${file} was saved by a newer Renewal Atlas (project schema ${from}; this version reads up to ${SCHEMA_VERSION})`,
      { file, version: from },
    );
  }
  if (from === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) MIGRATIONS[v](db);
    db.prepare("INSERT OR REPLACE INTO ra_meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
  })();
}
