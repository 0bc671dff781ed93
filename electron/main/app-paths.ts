import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MainWindowFiles } from './window.ts';

/**
 * The files the shell loads, from the folder holding the bundled main script (`dist/electron`):
 * the preload beside it and the renderer's page in `dist/renderer`.
 */
export function appFiles(bundleDir: string): MainWindowFiles {
  const rendererHtml = path.resolve(bundleDir, '..', 'renderer', 'index.html');
  return {
    preload: path.resolve(bundleDir, 'preload.cjs'),
    rendererHtml,
    appUrl: pathToFileURL(rendererHtml).href,
  };
}
