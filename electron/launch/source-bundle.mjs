// Runs a TypeScript entry point (the CLI, the job worker) from a cached esbuild bundle instead of
// through tsx. tsx transpiles and resolves every module on its own, through a loader thread, and Node
// then resolves and scans every CommonJS file of the npm packages: over a second before the CLI's
// first line ran. The bundle is one file (plus a chunk per dynamic import) holding the sources and the
// npm packages they use (better-sqlite3, a native addon, and electron stay outside), as the Electron
// build bundles them. It is built on first use into node_modules/.cache/renewal-atlas/ and rebuilt as
// soon as a source file or an installed package changed, so it never runs stale code. Where it cannot
// be built (no esbuild, no writable folder), or with ATLAS_NO_BUNDLE=1, the sources run through tsx.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Bundles of earlier builds are removed once this old (a process may still be loading one). */
const STALE_MS = 10 * 60 * 1000;

/** Imports `entry` (a path relative to the project root) from its bundle, or through tsx. */
export async function importSource(entry) {
  const url = process.env.ATLAS_NO_BUNDLE ? null : await bundleUrl(entry).catch((err) => {
    if (process.env.ATLAS_DEBUG_BUNDLE) console.error(err);
    return null;
  });
  if (url) {
    try {
      return await import(url);
    } catch (err) {
      // A bundle that does not load (a package that cannot run bundled): the sources through tsx.
      if (process.env.ATLAS_DEBUG_BUNDLE) console.error(err);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(ROOT, entry)).href);
}

function cacheDirs() {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [path.join(ROOT, 'node_modules', '.cache', 'renewal-atlas'), path.join(os.tmpdir(), `renewal-atlas-bundles-${uid}`)];
}

/** The file URL of an up-to-date bundle of `entry`, built now when there is none. */
async function bundleUrl(entry) {
  const key = entry.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9]+/g, '-');
  for (const dir of cacheDirs()) {
    const manifest = readManifest(path.join(dir, `${key}.json`));
    if (manifest && isFresh(manifest)) return pathToFileURL(path.join(dir, manifest.out)).href;
  }
  for (const dir of cacheDirs()) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      return pathToFileURL(await build(entry, dir, key)).href;
    } catch (err) {
      if (err && err.code !== 'EACCES' && err.code !== 'EROFS' && err.code !== 'EPERM') throw err;
    }
  }
  return null;
}

function readManifest(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function isFresh(manifest) {
  if (manifest.node !== process.version || !Array.isArray(manifest.inputs)) return false;
  for (const [file, size, mtime] of manifest.inputs) {
    let stat;
    try {
      stat = fs.statSync(path.join(ROOT, file));
    } catch {
      return false;
    }
    if (stat.size !== size || stat.mtimeMs !== mtime) return false;
  }
  return true;
}

/**
 * `import.meta.url` / `dirname` / `filename` and CommonJS's `__dirname` / `__filename` in a file mean
 * that file, not the bundle: they get the file's own values, so paths (a package's .wasm beside its
 * code, epsg-index's folder) resolve as they do unbundled.
 */
const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.([cm]?[jt]sx?)$/ }, async (args) => {
      let text = await fs.promises.readFile(args.path, 'utf8');
      if (text.includes('import.meta')) {
        text = text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
      }
      if (/\b__(dirname|filename)\b/.test(text)) {
        text = `var __dirname = ${JSON.stringify(path.dirname(args.path))}, __filename = ${JSON.stringify(args.path)};\n${text}`;
      }
      const ext = path.extname(args.path).slice(1);
      const loader = /^[cm]?tsx?$/.test(ext) ? (ext.endsWith('x') ? 'tsx' : 'ts') : ext.endsWith('x') ? 'jsx' : 'js';
      return { contents: text, loader };
    });
  },
};

/** What the manifest watches of a bundled file: sources themselves, of a package its package.json. */
function watched(file) {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return file;
  const name = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return [...parts.slice(0, at + 1 + name), 'package.json'].join('/');
}

async function build(entry, dir, key) {
  const esbuild = createRequire(path.join(ROOT, 'package.json'))('esbuild');
  const started = Date.now();
  const outName = `${key}-${crypto.randomBytes(6).toString('hex')}`;
  const outdir = path.join(dir, outName);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { [key]: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A native addon, and Electron's own module: loaded by Node from node_modules.
    external: ['better-sqlite3', 'electron'],
    // Bundled CommonJS packages call require() for Node's modules and the externals.
    banner: { js: "import { createRequire as __atlasRequire } from 'node:module'; const require = __atlasRequire(import.meta.url);" },
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [ownLocation],
  });
  const out = path.join(outdir, `${key}.mjs`);
  const inputs = [];
  let settled = true;
  const files = new Set(Object.keys(result.metafile.inputs).map(watched));
  // npm rewrites it on every install.
  if (fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) files.add('node_modules/.package-lock.json');
  for (const file of files) {
    const stat = fs.statSync(path.join(ROOT, file));
    // A file saved while the bundle was being built: use this bundle once, but do not keep it.
    if (stat.mtimeMs >= started) settled = false;
    inputs.push([file, stat.size, stat.mtimeMs]);
  }
  if (settled) {
    const manifest = path.join(dir, `${key}.json`);
    const tmp = `${manifest}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ node: process.version, out: path.relative(dir, out), inputs }));
    fs.renameSync(tmp, manifest);
    removeStale(dir, key, outName);
  }
  return out;
}

/** Removes this entry's earlier bundles that nobody can be loading any more. */
function removeStale(dir, key, keep) {
  try {
    for (const name of fs.readdirSync(dir)) {
      if (name === keep || !name.startsWith(`${key}-`)) continue;
      const p = path.join(dir, name);
      if (Date.now() - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { recursive: true, force: true });
    }
  } catch {
    // Best effort: another process may be cleaning up too.
  }
}
