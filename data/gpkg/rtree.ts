import type Database from 'better-sqlite3';
import { quoteIdent } from './sql.ts';

const RTREE_DEFINITION = 'http://www.geopackage.org/spec120/#extension_rtree';

/** Name of the R-tree virtual table of a feature table's geometry column (spec F.3). */
export function rtreeName(table: string, column: string): string {
  return `rtree_${table}_${column}`;
}

/**
 * Creates the gpkg_rtree_index extension for one geometry column: the virtual table, its rows for the
 * existing features, and the spec's triggers that keep it in sync (they call ST_* functions that
 * registerGpkgFunctions provides).
 */
export function createRtreeIndex(db: Database.Database, table: string, column: string, idColumn: string): void {
  const t = quoteIdent(table);
  const c = quoteIdent(column);
  const i = quoteIdent(idColumn);
  const r = quoteIdent(rtreeName(table, column));
  const trig = (suffix: string) => quoteIdent(`${rtreeName(table, column)}_${suffix}`);
  const values = (row: 'NEW') => `${row}.${i}, ST_MinX(${row}.${c}), ST_MaxX(${row}.${c}), ST_MinY(${row}.${c}), ST_MaxY(${row}.${c})`;
  db.exec(`
    CREATE VIRTUAL TABLE ${r} USING rtree(id, minx, maxx, miny, maxy);
    INSERT OR REPLACE INTO ${r} SELECT ${i}, ST_MinX(${c}), ST_MaxX(${c}), ST_MinY(${c}), ST_MaxY(${c})
      FROM ${t} WHERE ${c} NOT NULL AND NOT ST_IsEmpty(${c});
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
  db.prepare(
    "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, ?, 'gpkg_rtree_index', ?, 'write-only')",
  ).run(table, column, RTREE_DEFINITION);
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
