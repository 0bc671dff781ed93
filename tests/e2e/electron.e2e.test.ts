import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Electron's binary, when npm could download it (never on machines without internet, such as CI). */
function electronBinary(): string | null {
  try {
    const rel = fs.readFileSync(path.join(ROOT, 'node_modules/electron/path.txt'), 'utf8').trim();
    const bin = path.join(ROOT, 'node_modules/electron/dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.info("electron e2e skipped: Electron's binary is not installed on this machine (browser-mode e2e covers the UI)");

describe.skipIf(!binary)('the app in Electron', () => {
  it('opens the window with the demo map and the native menu', async () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'electron/launch/build-electron.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const tmp = makeTempDir();
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.join(ROOT, 'dist/electron/main.cjs')],
      env: { ...process.env, RENEWAL_ATLAS_HOME: tmp.dir },
    });
    try {
      const win = await app.firstWindow();
      await win.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
      expect(await win.evaluate(() => typeof (window as never as { renewalAtlas: { projectInfo: unknown } }).renewalAtlas.projectInfo)).toBe('function');
      expect(await win.evaluate(() => typeof (window as never as { require?: unknown }).require)).toBe('undefined');
      await win.screenshot({ path: path.join(ROOT, 'test-results/electron.png') });
    } finally {
      await app.close();
      tmp.cleanup();
    }
  });
});
