import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../electron/api/handlers.ts';
import { startHost, type RunningHost } from '../../electron/host/server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { gdal } from '../helpers/gdal.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results');

/** A small square park around a point near Jiaxing's centre (120.75E 30.75N), about 200 m across. */
function square(lon: number, lat: number): number[][][] {
  const d = 0.001;
  return [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]];
}

/** Parks with Chinese values under field names no kind knows (GY_NAME must be mapped to 名称 by hand). */
const PARKS = [
  { GY_NAME: '月河口袋公园', 类型: '口袋公园', AREA_M2: 1200, lonLat: [120.748, 30.752] },
  { GY_NAME: '子城遗址公园', 类型: '专类公园', AREA_M2: 8600, lonLat: [120.755, 30.748] },
  { GY_NAME: '南湖湿地公园', 类型: '滨水公园', AREA_M2: 43000, lonLat: [120.762, 30.744] },
];

/** parks.zip: the GeoJSON written as a UTF-8 shapefile by GDAL (ogr2ogr), then zipped. */
function makeShapefileZip(dir: string): string {
  const geojson = {
    type: 'FeatureCollection',
    features: PARKS.map(({ lonLat, ...properties }) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: square(lonLat[0], lonLat[1]) } })),
  };
  const src = path.join(dir, 'parks.geojson');
  fs.writeFileSync(src, JSON.stringify(geojson));
  const shpDir = path.join(dir, 'shp');
  fs.mkdirSync(shpDir);
  gdal('ogr2ogr', ['-f', 'ESRI Shapefile', path.join(shpDir, 'parks.shp'), src, '-lco', 'ENCODING=UTF-8']);
  const zip = path.join(dir, 'parks.zip');
  const parts = fs.readdirSync(shpDir).map((f) => path.join(shpDir, f));
  const r = spawnSync('zip', ['-j', '-q', zip, ...parts], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`zip failed: ${r.stderr || r.error?.message}`);
  return zip;
}

type AtlasWindow = { __atlasMap: { getSource(id: string): { getData(): Promise<{ features: unknown[] }> } | undefined } };

async function sourceFeatureCount(page: Page, sourceId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const source = (window as never as AtlasWindow).__atlasMap.getSource(id);
    return source ? (await source.getData()).features.length : -1;
  }, sourceId);
}

