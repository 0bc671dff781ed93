import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createApiHandlers } from '../../electron/api/handlers.ts';
import { startHost, type RunningHost } from '../../electron/host/server.ts';
import { ProjectStore } from '../../data/project/project-store.ts';
import { generateParcelGrid } from '../../seeds/synthetic/parcel-grid.ts';
import { TOKEN_HEADER } from '../../shared/api/contract.ts';
import { median } from './map-load.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PARCELS = Number(process.env.BENCH_PARCELS ?? 100_000);
const LAYER = 'parcel_grid';
const PAGE = 200;
const DEEP = Math.floor(PARCELS / 2);

/** One API call through the browser-mode host (validation, SQLite, JSON, HTTP), timed from request to parsed body. */
async function callApi(host: RunningHost, name: string, args: unknown): Promise<{ ms: number; bytes: number }> {
  const origin = new URL(host.url).origin;
  const started = performance.now();
  const res = await fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin },
    body: JSON.stringify(args),
  });
  const body = await res.text();
  const reply = JSON.parse(body) as { ok: boolean; error?: unknown };
  if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
  return { ms: performance.now() - started, bytes: body.length };
}

/** The same question asked of the sqlite3 CLI: its own "Run Time: real" (SQLite + printing) summed over the statements, and the process's wall time. */
function sqlite3(file: string, statements: string[]): { ms: number; wallMs: number } {
  const started = performance.now();
  const r = spawnSync('sqlite3', ['-readonly', file], { input: ['.timer on', ...statements].join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr || r.error?.message}`);
  const times = [...r.stdout.matchAll(/Run Time: real ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
  if (times.length !== statements.length) throw new Error(`sqlite3 printed ${times.length} timings for ${statements.length} statements:\n${r.stderr}`);
  return { ms: times.reduce((a, b) => a + b, 0), wallMs };
}

/** ogrinfo -sql on the same file: wall time of the process (GDAL's start-up included). */
function ogrinfo(file: string, sql: string): number {
  const started = performance.now();
  const r = spawnSync('ogrinfo', ['-ro', '-q', file, '-sql', sql], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`ogrinfo failed: ${r.stderr || r.error?.message}`);
  return performance.now() - started;
}

/**
 * Milliseconds from clicking the layer's table button to the frame that has its first row (measured in
 * the page), and the longest frame meanwhile (the map redrawing as the panel makes it smaller).
 */
async function openTableInBrowser(browser: Browser, host: RunningHost): Promise<{ ms: number; longest: number }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(host.url);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 600_000 });
    await page.waitForTimeout(1000);
    const button = `[data-testid="layer-table-${LAYER}"]`;
    await page.locator(button).waitFor();
    // A string, not a function: tsx would wrap named arrow functions in a helper the page does not have.
    return (await page.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      let last = start;
      let longest = 0;
      document.querySelector('${button}').click();
      const check = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        if (document.querySelector('[data-testid="attribute-row-1"]')) resolve({ ms: now - start, longest });
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })`)) as { ms: number; longest: number };
  } finally {
    await page.close();
  }
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);

/**
 * The paged attribute table on PARCELS parcels: each page question through the host beside the same
 * SQL in the sqlite3 CLI (and ogrinfo -sql) on the same file in the same run, medians of RUNS; the old
 * whole-layer transfer (layerAttributes) for scale; and, in headless Chromium, opening the table.
 */
