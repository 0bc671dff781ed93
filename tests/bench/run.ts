// `npm run bench`: benchmarks with a reference tool run side by side on the same input, printing ratios.
// Never part of `npm test`: timings on shared machines are noisy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectStore } from '../../data/project/project-store.ts';
import { createProjectFile } from '../../electron/api/project-session.ts';
import { generateParcelGrid } from '../../seeds/synthetic/parcel-grid.ts';
import { launchChromium } from '../helpers/browser.ts';
import { measureMapLoad, median } from './map-load.ts';
import { benchImport } from './import.ts';
import { benchCoverage } from './coverage.ts';
import { benchTable } from './table-bench.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PARCELS = Number(process.env.BENCH_PARCELS ?? 100_000);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
  // BENCH_ONLY=import: the GeoJSON import beside ogr2ogr alone (no browser, no build needed).
  if (process.env.BENCH_ONLY === 'import') {
    try {
      await benchImport(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const browser = await launchChromium();
  try {
    // BENCH_ONLY=table: the attribute table alone.
    if (process.env.BENCH_ONLY === 'table') return await benchTable(dir, browser);
    const demo = path.join(dir, 'demo.gpkg');
    createProjectFile(demo, 'demo').close();
    const big = path.join(dir, 'parcels.gpkg');
    let t = performance.now();
    ProjectStore.create(big, { name: 'parcels', demo: true, layers: [generateParcelGrid(PARCELS)] }).close();
    console.log(`generated ${PARCELS} parcels into a GeoPackage in ${(performance.now() - t).toFixed(0)} ms (${(fs.statSync(big).size / 1e6).toFixed(1)} MB)`);

    console.log(`\nmap load: start to drawn idle map, median of ${RUNS} runs (headless Chromium, SwiftShader)`);
    console.log('project                 app (ms)   bare MapLibre (ms)   ratio   goal');
    for (const [name, file] of [['Jiaxing demo', demo], [`${PARCELS} parcels`, big]] as const) {
      t = performance.now();
      const times = await measureMapLoad(browser, file, path.join(dir, 'data'), RUNS);
      const app = median(times.appMs);
      const bare = median(times.bareMs);
      const ratio = app / bare;
      console.log(
        `${name.padEnd(22)} ${app.toFixed(0).padStart(9)} ${bare.toFixed(0).padStart(20)} ${ratio.toFixed(2).padStart(7)}   ${ratio <= 1.5 ? 'within 1.5x' : 'OVER 1.5x'}`,
      );
    }
    // BENCH_ONLY=map: the map-load comparison alone.
    if (process.env.BENCH_ONLY === 'map') return;
    await benchImport(dir);
    await benchCoverage(dir);
    await benchTable(dir, browser);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
