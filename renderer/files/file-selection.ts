import type { DirEntry } from '../../shared/api/contract.ts';
import { extensionOf, stemOf } from './paths.ts';

/** Files that travel with a shapefile's .shp and mean nothing alone. */
export const SHAPEFILE_SIDECARS = ['.shp', '.shx', '.dbf', '.prj', '.cpg', '.qmd', '.sbn', '.sbx'];

/**
 * The picked names after a click on `name`: alone, or added to / removed from the picked ones when
 * the click extends the selection (Ctrl, ⌘ or Shift held) and several files may be picked.
 */
export function clickSelection(selected: readonly string[], name: string, extend: boolean): string[] {
  if (!extend) return [name];
  return selected.includes(name) ? selected.filter((n) => n !== name) : [...selected, name];
}

/**
 * The picked names plus, for each picked .shp, the files of its set lying beside it (.dbf, .shx, .prj,
 * .cpg …), so a shapefile picked alone arrives with its attributes and CRS.
 */
export function withShapefileSiblings(names: readonly string[], entries: readonly DirEntry[]): string[] {
  const out = [...names];
  for (const name of names) {
    if (extensionOf(name) !== '.shp') continue;
    const stem = stemOf(name).toLowerCase();
    for (const e of entries) {
      if (e.type !== 'file' || out.includes(e.name)) continue;
      if (stemOf(e.name).toLowerCase() === stem && SHAPEFILE_SIDECARS.includes(extensionOf(e.name))) out.push(e.name);
    }
  }
  return out;
}
