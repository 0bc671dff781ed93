import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createProjectFile } from '../../electron/api/project-session.ts';
import { runMeasured } from './peak-memory.ts';
import { writePolygonGeoJSON } from './synthetic-geojson.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/bin.mjs');
/** Runs of the 100,000-polygon case, ours and ogr2ogr taking turns; the medians are compared. */
const RUNS = Math.max(1, Number(process.env.BENCH_IMPORT_RUNS ?? 3));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Feature rows in the one feature table of a GeoPackage (a check that both imported everything). */
function rowsIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT table_name AS t FROM gpkg_contents WHERE data_type = 'features'").all() as { t: string }[];
    return tables.reduce((n, { t }) => n + (db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n, 0);
  } finally {
    db.close();
  }
}

async function importBoth(dir: string, label: string, file: string, count: number, runs: number): Promise<void> {
  const ours: { ms: number; peakMB: number }[] = [];
  const gdal: { ms: number; peakMB: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const project = path.join(dir, `${run}.gpkg`);
    createProjectFile(project, 'empty').close();
    const a = await runMeasured(process.execPath, [CLI, 'import', file, '--into', project, '--layer', 'parcels']);
    if (a.code !== 0) throw new Error(`renewal-atlas import failed: ${a.stderr}`);
    const gdalOut = path.join(dir, `${run}-gdal.gpkg`);
    const b = await runMeasured('ogr2ogr', ['-f', 'GPKG', gdalOut, file]);
    if (b.code !== 0) throw new Error(`ogr2ogr failed: ${b.stderr}`);
    for (const [who, out] of [['ours', project], ['ogr2ogr', gdalOut]] as const) {
      const n = rowsIn(out);
      if (n !== count) throw new Error(`${who} wrote ${n} features, not ${count}`);
    }
    ours.push(a);
    gdal.push(b);
    fs.rmSync(project, { force: true });
    fs.rmSync(gdalOut, { force: true });
  }
  const oursMs = median(ours.map((r) => r.ms));
  const gdalMs = median(gdal.map((r) => r.ms));
  const ratio = oursMs / gdalMs;
  const runsNote = runs > 1 ? `, median of ${runs} (ours ${ours.map((r) => (r.ms / 1000).toFixed(1)).join('/')} s, ogr2ogr ${gdal.map((r) => (r.ms / 1000).toFixed(1)).join('/')} s)` : '';
  console.log(
    `${label.padEnd(24)} ours ${(oursMs / 1000).toFixed(1).padStart(6)} s ${Math.max(...ours.map((r) => r.peakMB)).toFixed(0).padStart(6)} MB   ` +
      `ogr2ogr ${(gdalMs / 1000).toFixed(1).padStart(6)} s ${Math.max(...gdal.map((r) => r.peakMB)).toFixed(0).padStart(6)} MB   time ratio ${ratio.toFixed(2)} ${ratio <= 1 ? '(goal met: no slower than GDAL)' : '(goal: ≤ 1.00)'}${runsNote}`,
  );
}

/**
 * GeoJSON import, our CLI beside `ogr2ogr -f GPKG` on the same file in the same run: 100,000
 * polygons, and a ~1 GB file for peak memory (BENCH_BIG_MB=0 skips it). Each time is a whole process,
 * from its start to its exit: for us Node's start, loading the CLI, opening the file (a survey of all
 * of it for the fields), the import in one transaction into an existing project, and the commit; for
 * ogr2ogr its start, GDAL's GeoJSON open (which reads the whole file too) and writing a new GeoPackage.
 */
export async function benchImport(dir: string): Promise<void> {
  // The CLI runs from a bundle of its sources (electron/launch/source-bundle.mjs) that is built on its
  // first run after a change, as ogr2ogr is compiled before it runs: build it now, outside the timings.
  const warm = await runMeasured(process.execPath, [CLI, '--help']);
  if (warm.code !== 0) throw new Error(`renewal-atlas --help failed: ${warm.stderr}`);
  console.log('\nGeoJSON import into a GeoPackage: wall time and peak RSS of each whole process, start to exit');
  console.log(`  ours: node ${path.relative(ROOT, CLI)} import FILE --into an empty project (process start, CLI load, survey, import, commit)`);
  console.log('  ogr2ogr: ogr2ogr -f GPKG NEW.gpkg FILE (process start, GeoJSON open, writing a new file)');
  const small = path.join(dir, 'polygons-100k.geojson');
  const bytes = await writePolygonGeoJSON(small, 100_000);
  await importBoth(dir, `100,000 polygons (${(bytes / 1e6).toFixed(0)} MB)`, small, 100_000, RUNS);
  fs.rmSync(small);
  const bigMB = Number(process.env.BENCH_BIG_MB ?? 1024);
  if (bigMB > 0) {
    const big = path.join(dir, 'polygons-big.geojson');
    const count = Math.round((bigMB * 1e6) / 330);
    const bigBytes = await writePolygonGeoJSON(big, count);
    await importBoth(dir, `${count} polygons (${(bigBytes / 1e9).toFixed(2)} GB)`, big, count, 1);
    fs.rmSync(big);
  }
}
