import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FeatureCollection } from 'geojson';
import type { FeatureDetail, LayerInfo, ProjectInfo } from '../../shared/api/contract.ts';
import type { LayerAttributes } from '../../shared/api/transfer.ts';
import { quoteIdent } from '../gpkg/sql.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { getKind } from '../../shared/layers/registry.ts';
import type { LayerData } from '../../shared/layers/layer-data.ts';
import { createCoreSchema } from '../gpkg/core-schema.ts';
import { createFeatureTable, describeFeatureTables, finishBulkLoad, insertFeatures, readFeature, readFeatures, type FeatureTableInfo } from '../gpkg/feature-table.ts';
import { registerGpkgFunctions } from '../gpkg/sql-functions.ts';
import { migrate, readSchemaVersion, SCHEMA_VERSION } from './app-schema.ts';
import { checkProjectFile } from './file-checks.ts';
import { buildLayerInfos, columnsForKind, describeLayerTables, readLayerRecords, syncLayerRecords } from './layer-records.ts';
import { RunStore } from '../analysis-runs/run-store.ts';
import { writeAtomically } from './atomic-file.ts';

export interface CreateOptions {
  name: string;
  /** Marks the project (in the file and the UI) as synthetic demo data. */
  demo: boolean;
  layers: readonly LayerData[];
  overwrite?: boolean;
}

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
const DEMO_NOTE = '示范数据（虚构）Synthetic demo data, not survey data';

/** One open project file: a GeoPackage with the app's own tables beside the feature tables. */
export class ProjectStore {
  readonly path: string;
  readonly readOnly: boolean;
  private readonly db: Database.Database;
  private tables: FeatureTableInfo[];
  private runStore: RunStore | null = null;

  private constructor(file: string, db: Database.Database, readOnly: boolean) {
    this.path = file;
    this.db = db;
    this.readOnly = readOnly;
    this.tables = describeLayerTables(db);
  }

  /**
   * Opens an existing GeoPackage. A file that is not one, is damaged or is from a newer app version
   * is refused with a readable error and left untouched; a read-only file opens read-only.
   */
  static open(file: string): ProjectStore {
    const abs = path.resolve(file);
    const { readOnly } = checkProjectFile(abs);
    const db = new Database(abs, { readonly: readOnly, fileMustExist: true });
    try {
      registerGpkgFunctions(db);
      db.pragma('foreign_keys = OFF');
      if (readOnly) {
        if (readSchemaVersion(db) > SCHEMA_VERSION) migrate(db, abs); // throws the "newer version" error
      } else {
        migrate(db, abs);
        db.transaction(() => syncLayerRecords(db, describeLayerTables(db)))();
      }
      return new ProjectStore(abs, db, readOnly);
    } catch (err) {
      db.close();
      if (err instanceof AtlasError) throw err;
      throw new AtlasError('corrupt_file', `${path.basename(abs)} cannot be opened: ${(err as Error).message}`, { file: abs });
    }
  }

