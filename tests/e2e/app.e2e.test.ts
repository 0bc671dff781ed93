import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppInBrowser, MAP_READY, SHOTS, startAppInBrowser } from '../helpers/app-in-browser.ts';


describe('the app in headless Chromium (browser mode)', () => {
  let app: AppInBrowser;
  let handlers: AppInBrowser['handlers'];
  let page: Page;

  beforeAll(async () => {
    app = await startAppInBrowser({
      beforeLoad: (p, h) => {
        const external: string[] = [];
        p.on('request', (r) => {
          if (!r.url().startsWith(h.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) external.push(r.url());
        });
        (p as unknown as { externalRequests: string[] }).externalRequests = external;
      },
    });
    ({ handlers, page } = app);
  }, 120_000);

  afterAll(() => app?.close());

  it('draws every layer of the demo project on the map', async () => {
    const ids = handlers.session.current.info().layers.map((l) => l.id);
    const sources = await page.evaluate(() => Object.keys((window as never as { __atlasMap: { getStyle(): { sources: object } } }).__atlasMap.getStyle().sources));
    for (const id of ids) expect(sources).toContain(id);
    await page.screenshot({ path: path.join(SHOTS, 'app-demo-zh.png') });
  });

  it('labels the demo as synthetic data', async () => {
    await expect(page.locator('[data-testid="demo-badge"]').textContent()).resolves.toMatch(/示范数据/);
  });

  it('makes no request outside the machine', () => {
    expect((page as unknown as { externalRequests: string[] }).externalRequests).toEqual([]);
  });

  it('hides a layer from the layer panel and remembers it in the project file', async () => {
    await page.locator('[data-testid="layer-toggle-parks"]').click();
    await page.waitForFunction(() => {
      const map = (window as never as { __atlasMap: { getLayoutProperty(id: string, p: string): string } }).__atlasMap;
      return map.getLayoutProperty('parks-fill', 'visibility') === 'none';
    });
    await expect.poll(() => handlers.session.current.info().layers.find((l) => l.id === 'parks')?.visible).toBe(false);
    await page.locator('[data-testid="layer-toggle-parks"]').click();
    await expect.poll(() => handlers.session.current.info().layers.find((l) => l.id === 'parks')?.visible).toBe(true);
  });

  it('shows a clicked parking lot with its Chinese field names', async () => {
    const feature = handlers.session.current.layerGeoJSON('parking_lots').features[0];
    const [lon, lat] = (feature.geometry as { coordinates: number[] }).coordinates;
    const point = await page.evaluate(
      ([x, y]) => {
        const map = (window as never as { __atlasMap: { jumpTo(o: object): void; project(c: number[]): { x: number; y: number }; getContainer(): HTMLElement } }).__atlasMap;
        map.jumpTo({ center: [x, y], zoom: 16 });
        const p = map.project([x, y]);
        const r = map.getContainer().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
      [lon, lat],
    );
    await page.waitForFunction(() => (window as never as { __atlasMap: { loaded(): boolean } }).__atlasMap.loaded());
    await page.mouse.click(point.x, point.y);
    const panel = page.locator('[data-testid="feature-panel"]');
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toMatch(/泊位数/);
    expect(await panel.textContent()).toContain(String(feature.properties?.['名称']));
    await page.screenshot({ path: path.join(SHOTS, 'app-feature-zh.png') });
  });

  it('switches the UI to English and remembers the choice', async () => {
    await page.locator('[data-testid="lang-toggle"]').click();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/Layers/);
    await page.reload();
    await page.waitForSelector(MAP_READY, { timeout: 60_000 });
    expect(await page.locator('body').textContent()).toMatch(/Layers/);
    await page.screenshot({ path: path.join(SHOTS, 'app-en.png') });
    await page.locator('[data-testid="lang-toggle"]').click();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/图层/);
  });
});
