// A dropped CSV whose coordinate columns have names no guess knows, in a CRS outside the built-ins
// (Swiss LV95): the columns question lists the real column names (a name with a comma intact), a
// mistyped EPSG code is asked again naming the code, and the right one is named in the preview.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../electron/api/handlers.ts';
import { startHost, type RunningHost } from '../../electron/host/server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results');
const CSV = '"名称, 别名",东坐标,北坐标\n苏黎世车站,2683170,1248100\n伯尔尼车站,2600100,1199700\n';

describe('a dropped CSV in a CRS beyond the built-ins (browser mode)', () => {
  let tmp: { dir: string; cleanup: () => void };
  let handlers: ReturnType<typeof createApiHandlers>;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))) throw new Error('dist/renderer is missing: run `vite build` first (npm test does)');
    tmp = makeTempDir();
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
    handlers?.jobs.stopAll();
    handlers?.session.close();
    tmp?.cleanup();
  });

  it('asks for the coordinate columns, offering the CSV’s own column names', async () => {
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'stations.csv', { type: 'text/csv' }));
      document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, CSV);
    const question = page.locator('[data-testid="import-question"][data-code="needs_input"]');
    await question.waitFor({ timeout: 60_000 });
    const offered = await page.locator('[data-testid="import-csv-x"] option').allTextContents();
    expect(offered.slice(1)).toEqual(['名称, 别名', '东坐标', '北坐标']);
    await page.locator('[data-testid="import-csv-x"]').selectOption('东坐标');
    await page.locator('[data-testid="import-csv-y"]').selectOption('北坐标');
    await page.locator('[data-testid="import-csv-apply"]').click();
    const count = page.locator('[data-testid="import-layer-count"]');
    await count.waitFor({ timeout: 60_000 });
    expect(await count.getAttribute('data-count')).toBe('2');
  });

  it('asks again, naming the code, when the typed EPSG code does not exist', async () => {
    await page.locator('[data-testid="import-crs-select"]').selectOption('__custom');
    await page.locator('[data-testid="import-crs-text"]').fill('EPSG:20560');
    await page.locator('[data-testid="import-crs-apply"]').click();
    const question = page.locator('[data-testid="import-question"][data-code="invalid_argument"]');
    await question.waitFor({ timeout: 60_000 });
    expect(await question.textContent()).toContain('EPSG:20560 is not the code of a coordinate system');
    // The field keeps what was typed, ready to be corrected.
    expect(await page.locator('[data-testid="import-crs-text"]').inputValue()).toBe('EPSG:20560');
    await page.screenshot({ path: path.join(SHOTS, 'import-csv-crs-1-unknown-code.png') });
  });

  it('names the corrected code’s CRS and draws the points where they are', async () => {
    await page.locator('[data-testid="import-crs-text"]').fill('EPSG:2056');
    await page.locator('[data-testid="import-crs-apply"]').click();
    const count = page.locator('[data-testid="import-layer-count"]');
    await count.waitFor({ timeout: 60_000 });
    const select = page.locator('[data-testid="import-crs-select"]');
    expect(await select.inputValue()).toBe('EPSG:2056');
    expect(await select.locator('option:checked').textContent()).toBe('CH1903+ / LV95');
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(SHOTS, 'import-csv-crs-2-lv95.png') });
  });
});
