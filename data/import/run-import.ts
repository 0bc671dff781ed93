import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { AtlasError } from '../../shared/api/errors.ts';
import type { ImportOptions, ImportProblem, ImportResult, ImportTarget } from '../../shared/api/transfer.ts';
import { createTransform, isIdentity, transformGeometry } from '../../shared/crs/transform.ts';
import { checkGeometry } from '../../shared/geometry/index.ts';
import { getKind, isKindId } from '../../shared/layers/registry.ts';
import type { GeometryTypeName } from '../../shared/layers/types.ts';
import { createFeatureTable, describeFeatureTables, finishBulkLoad, insertFeatures, type FeatureTableInfo, type StoredFeature } from '../gpkg/feature-table.ts';
import type { FormatReader, SourceLayer } from '../formats/types.ts';
import { addLayerRecord } from '../project/layer-records.ts';
import { openProjectForWrite } from '../project/open-for-write.ts';
import { assertPlausible, chooseCrs, sampleCoordinates } from './crs-choice.ts';
import { fitGeometry, layerGeometryType } from './geometry-fit.ts';
import { openSource } from './open-source.ts';
import { convertValue, genericColumns, type ColumnPlan } from './target-columns.ts';

export interface ImportRequest {
  projectPath: string;
  files: string[];
  options: ImportOptions;
  layerIndex: number;
  target: ImportTarget;
  skipInvalid: boolean;
}

export interface ImportProgress {
  (processed: number, total: number | null, fraction: number): void;
}

const BATCH = 2000;
const MAX_PROBLEMS = 200;

/**
 * Imports one layer of a source into the project in ONE transaction: a new table (of a kind, with
 * mapped fields, or generic with every attribute) or appended to an existing one. Coordinates are
 * reprojected to WGS84, geometries checked and fixed; bad features are skipped and reported when the
 * user chose so, else the import stops. Cancel or any error rolls back: the project is as it was.
 */
export async function runImport(req: ImportRequest, readers: readonly FormatReader[], progress: ImportProgress, signal: AbortSignal): Promise<ImportResult> {
  const source = await openSource(req.files, req.options, readers, signal);
  const layer = source.layers[req.layerIndex];
  if (!layer) throw new AtlasError('invalid_argument', `The source has ${source.layers.length} layer(s); there is no layer ${req.layerIndex + 1}`, {});
  const db = openProjectForWrite(req.projectPath);
  try {
    // The first features tell the CRS; the import itself reads the source once more, in full.
    const firstGeoms: (Geometry | null)[] = [];
    for await (const f of layer.features(signal)) {
      firstGeoms.push(f.geometry);
      if (firstGeoms.length >= 200) break;
    }
    const sample = sampleCoordinates(firstGeoms);
    const { crs } = chooseCrs(layer, req.options.crs, sample);
    if (!crs) {
      throw new AtlasError('needs_input', `${layer.name} does not say which coordinate system it uses; choose one (e.g. EPSG:4549, gcj02)`, { layer: layer.name });
    }
    assertPlausible(layer.name, sample, crs);
    const toWgs = isIdentity(crs) ? null : createTransform(crs).toWgs84;
    return await writeLayer(db, req, layer, toWgs, progress, signal);
  } finally {
    db.close();
  }
}

interface Plan {
  table: FeatureTableInfo;
  columns: ColumnPlan[];
  geometryType: GeometryTypeName;
}

function planTarget(db: Database.Database, req: ImportRequest, layer: SourceLayer): Plan {
  const target = req.target;
  if (target.mode === 'append') {
    const table = describeFeatureTables(db).find((t) => t.table === target.layerId);
    if (!table) throw new AtlasError('not_found', `The project has no layer "${target.layerId}"`, { layer: target.layerId });
    const columns = table.columns.map((c) => ({ key: c.key, type: c.type as ColumnPlan['type'], source: target.mapping ? target.mapping[c.key] ?? null : layer.fields.some((f) => f.key === c.key) ? c.key : null }));
    return { table, columns, geometryType: table.geometryType as GeometryTypeName };
  }
  if (!isKindId(target.kind)) throw new AtlasError('invalid_argument', `Unknown layer kind "${target.kind}"`, { kind: target.kind });
  const kind = getKind(target.kind);
  const columns: ColumnPlan[] =
    kind.id === 'generic' ? genericColumns(layer) : kind.fields.map((f) => ({ key: f.key, type: f.type, source: target.mapping?.[f.key] ?? null }));
  // A generic layer takes any geometry; its declared type is narrowed once the import has seen them all.
  const geometryType = kind.geometry;
  const id = uniqueTableName(db, layer.name);
  createFeatureTable(db, { table: id, geometryType, fields: columns, identifier: target.title, bulk: true, description: `${kind.name.zh} / ${kind.name.en} — imported from ${path.basename(req.files[0])}` });
  addLayerRecord(db, id, kind.id, target.title);
  const table = describeFeatureTables(db).find((t) => t.table === id)!;
  return { table, columns, geometryType };
}

