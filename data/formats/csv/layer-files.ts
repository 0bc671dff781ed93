import path from 'node:path';
import type { ExportLayer } from '../types.ts';

/**
 * Output file of each layer for formats that hold one layer per file: `outPath` itself for a single
 * layer, else `<name>_<layer><ext>` beside it (the naming of data/export for several layers).
 */
export function layerFiles(layers: readonly ExportLayer[], outPath: string): string[] {
  if (layers.length === 1) return [outPath];
  const ext = path.extname(outPath);
  const base = path.join(path.dirname(outPath), path.basename(outPath, ext));
  const used = new Set<string>();
  return layers.map((l) => {
    const safe = l.name.replace(/[\\/:*?"<>|]/g, '_');
    let file = `${base}_${safe}${ext}`;
    for (let i = 2; used.has(file); i++) file = `${base}_${safe}_${i}${ext}`;
    used.add(file);
    return file;
  });
}
