import { spawnSync } from 'node:child_process';

/** Runs a GDAL command line tool (gdal-bin) and returns its stdout; throws with stderr on failure. */
export function gdal(tool: 'ogrinfo' | 'ogr2ogr', args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${tool} is not installed (Debian package gdal-bin): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}
