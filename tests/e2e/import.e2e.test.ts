import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gdal } from '../helpers/gdal.ts';
import { type AppInBrowser, MAP_READY, SHOTS, startAppInBrowser } from '../helpers/app-in-browser.ts';


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
  let app: AppInBrowser;
  let handlers: AppInBrowser['handlers'];
  let page: Page;
  let zipPath: string;

  beforeAll(async () => {
    app = await startAppInBrowser({ staging: true });
    ({ handlers, page } = app);
    zipPath = makeShapefileZip(app.tmp.dir);
  }, 120_000);

  afterAll(() => app?.close());

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
    await page.waitForSelector(MAP_READY);
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
    const out = path.join(app.tmp.dir, 'out', 'parks.geojson');
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
