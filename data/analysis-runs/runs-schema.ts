import type Database from 'better-sqlite3';

/** The table of saved analysis runs (one row per run; result layers live in ra_run_<id>_* tables). */
export const RUNS_TABLE = 'ra_analysis_runs';

/**
 * Creates ra_analysis_runs and registers it as an attribute table, as ra_meta and ra_layers are, so
 * GDAL and QGIS see it as the app's own non-spatial table. Idempotent; call inside a transaction.
 * `inputs` holds the fingerprint of every input layer at the time of the run; `layers` the result
 * tables ([{ name, table }]).
 */
export function createRunsTable(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${RUNS_TABLE} (
      id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      duration_ms REAL,
      request TEXT NOT NULL,
      figures TEXT NOT NULL,
      inputs TEXT NOT NULL,
      layers TEXT NOT NULL DEFAULT '[]'
    );
  `);
  db.prepare("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)").run(
    RUNS_TABLE,
    'Renewal Atlas: analysis runs',
    'Renewal Atlas saved analysis runs (request, figures, input fingerprints); result layers in ra_run_<id>_* tables',
  );
}

/** True when the file has the runs table (a read-only file from before schema 2 has none). */
export function hasRunsTable(db: Database.Database): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(RUNS_TABLE));
}
