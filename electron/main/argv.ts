import path from 'node:path';

/**
 * The project a command line asks to open: its last argument ending in `.gpkg` (not a `--flag`),
 * resolved against `cwd`; undefined when there is none. Used for the first launch, a second launch
 * (single-instance) and files opened from the desktop.
 */
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | undefined {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg && !arg.startsWith('-') && arg.toLowerCase().endsWith('.gpkg')) return path.resolve(cwd, arg);
  }
  return undefined;
}
