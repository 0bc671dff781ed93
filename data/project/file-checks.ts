import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AtlasError } from '../../shared/api/errors.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** What a check of a project file found before the store opens it for real. */
export interface FileCheck {
  readOnly: boolean;
}

/**
 * Checks that `file` is a GeoPackage that can be opened, without writing to it: it exists, is an
 * SQLite database, passes SQLite's quick_check, and has gpkg_contents. Says whether it is writable.
 */
export function checkProjectFile(file: string): FileCheck {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AtlasError('not_found', `${file}: no such file`, { file });
  }
  if (!stat.isFile()) throw new AtlasError('not_a_geopackage', `${file} is a folder, not a GeoPackage file`, { file });
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  let read = 0;
  try {
    read = fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || head.toString('latin1') !== SQLITE_MAGIC) {
    throw new AtlasError('not_a_geopackage', `${name} is not a GeoPackage: it is not an SQLite database`, { file });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AtlasError('corrupt_file', `${name} is damaged: ${String(check)}`, { file, detail: String(check) });
    const contents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'").get();
    if (!contents) {
      throw new AtlasError('not_a_geopackage', `${name} is an SQLite database but not a GeoPackage (no gpkg_contents table)`, { file });
    }
  } catch (err) {
    if (err instanceof AtlasError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new AtlasError('corrupt_file', `${name} is damaged and cannot be read: ${detail}`, { file, detail });
  } finally {
    db?.close();
  }
  // No write bit counts as read-only even for root, who may write anyway: the user marked it so.
  return { readOnly: (stat.mode & 0o222) === 0 || !isWritable(file) };
}

function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    // SQLite writes its rollback journal beside the file.
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
