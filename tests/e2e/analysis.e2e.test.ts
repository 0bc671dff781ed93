import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppInBrowser, MAP_READY, ROOT, startAppInBrowser } from '../helpers/app-in-browser.ts';

const tid = (id: string) => `[data-testid="${id}"]`;

type MapWindow = { __atlasMap: { getSource(id: string): { getData(): Promise<{ features: unknown[] }> } | undefined } };

async function featureCount(page: Page, source: string): Promise<number> {
  return page.evaluate(async (id) => {
    const s = (window as never as MapWindow).__atlasMap.getSource(id);
    return s ? (await s.getData()).features.length : -1;
  }, source);
}

/** `renewal-atlas analyze --json` on the same project file: what the card must show. */
function cliStages(project: string): { plan: string; coverage: { share: number }; blindSpots: number }[] {
  const r = spawnSync(process.execPath, ['electron/cli/bin.mjs', 'analyze', project, '--preset', 'green-5min', '--plan', 'compare', '--json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`analyze failed: ${r.stderr}`);
  return JSON.parse(r.stdout).stages;
}

describe('the analysis panel (browser mode, demo project)', () => {
  let app: AppInBrowser;
  let handlers: AppInBrowser['handlers'];
  let page: Page;
  let runId = '';

  beforeAll(async () => {
    app = await startAppInBrowser({ viewport: { width: 1440, height: 900 } });
    ({ handlers, page } = app);
  }, 120_000);

  afterAll(() => app?.close());

  it('opens from View › Analysis with the 5-minute green standard and its source', async () => {
    // No run shown yet: the result overlay adds no sources (empty ones would cut tiles on every load).
    expect(await featureCount(page, 'atlas-analysis-catchment')).toBe(-1);
    await page.locator(tid('menu-view')).click();
    await page.locator(tid('menu-item-toggle-analysis')).click();
    await page.waitForSelector(tid('analysis-panel'));
    expect(await page.locator(tid('analysis-preset')).inputValue()).toBe('green-5min');
    await expect(page.locator(tid('analysis-preset-threshold')).textContent()).resolves.toContain('90%');
    await expect(page.locator(tid('analysis-preset-source')).textContent()).resolves.toContain('GB/T 51346');
    expect(await page.locator(tid('analysis-layer-facilities')).inputValue()).toBe('parks');
    expect(await page.locator(tid('analysis-layer-targets')).inputValue()).toBe('residential_areas');
    expect(await page.locator(tid('analysis-minutes')).inputValue()).toBe('5');
  });

  it('checks the form inline', async () => {
    await page.locator(tid('analysis-distance')).fill('abc');
    await expect(page.locator(tid('analysis-problem-distance')).textContent()).resolves.toBe('请输入数字。');
    expect(await page.locator(tid('analysis-run')).isDisabled()).toBe(true);
    expect(await page.locator(tid('analysis-minutes')).inputValue()).toBe('');
    await page.locator(tid('analysis-minutes')).fill('6');
    expect(await page.locator(tid('analysis-distance')).inputValue()).toBe('360');
    await page.locator(tid('analysis-distance')).fill('300');
    expect(await page.locator(tid('analysis-minutes')).inputValue()).toBe('5');
    expect(await page.locator(tid('analysis-problem-distance')).count()).toBe(0);
  });

  it('runs 5-minute green before / after the plan in a straight line: the CLI\'s figures, on the map', async () => {
    await page.locator(tid('analysis-plan')).selectOption('compare');
    await page.screenshot({ path: '/tmp/analysis-setup-zh.png' });
    await page.locator(tid('analysis-run')).click();
    const result = page.locator(`${tid('analysis-result')}:not([data-run-id=""])`);
    await result.waitFor({ timeout: 60_000 });
    runId = (await result.getAttribute('data-run-id'))!;

    const [before, after] = cliStages(handlers.session.current.info().path);
    expect([before.plan, after.plan]).toEqual(['before', 'after']);
    for (const [id, stage] of [['analysis-share-before', before], ['analysis-share-after', after]] as const) {
      const shown = page.locator(tid(id));
      expect(Number(await shown.getAttribute('data-share'))).toBeCloseTo(stage.coverage.share, 9);
      expect(await shown.textContent()).toBe(`${(stage.coverage.share * 100).toFixed(1)}%`);
    }
    await expect(page.locator(tid('analysis-verdict-after')).getAttribute('data-met')).resolves.toBe(String(after.coverage.share >= 0.9));
    await expect(page.locator(tid('analysis-saved')).count()).resolves.toBe(1);

    expect(await featureCount(page, 'atlas-analysis-catchment')).toBeGreaterThan(0);
    expect(await featureCount(page, 'atlas-analysis-catchment-outline')).toBe(1);
    expect(await featureCount(page, 'atlas-analysis-catchment-before-outline')).toBe(1);
    expect(await featureCount(page, 'atlas-analysis-blind-spots')).toBe(after.blindSpots);
    await page.waitForTimeout(900); // the camera's move to the results
    await page.screenshot({ path: '/tmp/analysis-result-zh.png' });
    await page.locator(tid('analysis-blind-spot-1')).click();
    await page.waitForTimeout(900); // the camera's move to the blind spot
    await page.screenshot({ path: '/tmp/analysis-blind-spot-zh.png' });

    // Coverage per residential area: every area of the demo, least covered first; a row selects the area.
    const areaRows = page.locator(`${tid('analysis-areas')} tbody tr`);
    expect(await areaRows.count()).toBe(120);
    const shares = (await areaRows.evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.share))));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.some((x) => x > 0.99)).toBe(true);
    const first = areaRows.first();
    const fid = await first.getAttribute('data-fid');
    await first.click();
    await expect.poll(() => page.locator(tid('feature-panel')).getAttribute('data-fid')).toBe(fid);
    const name = await first.locator('td').first().evaluate((td) => td.firstChild?.textContent);
    await expect(page.locator(tid('feature-title')).textContent()).resolves.toBe(name);
    await page.locator(tid('analysis-areas-sort-residents')).click();
    const residents = await areaRows.evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[4]?.textContent?.replace(/,/g, ''))));
    expect(residents).toEqual([...residents].sort((a, b) => b - a));
    await page.waitForTimeout(900); // the camera's move to the area
    await page.screenshot({ path: '/tmp/analysis-area-zh.png' });
    await page.locator(tid('feature-close')).click();
  }, 120_000);

  it('lists the run as saved, and shows the card in English', async () => {
    await page.locator(tid('analysis-tab-saved')).click();
    await page.locator(tid(`analysis-run-${runId}`)).waitFor();
    await page.screenshot({ path: '/tmp/analysis-saved-zh.png' });
    await page.locator(tid('lang-toggle')).click();
    await page.locator(tid('analysis-tab-result')).click();
    await expect(page.locator(tid('analysis-threshold')).textContent()).resolves.toContain('target ≥ 90% (GB/T 51346-2019)');
    await expect(page.locator(tid('analysis-verdict-after')).textContent()).resolves.toBe('not met');
    await page.screenshot({ path: '/tmp/analysis-result-en.png' });
  });

  it('cancels a walking run at once, saving nothing', async () => {
    const saved = (await handlers.listAnalysisRuns({})).length;
    await page.locator(tid('analysis-tab-setup')).click();
    await page.locator(tid('analysis-preset')).selectOption('life-15min');
    await page.locator(tid('analysis-mode-walk')).check();
    await page.locator(tid('analysis-distance')).fill('2000');
    await page.locator(tid('analysis-street-width')).fill('100');
    await page.locator(tid('analysis-sites-on')).check();
    await page.locator(tid('analysis-k')).fill('100');
    await page.locator(tid('analysis-run')).click();
    await page.waitForSelector(`${tid('analysis-progress')}[data-phase="computing"]`);
    // The page's thread (the map's) stays free while the worker computes: it answers at once.
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      await page.evaluate(() => document.querySelector('[data-testid="analysis-progress"]')?.getAttribute('data-progress'));
      expect(Date.now() - started).toBeLessThan(1000);
      await page.waitForTimeout(200);
    }
    expect(await page.locator(`${tid('analysis-progress')}[data-phase="computing"]`).count()).toBe(1);
    await page.screenshot({ path: '/tmp/analysis-running-en.png' });
    await page.locator(tid('analysis-cancel')).click();
    await page.waitForSelector(`${tid('analysis-failure')}[data-code="cancelled"]`, { timeout: 1000 });
    expect(await page.locator(tid('analysis-progress')).count()).toBe(0);
    expect((await handlers.listAnalysisRuns({})).length).toBe(saved);
  }, 120_000);

  it('reopens the saved run after a reload without computing it again', async () => {
    // Counts the analysis workers the page starts (MapLibre's own workers aside).
    await page.addInitScript(() => {
      const Native = window.Worker;
      const started: string[] = ((window as never as { __analysisWorkers: string[] }).__analysisWorkers = []);
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (String(url).includes('analysis.worker')) started.push(String(url));
        }
      };
    });
    await page.reload();
    await page.waitForSelector(MAP_READY, { timeout: 60_000 });
    await page.locator(tid('tool-analysis')).click();
    await page.locator(tid('analysis-tab-saved')).click();
    await page.locator(tid(`analysis-run-open-${runId}`)).click();
    await page.locator(`${tid('analysis-result')}[data-run-id="${runId}"]`).waitFor();
    const [before, after] = cliStages(handlers.session.current.info().path);
    expect(Number(await page.locator(tid('analysis-share-before')).getAttribute('data-share'))).toBeCloseTo(before.coverage.share, 9);
    expect(Number(await page.locator(tid('analysis-share-after')).getAttribute('data-share'))).toBeCloseTo(after.coverage.share, 9);
    await expect.poll(() => featureCount(page, 'atlas-analysis-blind-spots')).toBe(after.blindSpots);
    expect(await page.evaluate(() => (window as never as { __analysisWorkers: string[] }).__analysisWorkers)).toEqual([]);
    await page.locator(tid('analysis-clear')).click();
    // Cleared: the overlay's sources are gone from the map (-1), not left empty.
    await expect.poll(() => featureCount(page, 'atlas-analysis-catchment')).toBe(-1);
  }, 120_000);

  it('renames, exports (GeoPackage through the file dialog) and deletes the saved run', async () => {
    await page.locator(tid('analysis-tab-saved')).click();
    await page.locator(tid(`analysis-run-rename-${runId}`)).click();
    await page.locator(tid(`analysis-run-name-${runId}`)).fill('南湖片区见绿对比');
    await page.locator(tid(`analysis-run-name-${runId}`)).press('Enter');
    await expect.poll(async () => (await handlers.listAnalysisRuns({}))[0]?.name).toBe('南湖片区见绿对比');

    await page.locator(tid(`analysis-run-export-${runId}`)).selectOption('gpkg');
    await page.locator(tid('file-dialog')).waitFor();
    expect(await page.locator(tid('file-dialog-name')).inputValue()).toBe('南湖片区见绿对比.gpkg');
    await page.locator(tid('file-dialog-ok')).click();
    await page.locator(tid('message-box')).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/analysis-exported-en.png' });
    await page.locator(tid('message-box-ok')).click();
    const file = path.join(path.dirname(handlers.session.current.info().path), '南湖片区见绿对比.gpkg');
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    await page.locator(tid(`analysis-run-delete-${runId}`)).click();
    await page.locator(tid('message-box-confirm')).click();
    await page.locator(tid('analysis-runs-empty')).waitFor();
    expect(await handlers.listAnalysisRuns({})).toEqual([]);
  }, 60_000);
});
