import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AtlasError } from '../../shared/api/errors.ts';
import type { ExportResult } from '../../shared/api/transfer.ts';
import { resolveUserCrs } from '../crs/index.ts';
import { countFeatures, describeFeatureTables, iterateFeatures, type FeatureTableInfo } from '../gpkg/feature-table.ts';
import { registerGpkgFunctions } from '../gpkg/sql-functions.ts';
import type { ExportLayer, FormatWriter } from '../formats/types.ts';

export interface ExportRequest {
  projectPath: string;
  layerIds: string[];
  fids?: number[];
  format: string;
  crs?: string;
  csvGeometry?: 'wkt' | 'lonlat';
  path: string;
  overwrite?: boolean;
}

/**
 * Writes layers of a project with one of the registered writers: all layers into one GeoPackage, or
 * one file per layer for the other formats (named <file>_<layer>.<ext> when there are several).
 */
export async function runExport(req: ExportRequest, writers: readonly FormatWriter[], progress: (processed: number, total: number) => void): Promise<ExportResult> {
  const writer = writers.find((w) => w.id === req.format);
  if (!writer) throw new AtlasError('unsupported_format', `No exporter for "${req.format}"`, { format: req.format });
  if (req.fids && req.layerIds.length !== 1) throw new AtlasError('invalid_argument', 'A selection can be exported from one layer at a time', {});
  const crs = req.crs ? resolveUserCrs(req.crs) : undefined;
  const db = new Database(path.resolve(req.projectPath), { readonly: true, fileMustExist: true });
  try {
    registerGpkgFunctions(db);
    const tables = describeFeatureTables(db);
    const chosen = req.layerIds.map((id) => {
      const t = tables.find((x) => x.table === id);
      if (!t) throw new AtlasError('not_found', `The project has no layer "${id}"`, { layer: id });
      return t;
    });
    const total = req.fids ? req.fids.length : chosen.reduce((n, t) => n + countFeatures(db, t), 0);
    let processed = 0;
    const toExport = (t: FeatureTableInfo): ExportLayer => ({
      name: t.table,
      fields: t.columns,
      features: (function* () {
        for (const f of iterateFeatures(db, t, req.fids)) {
          if (++processed % 1000 === 0) progress(processed, total);
          yield { geometry: f.geometry, properties: f.properties ?? {} };
        }
      })(),
    });
    const groups = writer.id === 'gpkg' || chosen.length === 1 ? [chosen] : chosen.map((t) => [t]);
    const files: string[] = [];
    const notes: string[] = [];
    for (const group of groups) {
      const out = groups.length === 1 ? req.path : siblingPath(req.path, group[0].table, writer.extension);
      if (fs.existsSync(out) && !req.overwrite) throw new AtlasError('file_exists', `${out} already exists`, { file: out });
      const written = await writer.write(group.map(toExport), out, { crs, csvGeometry: req.csvGeometry });
      files.push(...written.files);
      notes.push(...written.notes);
    }
    progress(total, total);
    return { files, count: processed, notes };
  } finally {
    db.close();
  }
}

function siblingPath(target: string, layer: string, ext: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target, path.extname(target));
  return path.join(dir, `${base}_${layer}${ext}`);
}
