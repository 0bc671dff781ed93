// Shared by the format tests under tests/data/formats/: GDAL as the reference reader, real test data,
// and small helpers to read a SourceLayer whole.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { expect } from 'vitest';
import type { RawFeature, SourceFile, SourceLayer } from '../../data/formats/types.ts';
import { gdal } from './gdal.ts';

const TESTDATA = fileURLToPath(new URL('../../../shared/testdata/', import.meta.url));

/** Path of a file in the shared real-world test data (../shared/testdata); fails clearly when absent. */
export function testdataPath(relative: string): string {
  const p = path.join(TESTDATA, relative);
  if (!existsSync(p)) throw new Error(`Shared test data missing: ${p} (the ../shared/testdata folder beside the project)`);
  return p;
}

/** A SourceFile for a path, named as on disk. */
export function sourceFile(p: string): SourceFile {
  return { path: p, name: path.basename(p) };
}

/** Every feature of a layer, read through its async iterator. */
export async function readAll(layer: SourceLayer): Promise<RawFeature[]> {
  const out: RawFeature[] = [];
  for await (const f of layer.features()) out.push(f);
  return out;
}

/** One layer of a file as GDAL reads it (ogr2ogr to GeoJSON, coordinates left in the file's CRS). */
export function gdalRead(file: string, layer?: string, openOptions: string[] = []): FeatureCollection<Geometry | null> & { name?: string } {
  const oo = openOptions.flatMap((o) => ['-oo', o]);
  const args = ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=15', ...oo, '/vsistdout/', file, ...(layer ? [layer] : [])];
  // The shared gdal() helper keeps Node's 1 MB output limit; whole layers can be larger.
  const r = spawnSync('ogr2ogr', args, { encoding: 'utf8', maxBuffer: 512 << 20 });
  if (r.error) throw new Error(`ogr2ogr could not run (Debian package gdal-bin): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`ogr2ogr ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Layer names as ogrinfo lists them. */
export function gdalLayerNames(file: string): string[] {
  return gdal('ogrinfo', ['-ro', '-q', file])
    .split('\n')
    .map((l) => /^\d+: (.+?)(?: \(.*\))?$/.exec(l.trim())?.[1])
    .filter((n): n is string => Boolean(n));
}

/** `Name: Type` of each field, as `ogrinfo -so` reports them for one layer. */
export function gdalFieldTypes(file: string, layer: string, openOptions: string[] = []): Record<string, string> {
  const oo = openOptions.flatMap((o) => ['-oo', o]);
  const text = gdal('ogrinfo', ['-ro', '-so', ...oo, file, layer]);
  const body = text.split(/^Data axis to CRS axis mapping.*$|^Geometry Column = .*$/m).pop() ?? text;
  const out: Record<string, string> = {};
  for (const line of body.split('\n')) {
    const m = /^(.+): (\w+(?:\(\w+\))?) \(/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

function positions(g: Geometry | null): Position[] {
  if (!g) return [];
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(positions);
  const walk = (c: unknown): Position[] => (typeof (c as unknown[])[0] === 'number' ? [c as Position] : (c as unknown[]).flatMap(walk));
  return walk(g.coordinates);
}

/** Same geometry kind (Multi* of one part may equal its single form) and the same coordinates within `digits`. */
export function expectSameGeometry(ours: Geometry | null, theirs: Geometry | null, digits = 6): void {
  expect(ours === null, 'null geometry').toBe(theirs === null);
  if (!ours || !theirs) return;
  expect(ours.type.replace(/^Multi/, '')).toBe(theirs.type.replace(/^Multi/, ''));
  const a = positions(ours);
  const b = positions(theirs);
  expect(a.length).toBe(b.length);
  const tolerance = 10 ** -digits / 2;
  const off = a.findIndex((p, i) => Math.abs(p[0] - b[i][0]) > tolerance || Math.abs(p[1] - b[i][1]) > tolerance);
  expect(off < 0 ? null : { vertex: off, ours: a[off], theirs: b[off] }).toBeNull();
}

/** Empty text and null are the same missing value; numbers GDAL wrote as text compare as numbers. */
export function sameValue(ours: unknown, theirs: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(ours) || blank(theirs)) return blank(ours) && blank(theirs);
  if (typeof ours === 'number' || typeof theirs === 'number') return Math.abs(Number(ours) - Number(theirs)) < 1e-9 * Math.max(1, Math.abs(Number(ours)));
  if (typeof ours === 'boolean' || typeof theirs === 'boolean') return Number(ours) === Number(theirs);
  return String(ours) === String(theirs);
}

/** Every feature's values of `keys` (ours → GDAL's name) agree, in file order. */
export function expectSameValues(ours: readonly { properties: Record<string, unknown> }[], theirs: readonly Feature<Geometry | null>[], keys: Record<string, string>): void {
  expect(ours.length).toBe(theirs.length);
  ours.forEach((f, i) => {
    for (const [k, gk] of Object.entries(keys)) {
      const a = f.properties[k];
      const b = theirs[i].properties?.[gk];
      expect(sameValue(a, b), `feature ${i} field ${k}: ours ${JSON.stringify(a)}, GDAL ${JSON.stringify(b)}`).toBe(true);
    }
  });
}