async function writeLayer(
  db: Database.Database,
  req: ImportRequest,
  layer: SourceLayer,
  toWgs: ((xy: [number, number]) => [number, number]) | null,
  progress: ImportProgress,
  signal: AbortSignal,
): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const note = (p: ImportProblem) => problems.length < MAX_PROBLEMS && problems.push(p);
  let imported = 0;
  let skipped = 0;
  let fixed = 0;
  let processed = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    const plan = planTarget(db, req, layer);
    const typesSeen = new Set<string>();
    let batch: StoredFeature[] = [];
    const flush = () => {
      insertFeatures(db, plan.table, batch);
      batch = [];
    };
    for await (const f of layer.features(signal)) {
      processed++;
      const checked = checkGeometry(f.geometry, f.index);
      let geometry = checked.geometry;
      let ok = checked.valid;
      if (ok && geometry) {
        const fitted = fitGeometry(geometry, plan.geometryType);
        if (!fitted) {
          ok = false;
          checked.problems.push({ feature: f.index, kind: 'unsupported_geometry', message: `feature ${f.index}: a ${geometry.type} cannot go into a ${plan.geometryType} layer`, fixed: false });
        } else geometry = toWgs ? transformGeometry(fitted, toWgs) : fitted;
      }
      checked.problems.forEach(note);
      if (!ok) {
        if (!req.skipInvalid) {
          const first = checked.problems.find((p) => !p.fixed) ?? checked.problems[0];
          throw new AtlasError('invalid_file', `${layer.name}, ${first?.message ?? `feature ${f.index} is invalid`} — nothing was imported; choose to skip invalid features to import the rest`, { file: layer.name, feature: f.index });
        }
        skipped++;
        continue;
      }
      if (checked.problems.some((p) => p.fixed)) fixed++;
      const properties: Record<string, string | number | null> = {};
      for (const col of plan.columns) {
        if (!col.source) continue;
        const raw = f.properties[col.source];
        const v = convertValue(raw, col.type);
        if (v === undefined) note({ feature: f.index, kind: 'bad_value', message: `feature ${f.index}: field ${col.source} = "${String(raw)}" is not a ${col.type.toLowerCase()}; left empty`, fixed: false });
        properties[col.key] = v ?? null;
      }
      if (geometry) typesSeen.add(geometry.type);
      batch.push({ type: 'Feature', geometry, properties });
      imported++;
      if (batch.length >= BATCH) {
        flush();
        const total = layer.countHint ?? null;
        const fraction = layer.sizeBytes && layer.bytesRead ? layer.bytesRead() / layer.sizeBytes : total ? processed / total : 0;
        progress(processed, total, Math.min(1, fraction));
        await new Promise((r) => setImmediate(r));
        if (signal.aborted) throw new AtlasError('cancelled', 'The import was cancelled; the project is unchanged', {});
      }
    }
    if (batch.length) flush();
    finishBulkLoad(db, plan.table);
    if (plan.geometryType === 'GEOMETRY' && req.target.mode === 'new') {
      db.prepare('UPDATE gpkg_geometry_columns SET geometry_type_name = ? WHERE table_name = ?').run(layerGeometryType(typesSeen), plan.table.table);
    }
    if (signal.aborted) throw new AtlasError('cancelled', 'The import was cancelled; the project is unchanged', {});
    db.exec('COMMIT');
    progress(processed, processed, 1);
    return { layerId: plan.table.table, imported, skipped, fixed, problems };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** An ASCII table name from a source name (Chinese names become layer_N), unique in the project. */
function uniqueTableName(db: Database.Database, name: string): string {
  const base = name.normalize('NFKD').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
  const stem = /^[a-z]/.test(base) ? base.slice(0, 50) : `layer${base ? '_' + base.slice(0, 44) : ''}`;
  const taken = new Set((db.prepare("SELECT lower(name) AS n FROM sqlite_master WHERE type IN ('table','view')").all() as { n: string }[]).map((r) => r.n));
  let id = stem;
  for (let i = 2; taken.has(id.toLowerCase()); i++) id = `${stem}_${i}`;
  return id;
}
