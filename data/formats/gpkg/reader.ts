import path from 'node:path';
import Database from 'better-sqlite3';
import { AtlasError } from '../../../shared/api/errors.ts';
import { countFeatures, describeFeatureTables, iterateFeatures, type FeatureTableInfo } from '../../gpkg/feature-table.ts';
import { checkProjectFile } from '../../project/file-checks.ts';
import { isRunTable } from '../../analysis-runs/run-tables.ts';
import type { FormatReader, RawFeature, SourceFieldType, SourceFile, SourceLayer } from '../types.ts';
import { fieldKind } from './field-types.ts';
import { crsOfSrs } from './gpkg-srs.ts';

function value(v: unknown, type: SourceFieldType): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (type === 'BOOLEAN') return Boolean(Number(v));
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Checks the file read-only; a file that is no (sound) GeoPackage is an invalid_file error under the name the user knows. */
function check(file: SourceFile): void {
  try {
    checkProjectFile(file.path);
  } catch (err) {
    if (!(err instanceof AtlasError)) throw err;
    const message = err.message.split(file.path).join(file.name).split(path.basename(file.path)).join(file.name);
    throw new AtlasError(err.code === 'not_found' ? 'not_found' : 'invalid_file', message, { file: file.name });
  }
}

/**
 * A Renewal Atlas project's saved analysis results (ra_run_<id>_* tables, listed in ra_analysis_runs)
 * belong to its runs, not to its data: they are left out, as the project itself leaves them out of its
 * layers. In any other GeoPackage a table of that name is an ordinary layer.
 */
function isSavedRunResult(db: Database.Database, table: string): boolean {
  if (!isRunTable(table)) return false;
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ra_analysis_runs'").get() !== undefined;
}

function toLayer(file: SourceFile, db: Database.Database, info: FeatureTableInfo): SourceLayer {
  const notes: string[] = [];
  const crs = crsOfSrs(db, info.srsId, notes);
  const fields = info.columns.flatMap((c) => {
    const type = fieldKind(c.type);
    return type === 'BLOB' ? [] : [{ key: c.key, type }];
  });
  if (fields.length < info.columns.length) notes.push('Binary (BLOB) columns are not read');
  return {
    name: info.table,
    crs,
    fields,
    notes,
    countHint: countFeatures(db, info),
    async *features(signal?: AbortSignal): AsyncGenerator<RawFeature> {
      const conn = openReadOnly(file.path);
      let index = 0;
      try {
        for (const f of iterateFeatures(conn, info)) {
          if (signal?.aborted) throw new AtlasError('cancelled', 'Reading was cancelled', {});
          const properties: RawFeature['properties'] = {};
          for (const { key, type } of fields) properties[key] = value(f.properties?.[key], type);
          yield { index: index++, geometry: f.geometry, properties };
        }
      } catch (err) {
        if (err instanceof AtlasError && err.code === 'cancelled') throw err;
        throw new AtlasError('invalid_file', `${file.name}, layer ${info.table}, feature ${index}: ${(err as Error).message}`, {
          file: file.name,
          feature: index,
        });
      } finally {
        conn.close();
      }
    },
  };
}

/**
 * GeoPackage (.gpkg, as QGIS and GDAL write it): every feature table as a layer, in the CRS it
 * declares. The file is only ever opened read-only.
 */
export const gpkgReader: FormatReader = {
  id: 'gpkg',
  name: { zh: 'GeoPackage', en: 'GeoPackage' },
  extensions: ['.gpkg'],
  claim(files) {
    const mine = files.filter((f) => path.extname(f.name).toLowerCase() === '.gpkg');
    return mine.length ? mine : null;
  },
  async open(files) {
    const layers: SourceLayer[] = [];
    for (const file of files) {
      check(file);
      const db = openReadOnly(file.path);
      try {
        const tables = describeFeatureTables(db).filter((t) => !isSavedRunResult(db, t.table));
        if (tables.length === 0) {
          throw new AtlasError('unsupported_format', `${file.name} is a GeoPackage without vector layers (it may hold only tiles or tables)`, { file: file.name });
        }
        layers.push(...tables.map((t) => toLayer(file, db, t)));
      } finally {
        db.close();
      }
    }
    return layers;
  },
};
