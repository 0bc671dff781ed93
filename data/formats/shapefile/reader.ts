import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { FormatReader, ReadOptions, SourceFile, SourceLayer } from '../types.ts';
import { extractZipEntry, listZip, type ZipEntry } from '../zip/read-zip.ts';
import { findSiblings, groupSets, partOf, type ShapefileSet } from './file-sets.ts';
import { openShapefile } from './layer.ts';

const isZip = (f: SourceFile): boolean => path.extname(f.name).toLowerCase() === '.zip';
/** Parts that make a file set (or zip) ours; a .prj or .cpg alone is not a shapefile. */
const CORE_PARTS = new Set(['shp', 'shx', 'dbf']);

/**
 * Folders that zips were extracted to; removed when the process exits (layers read them until then:
 * SourceLayer has no close()). A process that is killed cannot clean up, so folders of ours older
 * than a day are swept when the next one is made.
 */
const tempDirs = new Set<string>();
const TEMP_PREFIX = 'atlas-shp-';
const STALE_MS = 24 * 3600 * 1000;

function sweepStaleDirs(): void {
  for (const name of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(TEMP_PREFIX))) {
    const dir = path.join(os.tmpdir(), name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function zipTempDir(): string {
  if (tempDirs.size === 0) {
    process.removeListener('exit', removeExtractedZips);
    process.once('exit', removeExtractedZips);
    sweepStaleDirs();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_PREFIX));
  tempDirs.add(dir);
  return dir;
}

/**
 * Removes the folders zips were extracted to. Layers opened from zips can no longer be read after
 * this; call it when an import is done (SourceLayer has no close()). Runs on process exit anyway.
 */
export function removeExtractedZips(): void {
  tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  tempDirs.clear();
}

function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** A zip with a .shp, .shx or .dbf inside, or one so damaged that no reader can list it (we then say why). */
function zipIsOurs(file: SourceFile): boolean {
  try {
    return listZip(file).some((e) => CORE_PARTS.has(partOf(e.name) ?? ''));
  } catch (err) {
    return err instanceof AtlasError && err.code === 'invalid_file';
  }
}

/**
 * The shapefiles in a zip, their parts extracted to a temporary folder (read from there by the
 * layers); messages name them as 'data.zip/export/roads.shp'. Nested folders are kept apart:
 * 'a/roads.shp' and 'b/roads.shp' are two shapefiles.
 */
function setsFromZip(file: SourceFile, dirs: string[]): ShapefileSet[] {
  const entries = listZip(file).filter((e) => partOf(e.name));
  if (!entries.some((e) => CORE_PARTS.has(partOf(e.name) ?? ''))) {
    const names = listZip(file).map((e) => e.name).join(', ') || 'nothing';
    throw new AtlasError('invalid_file', `${file.name} has no .shp (it holds ${names})`, { file: file.name });
  }
  const dir = zipTempDir();
  dirs.push(dir);
  const entryOf = new Map<string, ZipEntry>();
  const sets = groupSets(
    entries,
    (e) => path.posix.basename(e.name),
    (e) => path.posix.dirname(e.name),
    (e) => {
      const extracted = path.join(dir, `${entryOf.size}.${partOf(e.name)}`);
      entryOf.set(extracted, e);
      return { path: extracted, name: `${file.name}/${e.name}` };
    },
  );
  for (const set of sets) for (const part of Object.values(set.parts)) extractZipEntry(file, entryOf.get(part.path)!, part.path);
  return sets;
}

/** Layers for the sets that have a .shp; when none has one, the error of the first. */
function openSets(sets: ShapefileSet[], opts: ReadOptions): SourceLayer[] {
  const complete = sets.filter((s) => s.parts.shp);
  if (complete.length === 0) return [openShapefile(sets[0], opts)];
  const layers = complete.map((s) => openShapefile(s, opts));
  for (const s of sets.filter((x) => !x.parts.shp)) {
    layers[0].notes.push(`${Object.values(s.parts).map((f) => f.name).join(', ')}: no .shp beside them, ignored`);
  }
  return layers;
}

/** Reads ESRI shapefiles, loose (.shp with .shx/.dbf/.prj/.cpg) or zipped, one layer per .shp. */
export const shapefileReader: FormatReader = {
  id: 'shapefile',
  name: { zh: 'Shapefile 文件', en: 'Shapefile' },
  extensions: ['.shp', '.zip', '.dbf', '.shx', '.prj', '.cpg'],

  /**
   * Zips holding a .shp, .shx or .dbf (so a zip without a .shp gets a clear error) or too damaged
   * to list (so it gets one too), and loose
   * shapefile parts grouped by base name with the siblings found beside them in their folder.
   */
  claim(files) {
    const claimed: SourceFile[] = files.filter((f) => isZip(f) && zipIsOurs(f));
    const loose = groupSets(files.filter((f) => !isZip(f)), (f) => f.name, (f) => path.dirname(f.path), (f) => f);
    for (const set of loose) {
      const given = Object.values(set.parts);
      if (!given.some((f) => CORE_PARTS.has(partOf(f.name) ?? ''))) continue;
      claimed.push(...given);
      const known = new Set(given.map((f) => partOf(f.name)));
      for (const sibling of findSiblings(given[0])) {
        if (known.has(partOf(sibling.name))) continue;
        claimed.push(sibling);
        known.add(partOf(sibling.name));
      }
    }
    return claimed.length ? claimed : null;
  },

  async open(files, opts) {
    const dirs: string[] = [];
    try {
      const layers: SourceLayer[] = [];
      for (const zip of files.filter(isZip)) layers.push(...openSets(setsFromZip(zip, dirs), opts));
      const loose = groupSets(files.filter((f) => !isZip(f)), (f) => f.name, (f) => path.dirname(f.path), (f) => f);
      if (loose.length) layers.push(...openSets(loose, opts));
      return layers;
    } catch (err) {
      dirs.forEach(removeTempDir);
      throw err;
    }
  },
};
