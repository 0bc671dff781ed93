import type Database from 'better-sqlite3';
import { quoteIdent } from './sql.ts';

const RTREE_DEFINITION = 'http://www.geopackage.org/spec120/#extension_rtree';

/** Name of the R-tree virtual table of a feature table's geometry column (spec F.3). */
export function rtreeName(table: string, column: string): string {
  return `rtree_${table}_${column}`;
}

function names(table: string, column: string, idColumn: string) {
  return {
    t: quoteIdent(table),
    c: quoteIdent(column),
    i: quoteIdent(idColumn),
    r: quoteIdent(rtreeName(table, column)),
    trig: (suffix: string) => quoteIdent(`${rtreeName(table, column)}_${suffix}`),
  };
}

/**
 * Creates the gpkg_rtree_index extension for one geometry column: the virtual table, its rows for the
 * existing features, and (unless `withTriggers` is false, for a bulk load that fills the index itself
 * and adds them after with createRtreeTriggers) the spec's triggers that keep it in sync.
 */
export function createRtreeIndex(db: Database.Database, table: string, column: string, idColumn: string, withTriggers = true): void {
  const { t, c, i, r } = names(table, column, idColumn);
  db.exec(`
    CREATE VIRTUAL TABLE ${r} USING rtree(id, minx, maxx, miny, maxy);
    INSERT OR REPLACE INTO ${r} SELECT ${i}, ST_MinX(${c}), ST_MaxX(${c}), ST_MinY(${c}), ST_MaxY(${c})
      FROM ${t} WHERE ${c} NOT NULL AND NOT ST_IsEmpty(${c});
  `);
  if (withTriggers) createRtreeTriggers(db, table, column, idColumn);
  db.prepare(
    "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, ?, 'gpkg_rtree_index', ?, 'write-only')",
  ).run(table, column, RTREE_DEFINITION);
}

/** The spec's triggers (F.3) that keep an R-tree in sync; they call ST_* functions (registerGpkgFunctions). */
export function createRtreeTriggers(db: Database.Database, table: string, column: string, idColumn: string): void {
  const { t, c, i, r, trig } = names(table, column, idColumn);
  const values = (row: 'NEW') => `${row}.${i}, ST_MinX(${row}.${c}), ST_MaxX(${row}.${c}), ST_MinY(${row}.${c}), ST_MaxY(${row}.${c})`;
  db.exec(`
    CREATE TRIGGER ${trig('insert')} AFTER INSERT ON ${t}
      WHEN (NEW.${c} NOT NULL AND NOT ST_IsEmpty(NEW.${c}))
      BEGIN INSERT OR REPLACE INTO ${r} VALUES (${values('NEW')}); END;
    CREATE TRIGGER ${trig('update1')} AFTER UPDATE OF ${c} ON ${t}
      WHEN OLD.${i} = NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
      BEGIN INSERT OR REPLACE INTO ${r} VALUES (${values('NEW')}); END;
    CREATE TRIGGER ${trig('update2')} AFTER UPDATE OF ${c} ON ${t}
      WHEN OLD.${i} = NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
      BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; END;
    CREATE TRIGGER ${trig('update3')} AFTER UPDATE ON ${t}
      WHEN OLD.${i} != NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
      BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; INSERT OR REPLACE INTO ${r} VALUES (${values('NEW')}); END;
    CREATE TRIGGER ${trig('update4')} AFTER UPDATE ON ${t}
      WHEN OLD.${i} != NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
      BEGIN DELETE FROM ${r} WHERE id IN (OLD.${i}, NEW.${i}); END;
    CREATE TRIGGER ${trig('delete')} AFTER DELETE ON ${t}
      WHEN OLD.${c} NOT NULL
      BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; END;
  `);
}

/** True when a geometry column has an R-tree index (files from other tools may have none). */
export function hasRtree(db: Database.Database, table: string, column: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(rtreeName(table, column)));
}

/** True when the R-tree of a column has its sync triggers (a bulk load may not have added them yet). */
export function hasRtreeTriggers(db: Database.Database, table: string, column: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(`${rtreeName(table, column)}_insert`));
}

/** Feature ids whose envelope intersects a bbox, through the R-tree. */
export function rtreeQuery(
  db: Database.Database,
  table: string,
  column: string,
  bbox: [number, number, number, number],
): number[] {
  const r = quoteIdent(rtreeName(table, column));
  const rows = db
    .prepare(`SELECT id FROM ${r} WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?`)
    .all(bbox[0], bbox[2], bbox[1], bbox[3]) as { id: number }[];
  return rows.map((row) => row.id);
}