  /** Writes a new project file (beside the target, then renamed into place: never half-written). */
  static create(file: string, opts: CreateOptions): ProjectStore {
    const abs = path.resolve(file);
    if (fs.existsSync(abs) && !opts.overwrite) {
      throw new AtlasError('file_exists', `${abs} already exists`, { file: abs });
    }
    for (const layer of opts.layers) {
      if (!TABLE_NAME.test(layer.id)) throw new AtlasError('invalid_argument', `Layer id "${layer.id}" is not a valid table name`, { layer: layer.id });
    }
    writeAtomically(abs, (tmp) => {
      const db = new Database(tmp);
      try {
        registerGpkgFunctions(db);
        db.transaction(() => {
          createCoreSchema(db);
          migrate(db, abs);
          setMeta(db, 'name', opts.name);
          setMeta(db, 'demo', opts.demo ? '1' : '0');
          setMeta(db, 'created_at', new Date().toISOString());
          opts.layers.forEach((layer, order) => addLayer(db, layer, order, opts.demo));
        })();
      } finally {
        db.close();
      }
    });
    return ProjectStore.open(abs);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Name, demo flag and layers of the project, bottom layer first. */
  info(): ProjectInfo {
    const layers = this.layers();
    const boxes = layers.map((l) => l.bbox).filter((b): b is [number, number, number, number] => b !== null);
    const bbox: ProjectInfo['bbox'] = boxes.length
      ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
      : null;
    return {
      path: this.path,
      name: this.meta('name') ?? path.basename(this.path, path.extname(this.path)),
      demo: this.meta('demo') === '1',
      schemaVersion: readSchemaVersion(this.db),
      readOnly: this.readOnly,
      layers,
      bbox,
    };
  }

  /** Re-reads the feature tables after another connection changed them (an import in a worker). */
  refresh(): void {
    this.tables = describeLayerTables(this.db);
  }

  /** Every row of a layer's attributes, for the attribute table (compact: one array per feature). */
  attributes(layerId: string): LayerAttributes {
    const t = this.table(layerId);
    const cols = t.columns.map((c) => quoteIdent(c.key));
    const rows = this.db
      .prepare(`SELECT ${quoteIdent(t.idColumn)}${cols.length ? ', ' + cols.join(', ') : ''} FROM ${quoteIdent(t.table)} ORDER BY 1`)
      .raw(true)
      .all() as unknown[][];
    const clean = (v: unknown) => (v instanceof Uint8Array ? null : typeof v === 'bigint' ? Number(v) : (v as string | number | null));
    return { columns: t.columns, fids: rows.map((r) => Number(r[0])), rows: rows.map((r) => r.slice(1).map(clean)) };
  }

  /** A layer's feature table on this connection, for read queries kept in their own modules (table-rows.ts). */
  tableSource(layerId: string): { db: Database.Database; table: FeatureTableInfo } {
    return { db: this.db, table: this.table(layerId) };
  }

  /** The project's saved analysis runs (data/analysis-runs), on this connection. */
  runs(): RunStore {
    return (this.runStore ??= new RunStore(this.db, this.path, this.readOnly));
  }

  layers(): LayerInfo[] {
    return buildLayerInfos(this.db, this.tables);
  }

  /** All features of a layer as GeoJSON (feature `id` = fid). */
  layerGeoJSON(layerId: string): FeatureCollection {
    const table = this.table(layerId);
    if (table.srsId !== 4326 && table.srsId !== 4490 && table.srsId !== 0) {
      throw new AtlasError('unsupported', `Layer "${layerId}" is in EPSG:${table.srsId}; only WGS84/CGCS2000 lon/lat layers can be drawn yet`, {
        layer: layerId,
        srs: table.srsId,
      });
    }
    return readFeatures(this.db, table) as FeatureCollection;
  }

  getFeature(layerId: string, fid: number): FeatureDetail {
    const feature = readFeature(this.db, this.table(layerId), fid);
    if (!feature) throw new AtlasError('not_found', `Layer "${layerId}" has no feature ${fid}`, { layer: layerId, fid });
    return { layerId, fid, properties: feature.properties as FeatureDetail['properties'], geometry: feature.geometry };
  }

  /** Changes a layer's visibility, opacity or title (one transaction). */
  updateLayer(layerId: string, change: { visible?: boolean; opacity?: number; title?: string }): LayerInfo {
    this.table(layerId);
    this.assertWritable();
    this.db.transaction(() => {
      const stmt = this.db.prepare('UPDATE ra_layers SET visible = coalesce(?, visible), opacity = coalesce(?, opacity), title = coalesce(?, title) WHERE table_name = ?');
      stmt.run(change.visible === undefined ? null : change.visible ? 1 : 0, change.opacity ?? null, change.title ?? null, layerId);
    })();
    return this.layers().find((l) => l.id === layerId)!;
  }

  /** Sets the draw order from a list of layer ids, bottom first; every layer must be named once. */
  reorderLayers(order: readonly string[]): LayerInfo[] {
    const ids = new Set(this.tables.map((t) => t.table));
    if (order.length !== ids.size || new Set(order).size !== order.length || !order.every((id) => ids.has(id))) {
      throw new AtlasError('invalid_argument', 'The new layer order must name every layer of the project exactly once', {});
    }
    this.assertWritable();
    this.db.transaction(() => {
      const stmt = this.db.prepare('UPDATE ra_layers SET sort_order = ? WHERE table_name = ?');
      order.forEach((id, i) => stmt.run(i, id));
    })();
    return this.layers();
  }

  /** Adds a layer on top (one transaction). */
  addLayer(layer: LayerData): LayerInfo {
    this.assertWritable();
    if (!TABLE_NAME.test(layer.id)) throw new AtlasError('invalid_argument', `Layer id "${layer.id}" is not a valid table name`, { layer: layer.id });
    if (this.tables.some((t) => t.table.toLowerCase() === layer.id.toLowerCase())) {
      throw new AtlasError('invalid_argument', `The project already has a layer "${layer.id}"`, { layer: layer.id });
    }
    const top = readLayerRecords(this.db).reduce((m, r) => Math.max(m, r.sort_order), -1) + 1;
    this.db.transaction(() => addLayer(this.db, layer, top, false))();
    this.tables = describeLayerTables(this.db);
    return this.layers().find((l) => l.id === layer.id)!;
  }

  /** Copies the project to another file (written beside it and renamed: never half-written). */
  saveAs(target: string, overwrite = false): void {
    const abs = path.resolve(target);
    if (abs === this.path) return;
    if (fs.existsSync(abs) && !overwrite) throw new AtlasError('file_exists', `${abs} already exists`, { file: abs });
    writeAtomically(abs, (tmp) => {
      this.db.prepare('VACUUM INTO ?').run(tmp);
    });
  }

  private table(layerId: string): FeatureTableInfo {
    const t = this.tables.find((x) => x.table === layerId);
    if (!t) throw new AtlasError('not_found', `The project has no layer "${layerId}"`, { layer: layerId });
    return t;
  }

  private meta(key: string): string | undefined {
    if (readSchemaVersion(this.db) === 0) return undefined;
    return (this.db.prepare('SELECT value FROM ra_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  private assertWritable(): void {
    if (this.readOnly) {
      throw new AtlasError('read_only', `${path.basename(this.path)} is read-only; use Save as… to keep changes in a copy`, { file: this.path });
    }
  }
}

function setMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO ra_meta (key, value) VALUES (?, ?)').run(key, value);
}

function addLayer(db: Database.Database, layer: LayerData, order: number, demo: boolean): void {
  const kind = getKind(layer.kind);
  const columns = columnsForKind(kind.id, layer.features);
  createFeatureTable(db, {
    table: layer.id,
    geometryType: kind.geometry,
    fields: columns,
    identifier: layer.title,
    description: demo ? `${kind.name.zh} / ${kind.name.en} — ${DEMO_NOTE}` : `${kind.name.zh} / ${kind.name.en}`,
    bulk: true,
  });
  const info = describeFeatureTables(db).find((t) => t.table === layer.id)!;
  insertFeatures(db, info, layer.features);
  finishBulkLoad(db, info);
  db.prepare('INSERT INTO ra_layers (table_name, kind, title, sort_order) VALUES (?, ?, ?, ?)').run(layer.id, kind.id, layer.title, order);
}
