import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared real-world test data (`../shared/testdata` beside the project), and whether it is there. */
export const TESTDATA = fileURLToPath(new URL('../../../../shared/testdata/', import.meta.url));
export const HAS_TESTDATA = fs.existsSync(TESTDATA);
if (!HAS_TESTDATA) console.warn(`Skipping corpus tests: ${TESTDATA} is missing (see ../shared/testdata/README.md).`);

/** The GeoJSON files of a folder under the test data, sorted. */
export function geojsonFiles(folder: string): string[] {
  const dir = path.join(TESTDATA, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every geometry of a GeoJSON file (FeatureCollection, Feature or bare geometry). */
export function geometriesOf(file: string): unknown[] {
  const g = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (g.type === 'FeatureCollection') return g.features.map((f: { geometry: unknown }) => f.geometry);
  if (g.type === 'Feature') return [g.geometry];
  return [g];
}
