import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createApiHandlers } from '../../electron/api/handlers.ts';
import { startHost } from '../../electron/host/server.ts';
import { ProjectStore } from '../../data/project/project-store.ts';
import { serveRoutes } from './static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAPLIBRE_DIST = path.join(ROOT, 'node_modules/maplibre-gl/dist');
const VIEWPORT = { width: 1400, height: 900 };
const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

export interface LoadTimes {
  appMs: number[];
  bareMs: number[];
}

/** Milliseconds from navigation start until `selector` is present, read in the page. */
async function timeToReady(browser: Browser, url: string, selector: string): Promise<number> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await page.waitForSelector(selector, { timeout: 600_000, state: 'attached' });
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}

/**
 * Time from start to a drawn, idle map: the app (browser mode, reading the GeoPackage) beside a bare
 * MapLibre page loading the same layers as GeoJSON, alternating runs so both see the same machine load.
 */
export async function measureMapLoad(browser: Browser, projectFile: string, dataDir: string, runs: number): Promise<LoadTimes> {
  const store = ProjectStore.open(projectFile);
  const layers = store.info().layers;
  const geojson = new Map(layers.map((l) => [l.id, JSON.stringify(store.layerGeoJSON(l.id))]));
  const bbox = store.info().bbox;
  store.close();

  const bare = await serveRoutes((p) => {
    if (p === '/' || p === '/index.html') return { type: 'text/html', body: fs.readFileSync(path.join(import.meta.dirname, 'bare/index.html')) };
    if (p === '/bare.js') return { type: 'text/javascript', body: fs.readFileSync(path.join(import.meta.dirname, 'bare/bare.js')) };
    if (p === '/layers.json') return { type: 'application/json', body: JSON.stringify(layers.map((l) => l.id)) };
    if (p === '/bbox.json') return { type: 'application/json', body: JSON.stringify(bbox) };
    const layer = /^\/layer\/(.+)\.geojson$/.exec(p);
    if (layer) return geojson.has(layer[1]) ? { type: 'application/json', body: geojson.get(layer[1])! } : null;
    if (p.startsWith('/maplibre/')) {
      const file = path.join(MAPLIBRE_DIST, path.basename(p));
      return fs.existsSync(file) ? { type: TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) } : null;
    }
    return null;
  });
  const handlers = createApiHandlers({ mode: 'browser', dataDir, projectPath: projectFile });
  const host = await startHost({ handlers, staticDir: path.join(ROOT, 'dist/renderer'), port: 0 });
  const times: LoadTimes = { appMs: [], bareMs: [] };
  try {
    for (let i = 0; i < runs; i++) {
      times.appMs.push(await timeToReady(browser, host.url, '[data-testid="map"][data-ready="true"]'));
      times.bareMs.push(await timeToReady(browser, bare.url, 'body[data-ready]'));
    }
  } finally {
    await host.close();
    handlers.session.close();
    await bare.close();
  }
  return times;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