describe('importing a dropped shapefile (browser mode)', () => {
  let tmp: { dir: string; cleanup: () => void };
  let handlers: ReturnType<typeof createApiHandlers>;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let zipPath: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))) throw new Error('dist/renderer is missing: run `vite build` first (npm test does)');
    tmp = makeTempDir();
    zipPath = makeShapefileZip(tmp.dir);
    const dataDir = path.join(tmp.dir, 'data');
    handlers = createApiHandlers({ mode: 'browser', dataDir });
    host = await startHost({ handlers, staticDir: path.join(ROOT, 'dist/renderer'), port: 0, stagingDir: path.join(dataDir, 'staging') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    handlers?.session.close();
    tmp?.cleanup();
  });

  it('shows the drop overlay while a file is dragged over the window', async () => {
    const bytes = fs.readFileSync(zipPath).toString('base64');
    await page.evaluate((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'parks.zip', { type: 'application/zip' }));
      (window as never as { __drop: DataTransfer }).__drop = transfer;
      document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      document.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await page.waitForSelector('[data-testid="drop-overlay"]');
    await page.screenshot({ path: path.join(SHOTS, 'import-0-drop.png') });
  });

  it('previews the dropped zip: count, geometry, CRS and its features on the map', async () => {
    await page.evaluate(() => {
      const transfer = (window as never as { __drop: DataTransfer }).__drop;
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('[data-testid="import-dialog"]');
    expect(await page.locator('[data-testid="drop-overlay"]').count()).toBe(0);
    const count = page.locator('[data-testid="import-layer-count"]');
    await count.waitFor({ timeout: 30_000 });
    expect(await count.getAttribute('data-count')).toBe('3');
    expect(await page.locator('[data-testid="import-sample-rows"]').textContent()).toContain('月河口袋公园');
    await expect.poll(() => sourceFeatureCount(page, 'atlas-import-preview')).toBe(3);
    await page.waitForTimeout(800); // the camera's fit to the preview
    await page.screenshot({ path: path.join(SHOTS, 'import-1-preview.png') });
  });

  it('maps the fields for a park layer and imports', async () => {
    await page.locator('[data-testid="import-next"]').click();
    await page.locator('[data-testid="import-kind-select"]').selectOption('park');
    await page.locator('[data-testid="import-map-名称"]').selectOption('GY_NAME');
    await page.locator('[data-testid="import-title"]').fill('导入的口袋公园');
    await page.screenshot({ path: path.join(SHOTS, 'import-2-target.png') });
    await page.locator('[data-testid="import-start"]').click();
    const summary = page.locator('[data-testid="import-summary"]');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getAttribute('data-imported')).toBe('3');
    await page.screenshot({ path: path.join(SHOTS, 'import-3-summary.png') });
  });

  it('shows the new layer in the layer panel and its features on the map', async () => {
    const layer = handlers.session.current.info().layers.find((l) => l.title === '导入的口袋公园');
    expect(layer?.kind).toBe('park');
    await page.locator('[data-testid="import-close"]').click();
    await expect.poll(() => page.locator('[data-testid="import-dialog"]').count()).toBe(0);
    expect(await sourceFeatureCount(page, 'atlas-import-preview')).toBe(-1);
    const row = page.locator(`[data-testid="layer-row-${layer!.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-active')).toBe('true');
    await expect.poll(() => sourceFeatureCount(page, layer!.id)).toBe(3);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]');
    await page.screenshot({ path: path.join(SHOTS, 'import-4-layer.png') });
  });

  it('lists the imported features in the attribute table with their Chinese values', async () => {
    const layer = handlers.session.current.info().layers.find((l) => l.title === '导入的口袋公园')!;
    await page.locator(`[data-testid="layer-table-${layer.id}"]`).click();
    const table = page.locator('[data-testid="attribute-table"]');
    await table.waitFor();
    await expect.poll(() => page.locator('[data-testid^="attribute-row-"]').count()).toBe(3);
    const text = await table.textContent();
    for (const park of PARKS) expect(text).toContain(park.GY_NAME);
    expect(await page.locator('[data-testid="attribute-head-名称"]').textContent()).toContain('名称');
    const [fid] = handlers.session.current.attributes(layer.id).fids;
    await page.locator(`[data-testid="attribute-row-${fid}"]`).click();
    await expect.poll(() => page.locator('[data-testid="feature-panel"]').getAttribute('data-fid')).toBe(String(fid));
    expect(await page.locator(`[data-testid="attribute-row-${fid}"]`).getAttribute('class')).toContain('selected');
    await page.waitForTimeout(800); // the camera's zoom to the feature
    await page.screenshot({ path: path.join(SHOTS, 'import-5-table.png') });
  });

  it('filters the table by the search box', async () => {
    await page.locator('[data-testid="attribute-search"]').fill('子城');
    await expect.poll(() => page.locator('[data-testid^="attribute-row-"]').count()).toBe(1);
    expect(await page.locator('[data-testid="attribute-count"]').getAttribute('data-shown')).toBe('1');
    await page.locator('[data-testid="attribute-search"]').fill('');
  });

  it('exports the imported layer as GeoJSON', async () => {
    const layer = handlers.session.current.info().layers.find((l) => l.title === '导入的口袋公园')!;
    await page.locator(`[data-testid="layer-export-${layer.id}"]`).click();
    await page.waitForSelector('[data-testid="export-dialog"]');
    const out = path.join(tmp.dir, 'out', 'parks.geojson');
    fs.mkdirSync(path.dirname(out));
    await page.locator('[data-testid="export-path"]').fill(out);
    await page.screenshot({ path: path.join(SHOTS, 'import-6-export.png') });
    await page.locator('[data-testid="export-start"]').click();
    const summary = page.locator('[data-testid="export-summary"]');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getAttribute('data-count')).toBe('3');
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    expect(written.features.map((f) => f.properties['名称']).sort()).toEqual(PARKS.map((p) => p.GY_NAME).sort());
    await page.locator('[data-testid="export-close"]').click();
  });
});
