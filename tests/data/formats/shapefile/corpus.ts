import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { ReadOptions, RawFeature, SourceLayer } from '../../../../data/formats/types.ts';
import { removeExtractedZips, shapefileReader } from '../../../../data/formats/shapefile/reader.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

/** The shared real-world corpus (../shared/testdata beside the project), not copied into the repo. */
const TESTDATA = fileURLToPath(new URL('../../../../../shared/testdata/', import.meta.url));

/** Path of a corpus file; throws a message saying what is missing when the corpus is not there. */
export function corpus(...parts: string[]): string {
  if (!fs.existsSync(TESTDATA)) {
    throw new Error(`The shared test corpus is missing: expected it at ${TESTDATA} (see shared/testdata/README.md; CI lays it beside the project)`);
  }
  const file = path.join(TESTDATA, ...parts);
  if (!fs.existsSync(file)) throw new Error(`Corpus file ${file} is missing (see shared/testdata/README.md)`);
  return file;
}

// Zips are extracted to temporary folders that live as long as their layers; vitest's workers are
// stopped without an exit event, so remove them after each test file.
afterAll(() => removeExtractedZips());

/** Opens files the way the import does: claim (which finds siblings), then open. */
export async function openFiles(paths: string[], opts: ReadOptions = {}): Promise<SourceLayer[]> {
  const claimed = shapefileReader.claim(paths.map((p) => ({ path: p, name: path.basename(p) })));
  if (!claimed) throw new Error(`the shapefile reader did not claim ${paths.join(', ')}`);
  return shapefileReader.open(claimed, opts);
}

export async function collect(layer: SourceLayer): Promise<RawFeature[]> {
  const out: RawFeature[] = [];
  for await (const f of layer.features()) out.push(f);
  return out;
}

/**
 * Feature counts per layer as GDAL's `ogrinfo -so` gives them. A shapefile without its .shx is
 * copied to a temporary folder first and read there with SHAPE_RESTORE_SHX: GDAL writes the rebuilt
 * .shx beside the .shp even with -ro (and as root, read-only bits do not stop it), so it must never
 * be pointed at the shared corpus with that option.
 */
export function gdalCounts(file: string): number[] {
  const count = (target: string, restore: boolean): number[] => {
    const args = ['-ro', '-so', '-al', ...(restore ? ['--config', 'SHAPE_RESTORE_SHX', 'YES'] : []), target];
    return [...gdal('ogrinfo', args).matchAll(/Feature Count: (\d+)/g)].map((m) => Number(m[1]));
  };
  const base = file.replace(/\.shp$/i, '');
  if (file.startsWith('/vsi') || !/\.shp$/i.test(file) || fs.existsSync(`${base}.shx`)) return count(file, false);
  const { dir, cleanup } = makeTempDir();
  try {
    for (const ext of ['.shp', '.dbf']) if (fs.existsSync(base + ext)) fs.copyFileSync(base + ext, path.join(dir, `layer${ext}`));
    return count(path.join(dir, 'layer.shp'), true);
  } finally {
    cleanup();
  }
}

/** Attribute rows as GDAL reads them (ogr2ogr to GeoJSON), optionally with an explicit ENCODING. */
export function gdalRows(file: string, encoding?: string): Record<string, unknown>[] {
  const args = ['-f', 'GeoJSON', '/vsistdout/', file, ...(encoding ? ['-oo', `ENCODING=${encoding}`] : [])];
  const json = JSON.parse(gdal('ogr2ogr', args)) as { features: { properties: Record<string, unknown> }[] };
  return json.features.map((f) => f.properties);
}
