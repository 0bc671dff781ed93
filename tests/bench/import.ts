import fs from 'node:fs';
import path from 'node:path';
import { createProjectFile } from '../../electron/api/project-session.ts';
import { runMeasured } from './peak-memory.ts';
import { writePolygonGeoJSON } from './synthetic-geojson.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/bin.mjs');

async function importBoth(dir: string, label: string, file: string): Promise<void> {
  const project = path.join(dir, `${label}.gpkg`);
  createProjectFile(project, 'empty').close();
  const ours = await runMeasured(process.execPath, [CLI, 'import', file, '--into', project, '--layer', 'parcels']);
  if (ours.code !== 0) throw new Error(`renewal-atlas import failed: ${ours.stderr}`);
  const gdalOut = path.join(dir, `${label}-gdal.gpkg`);
  const gdal = await runMeasured('ogr2ogr', ['-f', 'GPKG', gdalOut, file]);
  if (gdal.code !== 0) throw new Error(`ogr2ogr failed: ${gdal.stderr}`);
  const ratio = ours.ms / gdal.ms;
  console.log(
    `${label.padEnd(24)} ours ${(ours.ms / 1000).toFixed(1).padStart(6)} s ${ours.peakMB.toFixed(0).padStart(6)} MB   ` +
      `ogr2ogr ${(gdal.ms / 1000).toFixed(1).padStart(6)} s ${gdal.peakMB.toFixed(0).padStart(6)} MB   time ratio ${ratio.toFixed(2)} ${ratio <= 1 ? '(goal met: no slower than GDAL)' : '(goal: ≤ 1.00)'}`,
  );
  fs.rmSync(project, { force: true });
  fs.rmSync(gdalOut, { force: true });
}

/**
 * GeoJSON import, our CLI beside `ogr2ogr -f GPKG` on the same file in the same run: 100,000
 * polygons, and a ~1 GB file for peak memory (BENCH_BIG_MB=0 skips it).
 */
export async function benchImport(dir: string): Promise<void> {
  console.log('\nGeoJSON import into a GeoPackage (wall time and peak RSS of each process)');
  const small = path.join(dir, 'polygons-100k.geojson');
  const bytes = await writePolygonGeoJSON(small, 100_000);
  await importBoth(dir, `100,000 polygons (${(bytes / 1e6).toFixed(0)} MB)`, small);
  fs.rmSync(small);
  const bigMB = Number(process.env.BENCH_BIG_MB ?? 1024);
  if (bigMB > 0) {
    const big = path.join(dir, 'polygons-big.geojson');
    const count = Math.round((bigMB * 1e6) / 330);
    const bigBytes = await writePolygonGeoJSON(big, count);
    await importBoth(dir, `${count} polygons (${(bigBytes / 1e9).toFixed(2)} GB)`, big);
    fs.rmSync(big);
  }
}
