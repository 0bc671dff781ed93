import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { SourceFile } from '../types.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The KML bytes of a .kml file, or of a KMZ (a zip): its doc.kml, else the first .kml in it.
 * A KMZ that is no zip or has no .kml is an invalid_file error.
 */
export function readKmlBytes(file: SourceFile): { bytes: Uint8Array; entry?: string } {
  const bytes = new Uint8Array(fs.readFileSync(file.path));
  if (!isZip(bytes)) {
    if (file.name.toLowerCase().endsWith('.kmz')) {
      throw new AtlasError('invalid_file', `${file.name} is not a KMZ: it is not a zip archive`, { file: file.name });
    }
    return { bytes };
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name.toLowerCase().endsWith('.kml') });
  } catch (err) {
    throw new AtlasError('invalid_file', `${file.name} is a damaged zip archive: ${(err as Error).message}`, { file: file.name });
  }
  const names = Object.keys(entries);
  const entry = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  if (!entry) throw new AtlasError('invalid_file', `${file.name} contains no .kml file`, { file: file.name });
  return { bytes: entries[entry], entry };
}
