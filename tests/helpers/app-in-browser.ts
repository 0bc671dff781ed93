import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApiHandlers } from '../../electron/api/handlers.ts';
import { startHost, type RunningHost } from '../../electron/host/server.ts';
import { launchChromium } from './browser.ts';
import { makeTempDir } from './temp-dir.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built renderer the host serves (`vite build`, which `npm test` runs first). */
export const DIST = path.join(ROOT, 'dist/renderer');
/** Where e2e tests leave their screenshots. */
export const SHOTS = path.join(ROOT, 'test-results');
/** The map once its style and every layer's data are loaded and it is idle. */
export const MAP_READY = '[data-testid="map"][data-ready="true"]';

export interface AppInBrowser {
  tmp: { dir: string; cleanup: () => void };
  handlers: ReturnType<typeof createApiHandlers>;
  host: RunningHost;
  browser: Browser;
  page: Page;
  /** Closes the browser, the host, running jobs and the project, and removes the temporary folder. */
  close(): Promise<void>;
}

export interface AppInBrowserOptions {
  /** Makes the project to open in the temporary folder and returns its path; none: the demo project. */
  project?: (dir: string) => string;
  /** Keep the app's data in `<tmp>/data` with an upload staging folder there (for dropped files). */
  staging?: boolean;
  viewport?: { width: number; height: number };
  /** How long the first drawing of the map may take (ms). */
  readyTimeout?: number;
  /** Runs on the page before it loads the app (listeners, init scripts). */
  beforeLoad?: (page: Page, host: RunningHost) => void | Promise<void>;
}

/**
 * The app in browser mode as a user meets it: API handlers over a temporary data folder, the local host
 * serving the built renderer, headless Chromium on it, waiting until the map is drawn.
 */
export async function startAppInBrowser(options: AppInBrowserOptions = {}): Promise<AppInBrowser> {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`vite build\` first (npm test does)`);
  const tmp = makeTempDir();
  const dataDir = options.staging ? path.join(tmp.dir, 'data') : tmp.dir;
  const projectPath = options.project?.(tmp.dir);
  const handlers = createApiHandlers({ mode: 'browser', dataDir, ...(projectPath ? { projectPath } : {}) });
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await host?.close();
    handlers.jobs.stopAll();
    handlers.session.close();
    tmp.cleanup();
  };
  try {
    host = await startHost({ handlers, staticDir: DIST, port: 0, ...(options.staging ? { stagingDir: path.join(dataDir, 'staging') } : {}) });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    await options.beforeLoad?.(page, host);
    await page.goto(host.url);
    await page.waitForSelector(MAP_READY, { timeout: options.readyTimeout ?? 60_000 });
    fs.mkdirSync(SHOTS, { recursive: true });
    return { tmp, handlers, host, browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
