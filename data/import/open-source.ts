import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';
import type { ImportOptions } from '../../shared/api/transfer.ts';
import type { FormatReader, SourceFile, SourceLayer } from '../formats/types.ts';

export interface OpenedSource {
  reader: FormatReader;
  files: SourceFile[];
  layers: SourceLayer[];
  /** Files given that the reader did not use (e.g. a README beside a shapefile). */
  unused: string[];
}

/** Source files from paths; the user-facing name is the file name. */
export function toSourceFiles(paths: readonly string[]): SourceFile[] {
  return paths.map((p) => ({ path: path.resolve(p), name: path.basename(p) }));
}

/**
 * Picks the reader that claims the files and opens them. No reader → a message naming the file and
 * the formats that are read. `progress` hears how far a reader's first pass over the source is (a CSV's).
 */
export async function openSource(
  paths: readonly string[],
  options: ImportOptions,
  readers: readonly FormatReader[],
  signal?: AbortSignal,
  progress?: (fraction: number) => void,
): Promise<OpenedSource> {
  const files = toSourceFiles(paths);
  for (const reader of readers) {
    const claimed = reader.claim(files);
    if (!claimed || claimed.length === 0) continue;
    const layers = await reader.open(claimed, { ...options, signal, progress });
    if (layers.length === 0) throw new AtlasError('invalid_file', `${claimed[0].name} holds no layer with features`, { file: claimed[0].name });
    const usedPaths = new Set(claimed.map((f) => f.path));
    return { reader, files: claimed, layers, unused: files.filter((f) => !usedPaths.has(f.path)).map((f) => f.name) };
  }
  const names = files.map((f) => f.name).join(', ');
  const known = [...new Set(readers.flatMap((r) => r.extensions))].join(' ');
  throw new AtlasError('unsupported_format', `${names}: not a format Renewal Atlas reads (it reads ${known})`, { file: names });
}
