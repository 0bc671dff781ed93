import path from 'node:path';
import Database from 'better-sqlite3';
import { AtlasError } from '../../shared/api/errors.ts';
import { registerGpkgFunctions } from '../gpkg/sql-functions.ts';
import { migrate } from './app-schema.ts';
import { checkProjectFile } from './file-checks.ts';

/**
 * A second connection to a project file for long writes (imports in a worker thread): checked like
 * ProjectStore.open, with the GeoPackage SQL functions, and a busy timeout so it waits for readers.
 */
export function openProjectForWrite(file: string): Database.Database {
  const abs = path.resolve(file);
  const { readOnly } = checkProjectFile(abs);
  if (readOnly) throw new AtlasError('read_only', `${path.basename(abs)} is read-only; use Save as… and import into the copy`, { file: abs });
  const db = new Database(abs, { fileMustExist: true, timeout: 10_000 });
  registerGpkgFunctions(db);
  migrate(db, abs);
  return db;
}
