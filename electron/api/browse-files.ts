import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DirEntry, DirListing } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';

/**
 * Lists a folder for the browser-mode file dialog: sub-folders, then files with one of `extensions`
 * (all files when none are given). Hidden entries are left out.
 */
export function browseFiles(dir: string | undefined, fallback: string, extensions?: readonly string[]): DirListing {
  const target = path.resolve(dir ?? fallback ?? os.homedir());
  let names: fs.Dirent[];
  try {
    names = fs.readdirSync(target, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AtlasError('not_found', `Folder ${target} does not exist`, { file: target });
    if (code === 'ENOTDIR') throw new AtlasError('invalid_argument', `${target} is not a folder`, { file: target });
    throw new AtlasError('io_error', `Cannot list ${target}: ${(err as Error).message}`, { file: target });
  }
  const exts = extensions?.map((e) => e.toLowerCase());
  const entries: DirEntry[] = [];
  for (const d of names) {
    if (d.name.startsWith('.')) continue;
    const full = path.join(target, d.name);
    if (d.isDirectory()) entries.push({ name: d.name, path: full, type: 'dir' });
    else if (d.isFile() && (!exts || exts.some((e) => d.name.toLowerCase().endsWith(e)))) {
      let size: number | undefined;
      try {
        size = fs.statSync(full).size;
      } catch {
        size = undefined;
      }
      entries.push({ name: d.name, path: full, type: 'file', size });
    }
  }
  entries.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1));
  const parent = path.dirname(target);
  return { dir: target, parent: parent === target ? null : parent, entries };
}
