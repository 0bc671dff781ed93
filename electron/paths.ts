import os from 'node:os';
import path from 'node:path';

/** Per-user folder for the default project and app settings (override with RENEWAL_ATLAS_HOME). */
export function defaultDataDir(): string {
  return process.env.RENEWAL_ATLAS_HOME || path.join(os.homedir(), '.renewal-atlas');
}

/** The project opened when none is named: the Jiaxing demo, created on first start. */
export function defaultProjectPath(dataDir: string): string {
  return path.join(dataDir, 'jiaxing-demo.gpkg');
}
