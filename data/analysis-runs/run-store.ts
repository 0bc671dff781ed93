import path from 'node:path';
import type Database from 'better-sqlite3';
import type { FeatureCollection } from 'geojson';
import { ANALYSIS_LAYER_NAMES, type AnalysisFigures, type AnalysisLayerName, type AnalysisRequest } from '../../shared/analysis/request.ts';
import type { AnalysisRunDetail, AnalysisRunSummary } from '../../shared/api/analysis-runs.ts';
import type { ExportResult } from '../../shared/api/transfer.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { changedSince, FingerprintCache, type LayerFingerprint } from './fingerprint.ts';
import { inputLayerIds, layerLabel, summaryOf, type RunRow } from './run-rows.ts';
import { countResultTable, dropResultTable, readResultTable, resultExportLayer, writeResultTable } from './result-tables.ts';
import { exportRun, type RunExportFormat } from './export-run.ts';
import { createRunsTable, hasRunsTable, RUNS_TABLE } from './runs-schema.ts';
import { checkFigures } from './check-figures.ts';

/** A finished run as the UI (or the CLI) hands it over for saving. */
export interface SaveRunInput {
  name: string;
  request: AnalysisRequest;
  /** AnalysisFigures from shared/analysis/run-analysis.ts; checked before it is stored. */
  figures: { stages: unknown[] };
  layers: Partial<Record<AnalysisLayerName, { features: unknown[] }>>;
  durationMs?: number;
}

/**
 * The saved analysis runs of one project, on the project store's connection: a row in
 * ra_analysis_runs per run and its result layers as GeoPackage feature tables (ra_run_<id>_<layer>).
 * Every write is one transaction; a read-only project lists and exports runs but refuses changes.
 */
export class RunStore {
  private readonly fingerprints: FingerprintCache;

  constructor(private readonly db: Database.Database, private readonly file: string, private readonly readOnly: boolean) {
    this.fingerprints = new FingerprintCache(db);
  }

  /** Saves a run: its row, its result tables and the fingerprints of the layers it read. */
  save(input: SaveRunInput): AnalysisRunSummary {
    this.assertWritable();
    const name = checkName(input.name);
    const figures = checkFigures(input.figures, input.request);
    if (!input.layers?.catchment || !input.layers.blindSpots) throw new AtlasError('invalid_argument', 'A saved run needs its catchment and blind-spot layers', {});
    const inputs: Record<string, LayerFingerprint> = {};
    for (const id of inputLayerIds(input.request)) {
      const fp = this.fingerprints.get(id);
      if (!fp) throw new AtlasError('not_found', `The run read layer "${id}", which the project does not have`, { layer: id });
      inputs[id] = fp;
    }
    const id = this.db.transaction(() => {
      createRunsTable(this.db);
      const { lastInsertRowid } = this.db
        .prepare(`INSERT INTO ${RUNS_TABLE} (name, created_at, duration_ms, request, figures, inputs) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(name, new Date().toISOString(), input.durationMs ?? null, JSON.stringify(input.request), JSON.stringify(figures), JSON.stringify(inputs));
      const runId = Number(lastInsertRowid);
      const layers = ANALYSIS_LAYER_NAMES.filter((l) => input.layers[l]).map((l) => ({
        name: l,
        table: writeResultTable(this.db, runId, l, input.layers[l] as FeatureCollection, layerLabel(name, runId, l)).table,
      }));
      this.db.prepare(`UPDATE ${RUNS_TABLE} SET layers = ? WHERE id = ?`).run(JSON.stringify(layers), runId);
      return runId;
    })();
    return this.summary(this.row(id));
  }

  /** Every saved run, newest first, with whether its inputs changed since. */
  list(): AnalysisRunSummary[] {
    if (!hasRunsTable(this.db)) return [];
    const rows = this.db.prepare(`SELECT * FROM ${RUNS_TABLE} ORDER BY id DESC`).all() as RunRow[];
    return rows.map((r) => this.summary(r));
  }

  /** One run with its figures and result layers. */
  get(id: number): AnalysisRunDetail {
    const row = this.row(id);
    const summary = this.summary(row);
    const layerData: Partial<Record<AnalysisLayerName, FeatureCollection>> = {};
    for (const l of summary.layers) {
      const fc = readResultTable(this.db, l.table);
      if (fc) layerData[l.name] = fc;
    }
    return { ...summary, figures: JSON.parse(row.figures) as AnalysisFigures, layerData };
  }

  /** Removes a run: its result tables (with R-trees and registrations) and its row, in one transaction. */
  delete(id: number): { runId: number } {
    this.assertWritable();
    const row = this.row(id);
    this.db.transaction(() => {
      for (const l of JSON.parse(row.layers) as { table: string }[]) dropResultTable(this.db, l.table);
      this.db.prepare(`DELETE FROM ${RUNS_TABLE} WHERE id = ?`).run(id);
    })();
    return { runId: id };
  }

  /** Renames a run (and the identifiers of its tables, which QGIS shows). */
  rename(id: number, newName: string): AnalysisRunSummary {
    this.assertWritable();
    const name = checkName(newName);
    const row = this.row(id);
    this.db.transaction(() => {
      this.db.prepare(`UPDATE ${RUNS_TABLE} SET name = ? WHERE id = ?`).run(name, id);
      const setId = this.db.prepare('UPDATE gpkg_contents SET identifier = ? WHERE table_name = ?');
      for (const l of JSON.parse(row.layers) as { name: AnalysisLayerName; table: string }[]) setId.run(layerLabel(name, id, l.name), l.table);
    })();
    return this.summary(this.row(id));
  }

  /** Writes a run out as GeoJSON files, a GeoPackage or a CSV of its figures (see export-run.ts). */
  async export(id: number, format: RunExportFormat, target: string, overwrite = false): Promise<ExportResult> {
    const row = this.row(id);
    const summary = this.summary(row);
    const layers = summary.layers.flatMap((l) => {
      const layer = resultExportLayer(this.db, l.table, l.name);
      return layer ? [{ name: l.name, layer, count: l.featureCount }] : [];
    });
    return exportRun({ summary, figures: JSON.parse(row.figures) as AnalysisFigures, layers }, format, target, overwrite);
  }

  private summary(row: RunRow): AnalysisRunSummary {
    const saved = JSON.parse(row.inputs) as Record<string, LayerFingerprint>;
    const stale = Object.entries(saved).some(([layer, fp]) => changedSince(fp, this.fingerprints.get(layer)));
    const layers = (JSON.parse(row.layers) as { name: AnalysisLayerName; table: string }[]).flatMap((l) => {
      const featureCount = countResultTable(this.db, l.table);
      return featureCount === null ? [] : [{ ...l, featureCount }];
    });
    return summaryOf(row, layers, stale);
  }

  private row(id: number): RunRow {
    const row = hasRunsTable(this.db) ? (this.db.prepare(`SELECT * FROM ${RUNS_TABLE} WHERE id = ?`).get(id) as RunRow | undefined) : undefined;
    if (!row) throw new AtlasError('not_found', `${path.basename(this.file)} has no saved analysis run ${id}`, { runId: id, file: this.file });
    return row;
  }

  private assertWritable(): void {
    if (this.readOnly) {
      throw new AtlasError('read_only', `${path.basename(this.file)} is read-only; use Save as… to keep analysis runs in a copy`, { file: this.file });
    }
  }
}

function checkName(name: unknown): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (!n || n.length > 200) throw new AtlasError('invalid_argument', 'A run needs a name of 1 to 200 characters', {});
  return n;
}
