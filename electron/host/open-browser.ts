import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/** Path of an installed Chromium-family browser, or null. */
export function findChromium(): string | null {
  const which = process.platform === 'win32' ? 'where' : 'which';
  for (const name of CANDIDATES) {
    const r = spawnSync(which, [name], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim().split(/\r?\n/)[0];
  }
  return null;
}

/**
 * Opens the app in an app-mode Chromium window (no tabs or address bar) when a browser and a display
 * exist; returns what it did, for the start-up message.
 */
export function openAppWindow(url: string): 'opened' | 'no-browser' | 'no-display' {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no-display';
  const browser = findChromium();
  if (!browser) return 'no-browser';
  const profile = path.join(os.tmpdir(), 'renewal-atlas-window');
  const child = spawn(browser, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking'], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return 'opened';
}
