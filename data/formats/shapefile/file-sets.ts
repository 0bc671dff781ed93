import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../types.ts';

/** The files of a shapefile this reader uses; others beside it (.sbn, .qpj, .shp.xml) are ignored. */
export const PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
export type Part = (typeof PARTS)[number];

/** One shapefile: its files by part, found by base name (extensions in any case). */
export interface ShapefileSet {
  /** Base name of the files, used as the layer name ('parcels'). */
  base: string;
  /** Where the files are, for messages: a folder or 'data.zip/export'. */
  origin: string;
  parts: Partial<Record<Part, SourceFile>>;
}

/** The shapefile part a file name's extension names ('roads.SHP' → 'shp'), or null. */
export function partOf(name: string): Part | null {
  const ext = path.extname(name).slice(1).toLowerCase();
  return (PARTS as readonly string[]).includes(ext) ? (ext as Part) : null;
}

/**
 * Groups files into shapefiles by folder (`folderOf`) and base name, case-insensitively (FOO.SHP
 * and foo.dbf belong together). Files that are not shapefile parts are left out. When two files
 * fill the same part (foo.dbf and FOO.DBF), the first one given wins.
 */
export function groupSets<T>(items: readonly T[], nameOf: (t: T) => string, folderOf: (t: T) => string, toFile: (t: T) => SourceFile): ShapefileSet[] {
  const sets = new Map<string, ShapefileSet>();
  for (const item of items) {
    const name = nameOf(item);
    const part = partOf(name);
    if (!part) continue;
    const base = name.slice(0, name.length - part.length - 1);
    const key = `${folderOf(item)}\0${base.toLowerCase()}`;
    const set = sets.get(key) ?? { base, origin: folderOf(item), parts: {} };
    if (part === 'shp') set.base = base;
    set.parts[part] ??= toFile(item);
    sets.set(key, set);
  }
  return [...sets.values()];
}

/**
 * The parts of the shapefile `file` belongs to that sit beside it in its folder, matched by base
 * name and extension case-insensitively, so that a .shp given alone (e.g. on the command line)
 * finds its .dbf, .shx, .prj and .cpg. An exact-case match is preferred. Never throws.
 */
export function findSiblings(file: SourceFile): SourceFile[] {
  const dir = path.dirname(file.path);
  const own = path.basename(file.path);
  const ownPart = partOf(own);
  if (!ownPart) return [];
  const base = own.slice(0, own.length - ownPart.length - 1);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found = new Map<Part, string>();
  for (const name of names) {
    const part = partOf(name);
    if (!part || part === ownPart || name.slice(0, name.length - part.length - 1).toLowerCase() !== base.toLowerCase()) continue;
    const exact = name === `${base}.${part}` || name === `${base}.${part.toUpperCase()}`;
    if (!found.has(part) || exact) found.set(part, name);
  }
  return [...found.values()].map((name) => ({ path: path.join(dir, name), name }));
}
