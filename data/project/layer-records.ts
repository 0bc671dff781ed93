import type Database from 'better-sqlite3';
import type { LayerInfo } from '../../shared/api/contract.ts';
import { getKind, isKindId } from '../../shared/layers/registry.ts';
import { countFeatures, describeFeatureTables, type FeatureTableInfo } from '../gpkg/feature-table.ts';
import { isRunTable } from '../analysis-runs/run-tables.ts';

export interface LayerRecord {
  table_name: string;
  kind: string;
  title: string;
  sort_order: number;
  visible: number;
  opacity: number;
}

/** The feature tables that are project layers: all but the result tables of saved analysis runs. */
export function describeLayerTables(db: Database.Database): FeatureTableInfo[] {
  return describeFeatureTables(db).filter((t) => !isRunTable(t.table));
}

/**
 * Gives every feature table an app record (a table added by QGIS or ogr2ogr becomes a generic layer on
 * top) and drops records of tables that are gone. Call inside a transaction on a writable file.
 */
export function syncLayerRecords(db: Database.Database, tables: FeatureTableInfo[]): void {
  const layers = tables.filter((t) => !isRunTable(t.table)); // a saved run's result tables are not layers
  const records = readLayerRecords(db);
  const known = new Set(records.map((r) => r.table_name));
  const present = new Set(layers.map((t) => t.table));
  let top = records.reduce((m, r) => Math.max(m, r.sort_order), -1);
  const insert = db.prepare('INSERT INTO ra_layers (table_name, kind, title, sort_order) VALUES (?, ?, ?, ?)');
  for (const t of layers) if (!known.has(t.table)) insert.run(t.table, 'generic', t.identifier, ++top);
  const remove = db.prepare('DELETE FROM ra_layers WHERE table_name = ?');
  for (const r of records) if (!present.has(r.table_name)) remove.run(r.table_name);
}

/** The app's records of layers, bottom first; empty when the file has no app tables yet. */
export function readLayerRecords(db: Database.Database): LayerRecord[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ra_layers'").get();
  if (!has) return [];
  return db.prepare('SELECT * FROM ra_layers ORDER BY sort_order, table_name').all() as LayerRecord[];
}

/** Combines feature tables and app records into what the UI sees, bottom layer first. */
export function buildLayerInfos(db: Database.Database, tables: FeatureTableInfo[]): LayerInfo[] {
  const records = new Map(readLayerRecords(db).map((r) => [r.table_name, r]));
  const infos = tables.map((t, i): LayerInfo => {
    const r = records.get(t.table);
    return {
      id: t.table,
      kind: r && isKindId(r.kind) ? r.kind : 'generic',
      title: r?.title ?? t.identifier,
      geometryType: t.geometryType,
      featureCount: countFeatures(db, t),
      bbox: t.bbox,
      visible: r ? r.visible !== 0 : true,
      opacity: r ? r.opacity : 1,
      order: r ? r.sort_order : 1_000_000 + i,
      fields: t.columns,
    };
  });
  infos.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  infos.forEach((l, i) => (l.order = i));
  return infos;
}

/** Columns of a new layer: the kind's fields, or for a generic layer the union of the data's properties. */
export function columnsForKind(kind: string, sample: readonly { properties: Record<string, unknown> | null }[]) {
  const k = getKind(kind);
  if (k.id !== 'generic') return k.fields.map((f) => ({ key: f.key, type: f.type }));
  const types = new Map<string, string | undefined>();
  for (const f of sample) {
    for (const [key, v] of Object.entries(f.properties ?? {})) {
      const prev = types.get(key);
      if (v === null || v === undefined) {
        if (!types.has(key)) types.set(key, undefined);
        continue;
      }
      const t = typeof v === 'number' ? (Number.isInteger(v) ? 'INTEGER' : 'REAL') : 'TEXT';
      types.set(key, widenType(prev, t));
    }
  }
  return [...types].map(([key, type]) => ({ key, type: type ?? 'TEXT' }));
}

function widenType(prev: string | undefined, next: string): string {
  if (!prev || prev === next) return next;
  if ((prev === 'INTEGER' && next === 'REAL') || (prev === 'REAL' && next === 'INTEGER')) return 'REAL';
  return 'TEXT';
}

/** Records a new layer on top of the others. Call inside the transaction that creates its table. */
export function addLayerRecord(db: Database.Database, table: string, kind: string, title: string): void {
  const top = readLayerRecords(db).reduce((m, r) => Math.max(m, r.sort_order), -1) + 1;
  db.prepare('INSERT INTO ra_layers (table_name, kind, title, sort_order) VALUES (?, ?, ?, ?)').run(table, kind, title, top);
}