export async function benchTable(dir: string, browser?: Browser): Promise<void> {
  const file = path.join(dir, 'table-parcels.gpkg');
  ProjectStore.create(file, { name: 'table bench', demo: true, layers: [generateParcelGrid(PARCELS)] }).close();
  const handlers = createApiHandlers({ mode: 'browser', dataDir: path.join(dir, 'table-data'), projectPath: file });
  const host = await startHost({ handlers, staticDir: path.join(ROOT, 'dist/renderer'), port: 0 });
  const cols = handlers.session.current.info().layers.find((l) => l.id === LAYER)!.fields.map((f) => `"${f.key}"`);
  const select = `SELECT fid, ${cols.join(', ')} FROM ${LAYER}`;
  const search = '网格地块0999';
  const where = `WHERE ${cols.map((c) => `${c} LIKE '%${search}%'`).join(' OR ')}`;
  const sorted = { sortKey: '投资额', sortDir: 'asc' as const };

  /** A new connection (as after opening the project): no sorted order cached, SQLite's page cache empty. */
  const fresh = () => handlers.openProject({ path: file });
  type Case = { label: string; app: () => Promise<{ ms: number; bytes: number }>; ref: string[]; ogr?: string };
  const cases: Case[] = [
    {
      label: 'first page (fresh connection)',
      app: () => {
        fresh();
        return callApi(host, 'layerRows', { layerId: LAYER, offset: 0, limit: PAGE });
      },
      ref: [`SELECT count(*) FROM ${LAYER};`, `${select} ORDER BY fid LIMIT ${PAGE};`],
      ogr: `${select} ORDER BY fid LIMIT ${PAGE}`,
    },
    {
      label: `sorted page at ${DEEP} (new sort)`,
      app: () => {
        fresh();
        return callApi(host, 'layerRows', { layerId: LAYER, offset: DEEP, limit: PAGE, query: sorted });
      },
      ref: [`SELECT count(*) FROM ${LAYER};`, `${select} ORDER BY 投资额, fid LIMIT ${PAGE} OFFSET ${DEEP};`],
      ogr: `${select} ORDER BY 投资额, fid LIMIT ${PAGE} OFFSET ${DEEP}`,
    },
    {
      label: `sorted page at ${DEEP + PAGE} (next page)`,
      app: () => callApi(host, 'layerRows', { layerId: LAYER, offset: DEEP + PAGE, limit: PAGE, query: sorted }),
      ref: [`SELECT count(*) FROM ${LAYER};`, `${select} ORDER BY 投资额, fid LIMIT ${PAGE} OFFSET ${DEEP + PAGE};`],
    },
    {
      label: 'row of a feature, same sort',
      app: () => callApi(host, 'layerRowIndex', { layerId: LAYER, fid: Math.max(1, PARCELS - 7), query: sorted }),
      ref: [`SELECT count(*) FROM ${LAYER} AS a, ${LAYER} AS b WHERE b.fid = ${Math.max(1, PARCELS - 7)} AND (a.投资额 < b.投资额 OR (a.投资额 = b.投资额 AND a.fid < b.fid));`],
    },
    {
      label: `search "${search}", first page`,
      app: () => {
        fresh();
        return callApi(host, 'layerRows', { layerId: LAYER, offset: 0, limit: PAGE, query: { search } });
      },
      ref: [`SELECT count(*) FROM ${LAYER} ${where};`, `${select} ${where} ORDER BY fid LIMIT ${PAGE};`],
    },
    {
      label: 'values of 更新方式',
      app: () => callApi(host, 'layerColumnValues', { layerId: LAYER, key: '更新方式' }),
      ref: [`SELECT 更新方式, count(*) AS n FROM ${LAYER} GROUP BY 1 ORDER BY n DESC;`],
    },
  ];

  try {
    // Warm up the host (first HTTP connection, JIT) so the first case is not charged for it.
    await callApi(host, 'layerRows', { layerId: LAYER, offset: 0, limit: PAGE });
    console.log(`\nattribute table on ${PARCELS} parcels: page of ${PAGE} rows through the host (HTTP + SQLite + JSON) beside the sqlite3 CLI, median of ${RUNS}`);
    console.log(`${'question'.padEnd(34)} ${'app (ms)'.padStart(8)} ${'sqlite3 (ms)'.padStart(12)} ${'ratio'.padStart(6)} ${'sqlite3 wall'.padStart(13)} ${'ogrinfo wall'.padStart(13)}  reply`);
    for (const c of cases) {
      const app: number[] = [];
      const ref: number[] = [];
      const wall: number[] = [];
      const ogr: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const a = await c.app();
        app.push(a.ms);
        bytes = a.bytes;
        const r = sqlite3(file, c.ref);
        ref.push(r.ms);
        wall.push(r.wallMs);
        if (c.ogr) ogr.push(ogrinfo(file, c.ogr));
      }
      const ratio = median(app) / median(ref);
      console.log(
        `${c.label.padEnd(34)} ${fmt(median(app))} ${fmt(median(ref)).padStart(12)} ${ratio.toFixed(2).padStart(6)} ${fmt(median(wall)).padStart(13)} ${(ogr.length ? fmt(median(ogr)) : '—').padStart(13)}  ${(bytes / 1024).toFixed(1)} KB`,
      );
    }
    const whole: number[] = [];
    let wholeBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await callApi(host, 'layerAttributes', { layerId: LAYER });
      whole.push(r.ms);
      wholeBytes = r.bytes;
    }
    console.log(`${'old: whole layer (layerAttributes)'.padEnd(34)} ${fmt(median(whole))} ${''.padStart(12)} ${''.padStart(6)} ${''.padStart(13)} ${''.padStart(13)}  ${(wholeBytes / 1e6).toFixed(1)} MB`);

    if (browser) {
      console.log(`\nopening the attribute table in headless Chromium (click → first row in the page), median of ${RUNS}`);
      for (const visible of [true, false]) {
        handlers.updateLayer({ layerId: LAYER, visible });
        const runs: { ms: number; longest: number }[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await openTableInBrowser(browser, host));
        const note = visible ? 'layer drawn on the map' : 'layer hidden (the table alone)';
        console.log(
          `${note.padEnd(32)} ${fmt(median(runs.map((r) => r.ms)))} ms   longest frame ${fmt(median(runs.map((r) => r.longest)))} ms (the map redrawing as it shrinks)`,
        );
      }
      handlers.updateLayer({ layerId: LAYER, visible: true });
    }
  } finally {
    await host.close();
    handlers.session.close();
    fs.rmSync(file, { force: true });
  }
}
