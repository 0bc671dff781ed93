import path from 'node:path';

declare const __ATLAS_BUNDLED__: boolean | undefined;

/**
 * Where the job worker's code is: beside the bundle in the Electron build (dist/electron), else the
 * TypeScript source run through tsx (browser-mode host, CLI, tests).
 */
export function jobWorkerSpec(): { file: string | URL; execArgv: string[] } {
  if (typeof __ATLAS_BUNDLED__ !== 'undefined' && __ATLAS_BUNDLED__) {
    return { file: path.join(__dirname, 'job-worker.cjs'), execArgv: [] };
  }
  return { file: new URL('./job-worker-boot.mjs', import.meta.url), execArgv: [] };
}
