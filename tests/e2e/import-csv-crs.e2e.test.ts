// A dropped CSV whose coordinate columns have names no guess knows, in a CRS outside the built-ins
// (Swiss LV95): the columns question lists the real column names (a name with a comma intact), a
// mistyped EPSG code is asked again naming the code, and the right one is named in the preview.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppInBrowser, SHOTS, startAppInBrowser } from '../helpers/app-in-browser.ts';

const CSV = '"名称, 别名",东坐标,北坐标\n苏黎世车站,2683170,1248100\n伯尔尼车站,2600100,1199700\n';

describe('a dropped CSV in a CRS beyond the built-ins (browser mode)', () => {
  let app: AppInBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await startAppInBrowser({ staging: true });
    ({ page } = app);
  }, 120_000);

  afterAll(() => app?.close());

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
