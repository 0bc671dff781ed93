import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AnalysisFigures, AnalysisLayerName } from '../../shared/analysis/request.ts';
import type { AnalysisRunSummary } from '../../shared/api/analysis-runs.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import type { ExportResult } from '../../shared/api/transfer.ts';
import { geojsonWriter } from '../formats/geojson/index.ts';
import { gpkgWriter } from '../formats/gpkg/writer.ts';
import type { ExportLayer } from '../formats/types.ts';
import { quoteIdent } from '../gpkg/sql.ts';
import { writeAtomically } from '../project/atomic-file.ts';
import { FIGURE_COLUMNS, figureRows, figuresCsv } from './figure-rows.ts';
import { layerFileName } from './run-tables.ts';

export type RunExportFormat = 'geojson' | 'gpkg' | 'csv';

/** What an export reads of a run: its summary, figures and result layers (streamed from the project). */
export interface RunExportSource {
  summary: AnalysisRunSummary;
  figures: AnalysisFigures;
  layers: { name: AnalysisLayerName; layer: ExportLayer; count: number }[];
}

function checkTargets(files: string[], overwrite: boolean): void {
  for (const f of files) {
    if (!fs.existsSync(path.dirname(f))) throw new AtlasError('not_found', `Folder ${path.dirname(f)} does not exist`, { file: f });
    if (fs.existsSync(f) && !overwrite) throw new AtlasError('file_exists', `${f} already exists`, { file: f });
  }
}

/** `<base>-<layer>.geojson` beside `target` for each result layer. */
export function geojsonFiles(target: string, layers: readonly AnalysisLayerName[]): string[] {
  const ext = path.extname(target);
  const base = /^\.(geo)?json$/i.test(ext) ? target.slice(0, -ext.length) : target;
  return layers.map((l) => `${base}-${layerFileName(l)}.geojson`);
}

/** Adds the figures and the run's settings as attribute tables to a GeoPackage just written. */
function addFigureTables(file: string, src: RunExportSource): void {
  const db = new Database(file);
  try {
    db.transaction(() => {
      const register = db.prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)");
      db.exec(`CREATE TABLE figures (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ${FIGURE_COLUMNS.map((c) => `${quoteIdent(c.key)} ${c.type}`).join(', ')})`);
      register.run('figures', 'figures', 'Coverage per stage: total, per district and per residential area');
      const insert = db.prepare(`INSERT INTO figures (${FIGURE_COLUMNS.map((c) => quoteIdent(c.key)).join(', ')}) VALUES (${FIGURE_COLUMNS.map(() => '?').join(', ')})`);
      for (const r of figureRows(src.figures)) insert.run(...FIGURE_COLUMNS.map((c) => r[c.key]));
      db.exec('CREATE TABLE run (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL, value TEXT)');
      register.run('run', 'run', 'The analysis run: name, time and settings');
      const s = src.summary;
      const info = db.prepare('INSERT INTO run (key, value) VALUES (?, ?)');
      for (const [k, v] of [['name', s.name], ['created_at', s.createdAt], ['request', JSON.stringify(s.request)], ['distance', String(src.figures.distance ?? '')], ['stale', s.stale ? 'yes' : 'no']]) info.run(k, v);
    })();
  } finally {
    db.close();
  }
}

/**
 * Writes a saved run out. GeoJSON: one file per result layer (`<base>-catchment.geojson`, …);
 * GeoPackage: every result layer plus the attribute tables `figures` and `run`; CSV: the figures table
 * (UTF-8 with BOM). Every file is written beside its target and renamed into place.
 */
export async function exportRun(src: RunExportSource, format: RunExportFormat, target: string, overwrite = false): Promise<ExportResult> {
  const out = path.resolve(target);
  const count = src.layers.reduce((n, l) => n + l.count, 0);
  if (format === 'csv') {
    checkTargets([out], overwrite);
    const rows = figureRows(src.figures);
    writeAtomically(out, (tmp) => fs.writeFileSync(tmp, figuresCsv(rows), 'utf8'));
    return { files: [out], count: rows.length, notes: [] };
  }
  if (format === 'geojson') {
    const files = geojsonFiles(out, src.layers.map((l) => l.name));
    checkTargets(files, overwrite);
    const notes: string[] = [];
    for (const [i, l] of src.layers.entries()) notes.push(...(await geojsonWriter.write([l.layer], files[i], {})).notes);
    return { files, count, notes };
  }
  if (format !== 'gpkg') throw new AtlasError('unsupported_format', `A run exports as geojson, gpkg or csv, not "${String(format)}"`, { format: String(format) });
  checkTargets([out], overwrite);
  const layers = src.layers.map((l) => ({ ...l.layer, name: layerFileName(l.name, '_') }));
  // Layers through the GeoPackage writer into a temporary sibling, the figure tables added, then renamed.
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${Date.now().toString(36)}.run.tmp`);
  try {
    await gpkgWriter.write(layers, tmp, {});
    addFigureTables(tmp, src);
    fs.renameSync(tmp, out);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    if (err instanceof AtlasError) throw err;
    throw new AtlasError('io_error', `Cannot write ${out}: ${(err as Error).message}`, { file: out });
  }
  return { files: [out], count, notes: [] };
}
