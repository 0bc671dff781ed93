import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { AtlasError } from '../../shared/api/errors.ts';
import type { ImportOptions, ImportProblem, ImportResult, ImportTarget } from '../../shared/api/transfer.ts';
import { createTransform, isIdentity, transformGeometry } from '../../shared/crs/transform.ts';
import { checkGeometry } from '../../shared/geometry/index.ts';
import { getKind, isKindId } from '../../shared/layers/registry.ts';
import type { GeometryTypeName } from '../../shared/layers/types.ts';
import { createFeatureTable, describeFeatureTables, FeatureWriter, finishBulkLoad, type FeatureTableInfo } from '../gpkg/feature-table.ts';
import { encodeGeometry, envelopeOf, flatEnvelope, FlatBlobEncoder, type Envelope } from '../gpkg/geometry-blob.ts';
import { newDecodedFeature, type FormatReader, type RawFeature, type SourceLayer } from '../formats/types.ts';
import { addLayerRecord } from '../project/layer-records.ts';
import { openProjectForWrite } from '../project/open-for-write.ts';
import { assertPlausible, chooseCrs, sampleCoordinates } from './crs-choice.ts';
import { fitFlat, flatIsClean, FLAT_TYPE_NAMES, transformFlat } from './flat-geometry.ts';
import { fitGeometry, layerGeometryType } from './geometry-fit.ts';
import { openSource, type OpenedSource } from './open-source.ts';
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
/** Share of the progress bar for a reader's first pass over the source, when it makes one (CSV). */
const FIRST_PASS_SHARE = 0.15;

/**
 * Imports one layer of a source into the project in ONE transaction: a new table (of a kind, with
 * mapped fields, or generic with every attribute) or appended to an existing one. Coordinates are
 * reprojected to WGS84, geometries checked and fixed; bad features are skipped and reported when the
 * user chose so, else the import stops. Cancel or any error rolls back: the project is as it was.
 */
export async function runImport(
  req: ImportRequest,
  readers: readonly FormatReader[],
  progress: ImportProgress,
  signal: AbortSignal,
  opened?: OpenedSource,
): Promise<ImportResult> {
  // A reader's first pass (a CSV's header, types and count) fills the start of the progress bar.
  let scanned = false;
  // A caller that has opened the source already (the CLI, for its notes) passes it: one read less.
  const source =
    opened ??
    (await openSource(req.files, req.options, readers, signal, (fraction) => {
      scanned = true;
      progress(0, null, FIRST_PASS_SHARE * fraction);
    }));
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
    const base = scanned ? FIRST_PASS_SHARE : 0;
    const rest: ImportProgress = (processed, total, fraction) => progress(processed, total, base + (1 - base) * fraction);
    return await writeLayer(db, req, layer, toWgs, rest, signal);
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
  const title = uniqueTitle(db, target.title);
  createFeatureTable(db, { table: id, geometryType, fields: columns, identifier: title, bulk: true, description: `${kind.name.zh} / ${kind.name.en} — imported from ${path.basename(req.files[0])}` });
  addLayerRecord(db, id, kind.id, title);
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
    const writer = new FeatureWriter(db, plan.table);
    const srsId = plan.table.srsId;
    const values: (string | number | null)[] = new Array(plan.columns.length);
    /** A column's value from the source's, as the column's type wants it; reports what does not fit. */
    const columnValue = (c: number, raw: unknown, index: number): string | number | null => {
      const col = plan.columns[c];
      const v = convertValue(raw, col.type);
      if (v === undefined) note({ feature: index, kind: 'bad_value', message: `feature ${index}: field ${col.source} = "${String(raw)}" is not a ${col.type.toLowerCase()}; left empty`, fixed: false });
      return v ?? null;
    };
    /** One feature the general way: GeoJSON objects, checkGeometry (fixes, problems), fit, reproject. */
    const importRaw = (f: RawFeature): void => {
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
        return;
      }
      if (checked.problems.some((p) => p.fixed)) fixed++;
      for (let c = 0; c < plan.columns.length; c++) {
        const source = plan.columns[c].source;
        values[c] = source ? columnValue(c, f.properties[source], f.index) : null;
      }
      if (geometry) typesSeen.add(geometry.type);
      const env = geometry ? envelopeOf(geometry) : null;
      writer.add(geometry ? encodeGeometry(geometry, srsId, env) : null, env, values);
      imported++;
    };
    /** Every BATCH features: progress, a turn for the event loop (a cancel message), the cancel. */
    const tick = async (): Promise<void> => {
      const total = layer.countHint ?? null;
      const fraction = layer.sizeBytes && layer.bytesRead ? layer.bytesRead() / layer.sizeBytes : total ? processed / total : 0;
      progress(processed, total, Math.min(1, fraction));
      await new Promise((r) => setImmediate(r));
      if (signal.aborted) throw new AtlasError('cancelled', 'The import was cancelled; the project is unchanged', {});
    };
    if (layer.decoded) {
      // The fast way (GeoJSON): straight from the bytes to the GeoPackage blob, no GeoJSON objects, for
      // every feature that checkGeometry would pass as it is; the others go the general way.
      const row = newDecodedFeature();
      const encoder = new FlatBlobEncoder();
      const env: Envelope = [0, 0, 0, 0];
      const sourceIndex = plan.columns.map((col) => (col.source ? layer.fields.findIndex((f) => f.key === col.source) : -1));
      for await (const batch of layer.decoded(signal)) {
        for (let i = 0; i < batch.size; i++) {
          processed++;
          if (batch.decode(i, row) && flatIsClean(row.geometry) && fitFlat(row.geometry, plan.geometryType)) {
            const g = row.geometry;
            if (toWgs) transformFlat(g, toWgs);
            flatEnvelope(g, env);
            for (let c = 0; c < sourceIndex.length; c++) values[c] = sourceIndex[c] >= 0 ? columnValue(c, row.values[sourceIndex[c]], row.index) : null;
            typesSeen.add(FLAT_TYPE_NAMES[g.type]);
            writer.add(encoder.encode(g, srsId, env), env, values);
            imported++;
          } else importRaw(await batch.raw(i));
          if (processed % BATCH === 0) await tick();
        }
      }
    } else {
      for await (const f of layer.features(signal)) {
        processed++;
        importRaw(f);
        if (processed % BATCH === 0) await tick();
      }
    }
    writer.finish();
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

/** The layer's title, made unique among the project's layers (GeoPackage identifiers are unique): "公园 (2)". */
function uniqueTitle(db: Database.Database, title: string): string {
  const taken = new Set((db.prepare('SELECT identifier FROM gpkg_contents').pluck().all() as (string | null)[]).filter((t) => t !== null));
  let unique = title;
  for (let i = 2; taken.has(unique); i++) unique = `${title} (${i})`;
  return unique;
}
