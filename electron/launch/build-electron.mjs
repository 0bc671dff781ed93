// Bundles the Electron shell: dist/electron/main.cjs, job-worker.cjs and preload.cjs.
// Usage: node electron/launch/build-electron.mjs [main] [worker] [preload]   (no names: all)
// The preload runs sandboxed and may only require 'electron', so everything else is bundled in and
// the build fails if the bundle still requires anything else.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Tells the code it runs from the bundle (electron/api/jobs/worker-entry.ts then loads the bundled
 * worker); import.meta.url only serves the unbundled path, which the bundle never takes.
 */
const BUNDLED = { __ATLAS_BUNDLED__: 'true', 'import.meta.url': '"file:///renewal-atlas-bundle"' };

/** Electron 45: Node 22 in the main process, Chromium 140 in the renderer. */
const targets = {
  main: {
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // better-sqlite3 is a native addon, loaded from node_modules at run time.
    external: ['electron', 'better-sqlite3'],
    target: 'node22',
    define: BUNDLED,
  },
  // Imports and exports run in a worker thread (electron/api/jobs/).
  worker: {
    entryPoints: ['electron/api/jobs/job-worker.ts'],
    outfile: 'dist/electron/job-worker.cjs',
    external: ['electron', 'better-sqlite3'],
    target: 'node22',
    define: BUNDLED,
  },
  preload: {
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
    target: ['node22', 'chrome140'],
    // It is parsed on every page load: keep it small (the source map keeps it readable).
    minify: true,
    allowedRequires: ['electron'],
  },
};

async function bundle(name) {
  const { allowedRequires, ...options } = targets[name];
  const result = await build({
    ...options,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  if (allowedRequires) {
    const output = result.metafile.outputs[options.outfile];
    const extra = output.imports.filter((imp) => imp.external && !allowedRequires.includes(imp.path)).map((imp) => imp.path);
    if (extra.length) throw new Error(`${name}: the sandboxed bundle would require ${extra.join(', ')}`);
  }
  const bytes = result.metafile.outputs[options.outfile].bytes;
  console.log(`built ${options.outfile} (${Math.round(bytes / 1024)} KiB)`);
}

const requested = process.argv.slice(2);
const names = requested.length ? requested : Object.keys(targets);
let failed = false;
for (const name of names) {
  if (!(name in targets)) {
    console.error(`unknown bundle "${name}" (expected: ${Object.keys(targets).join(', ')})`);
    failed = true;
    continue;
  }
  try {
    await bundle(name);
  } catch (err) {
    // esbuild has already printed its diagnostics; this names the bundle.
    console.error(`build-electron: ${name} failed${err instanceof Error && !('errors' in err) ? `: ${err.message}` : ''}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
