// Sweep of every usable EPSG code in epsg-index: our conversion to WGS 84 (data/crs, as the app
// resolves a code) against GDAL's default (`gdaltransform -s_srs EPSG:X -t_srs EPSG:4326`).
//
//   node --import tsx tests/crs-sweep/sweep.ts [--sample N] [--codes 2056,27700] [--worst 30]
//        [--jobs 2] [--json out.json] [--no-projinfo] [--classify] [--from-json prev.json]
//
// For each code: five lon/lat points inside its area of use (the entry's bbox), put into the CRS
// with our fromWgs84, then back to WGS 84 with our toWgs84 and with one gdaltransform call per code
// (all points in one batch). The figure per code is the largest distance between the two answers.
// gdaltransform reads and writes in traditional GIS order (x/easting/longitude first), as the app.
// Deprecated codes keep their own definition (OSR_USE_NON_DEPRECATED=NO), as in the vitest cases.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultIndexDir } from '../../data/crs/epsg-index.ts';
import { resolveCrs } from '../../data/crs/index.ts';
import { createTransform } from '../../shared/crs/transform.ts';
import type { XY } from '../../shared/crs/types.ts';

const USABLE = new Set(['CRS-PROJCRS', 'CRS-GEOGCRS', 'CRS-GEOG3DCRS', 'CRS-COMPOUNDCRS', 'CRS-DRVDCRS']);

interface Entry {
  code: string;
  kind: string;
  name: string;
  proj4?: string | null;
  bbox?: number[] | null;
}

export interface CodeResult {
  code: number;
  name: string;
  kind: string;
  status: 'ok' | 'refused' | 'ours-failed' | 'gdal-failed';
  /** Largest distance (m) between our and GDAL's WGS 84 for the points, when both converted. */
  maxError?: number;
  /** Our proj4 definition (as the app converts with it). */
  proj4?: string | null;
  /** Why we refused the code, or what failed. */
  reason?: string;
}

function args(): Map<string, string> {
  const out = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out.set(argv[i].slice(2), '');
    else out.set(argv[i].slice(2), argv[++i]);
  }
  return out;
}

/** Five lon/lat points inside a bbox [north, west, south, east] (across the antimeridian when east < west). */
export function pointsIn(bbox: number[]): XY[] {
  const [north, west, south, eastRaw] = bbox;
  const east = eastRaw < west ? eastRaw + 360 : eastRaw;
  const at = (fx: number, fy: number): XY => {
    let lon = west + (east - west) * fx;
    if (lon > 180) lon -= 360;
    return [lon, south + (north - south) * fy];
  };
  return [at(0.5, 0.5), at(0.25, 0.25), at(0.75, 0.25), at(0.25, 0.75), at(0.75, 0.75)];
}

const GDAL_ENV = { ...process.env, OSR_USE_NON_DEPRECATED: 'NO', PROJ_NETWORK: 'OFF' };

function gdalToWgs84(code: number, points: XY[]): Promise<{ out?: (XY | null)[]; error?: string }> {
  return new Promise((resolve) => {
    const child = spawn('gdaltransform', ['-s_srs', `EPSG:${code}`, '-t_srs', 'EPSG:4326', '-output_xy'], { env: GDAL_ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => resolve({ error: err.message }));
    child.on('close', (status) => {
      if (status !== 0) return resolve({ error: stderr.trim().split('\n')[0] || `exit ${status}` });
      const lines = stdout.trim().split('\n');
      if (lines.length !== points.length) return resolve({ error: stderr.trim().split('\n')[0] || 'no output' });
      resolve({
        out: lines.map((line) => {
          const [x, y] = line.trim().split(/\s+/).map(Number);
          return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) < 1e10 ? [x, y] : null;
        }),
      });
    });
    child.stdin.end(points.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n');
  });
}

function metresBetween(a: XY, b: XY): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(Math.min(1, h)));
}

async function sweepCode(entry: Entry): Promise<CodeResult> {
  const code = Number(entry.code);
  const base = { code, name: entry.name, kind: entry.kind.replace(/^CRS-/, '') };
  let def;
  try {
    def = resolveCrs(`EPSG:${code}`);
  } catch (err) {
    return { ...base, status: 'refused', reason: (err as Error).message };
  }
  const lonLats = pointsIn(entry.bbox && entry.bbox.length === 4 ? entry.bbox : [10, -10, -10, 10]);
  let sources: XY[];
  let ours: XY[];
  try {
    const t = createTransform(def);
    sources = lonLats.map((ll) => t.fromWgs84(ll));
    ours = sources.map((xy) => t.toWgs84(xy));
  } catch (err) {
    return { ...base, status: 'ours-failed', proj4: def.proj4, reason: (err as Error).message };
  }
  const gdal = await gdalToWgs84(code, sources);
  if (!gdal.out || gdal.out.every((p) => p === null)) return { ...base, status: 'gdal-failed', proj4: def.proj4, reason: gdal.error };
  let maxError = 0;
  gdal.out.forEach((p, i) => {
    if (p) maxError = Math.max(maxError, metresBetween(ours[i], p));
  });
  return { ...base, status: 'ok', maxError, proj4: def.proj4 };
}

/** PROJ's first choice for EPSG:X → WGS 84: the operation's name and its PROJ pipeline (one line each). */
export function projinfo(code: number): { operation: string; proj: string } {
  const r = spawnSync('projinfo', ['-s', `EPSG:${code}`, '-t', 'EPSG:4326', '-o', 'PROJ', '--single-line', '--spatial-test', 'intersects'], {
    encoding: 'utf8',
    env: GDAL_ENV,
  });
  const text = r.stdout || r.stderr || '';
  const block = text.split(/Operation No\. 2:/)[0];
  const operation = /Operation No\. 1:\s*\n\s*(.+)/.exec(block)?.[1].trim() ?? '';
  const proj = /^(\+proj=.*)$/m.exec(block)?.[1] ?? text.trim().split('\n')[0];
  return { operation, proj };
}

/** The Helmert parameters of a PROJ pipeline's one helmert step, as position-vector towgs84 numbers. */
function helmertOf(pipeline: string): number[] | undefined {
  const steps = pipeline.split(/\s\+step\s/).filter((st) => /\+proj=helmert\b/.test(st));
  if (steps.length !== 1) return undefined;
  const num = (k: string) => Number(new RegExp(`\\+${k}=(\\S+)`).exec(steps[0])?.[1] ?? 0);
  const p = ['x', 'y', 'z', 'rx', 'ry', 'rz', 's'].map(num);
  if (/\+convention=coordinate_frame/.test(steps[0])) for (const i of [3, 4, 5]) p[i] = -p[i];
  if (/^\+inv\s/.test(steps[0])) return p.map((v) => -v);
  return p;
}

const same = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) < 1e-6);

/** A likely cause of a mismatch of ≥ 1 m, from our definition and PROJ's first choice. */
export function causeOf(r: CodeResult, info: { operation: string; proj: string }): string {
  const ours = r.proj4 ?? '';
  const p = info.proj;
  if (/\+proj=axisswap \+order=-/.test(p) && !/\+axis=/.test(ours)) return 'axis order (southing/westing axes)';
  if (/\+proj=(hgridshift|gridshift|xyzgridshift|deformation|tinshift|vgridshift)|\+nadgrids=/.test(p)) return 'grid-based transformation in PROJ';
  if (/\+proj=molobadekas|\+proj=molodensky/.test(p)) return 'Molodensky(-Badekas) in PROJ';
  const helmert = helmertOf(p);
  const towgs84 = /\+towgs84=(\S+)/.exec(ours)?.[1]?.split(',').map(Number);
  const ourShift = towgs84 ?? (/\+datum=(WGS84|NAD83)/.test(ours) ? [0, 0, 0] : undefined);
  if (helmert && !ourShift) return /\+nadgrids=/.test(ours) ? 'grid missing, no Helmert fallback' : 'no towgs84 in epsg-index, PROJ uses a Helmert';
  if (!helmert && ourShift && !same(ourShift, [0, 0, 0])) return 'towgs84 in epsg-index, PROJ has no shift (ballpark/null)';
  if (helmert && ourShift) {
    if (same(ourShift, helmert)) return /Ballpark/.test(info.operation) ? 'other' : 'same first Helmert: GDAL picks another operation at some points (regional)';
    const flipped = [...ourShift.slice(0, 3), ...ourShift.slice(3, 6).map((v) => -v), ourShift[6] ?? 0];
    if (same(flipped, helmert)) return 'towgs84 rotations of the wrong sign (coordinate frame as position vector)';
    return 'towgs84 differs from PROJ\'s choice';
  }
  return 'projection or unit handled differently';
}

function pct(n: number, total: number): string {
  return `${n} (${((100 * n) / total).toFixed(1)}%)`;
}

async function main(): Promise<void> {
  const opts = args();
  const dir = defaultIndexDir();
  let entries: Entry[] = fs
    .readdirSync(dir)
    .filter((f) => /^\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Entry)
    .filter((e) => USABLE.has(e.kind))
    .sort((a, b) => Number(a.code) - Number(b.code));
  if (opts.has('codes')) {
    const wanted = new Set(opts.get('codes')!.split(',').map(Number));
    entries = entries.filter((e) => wanted.has(Number(e.code)));
  } else if (opts.has('sample')) {
    const n = Number(opts.get('sample'));
    const step = entries.length / n;
    entries = Array.from({ length: Math.min(n, entries.length) }, (_, i) => entries[Math.floor(i * step)]);
  }
  const jobs = Number(opts.get('jobs') || Math.max(1, os.cpus().length));
  let results: CodeResult[] = new Array(entries.length);
  let next = 0;
  let done = 0;
  const started = Date.now();
  if (opts.has('from-json')) {
    // Figures and causes of an earlier run (e.g. before a fix), without converting again.
    results = JSON.parse(fs.readFileSync(opts.get('from-json')!, 'utf8')) as CodeResult[];
    entries = [];
  }
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < entries.length) {
        const i = next++;
        results[i] = await sweepCode(entries[i]);
        if (++done % 500 === 0) process.stderr.write(`${done}/${entries.length} codes, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      }
    }),
  );

  const total = results.length;
  const ok = results.filter((r) => r.status === 'ok');
  const within1 = ok.filter((r) => r.maxError! < 1).length;
  const mid = ok.filter((r) => r.maxError! >= 1 && r.maxError! < 100).length;
  const far = ok.filter((r) => r.maxError! >= 100).length;
  const count = (s: CodeResult['status']) => results.filter((r) => r.status === s).length;
  console.log(`EPSG codes swept: ${total} (usable kinds of epsg-index), ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`  within 1 m of GDAL   ${pct(within1, total)}`);
  console.log(`  1-100 m              ${pct(mid, total)}`);
  console.log(`  >= 100 m             ${pct(far, total)}`);
  console.log(`  refused by us        ${pct(count('refused'), total)}`);
  console.log(`  failed in ours       ${pct(count('ours-failed'), total)}`);
  console.log(`  failed in GDAL       ${pct(count('gdal-failed'), total)}`);
  console.log(`  (of those GDAL and we both converted: ${pct(within1, ok.length)} within 1 m)`);

  const worstCount = Number(opts.get('worst') || 25);
  const worst = ok.filter((r) => r.maxError! >= 1).sort((a, b) => b.maxError! - a.maxError!).slice(0, worstCount);
  if (worst.length) console.log(`\nWorst ${worst.length} codes:`);
  for (const r of worst) {
    console.log(`EPSG:${r.code} ${r.name} [${r.kind}]: ${r.maxError!.toFixed(1)} m`);
    console.log(`  ours:     ${r.proj4}`);
    if (opts.has('no-projinfo')) continue;
    const info = projinfo(r.code);
    console.log(`  PROJ op:  ${info.operation.slice(0, 160)}`);
    console.log(`  projinfo: ${info.proj}`);
  }
  if (opts.has('classify')) {
    const causes = new Map<string, number[]>();
    for (const r of ok.filter((x) => x.maxError! >= 1)) {
      const cause = causeOf(r, projinfo(r.code));
      if (!causes.has(cause)) causes.set(cause, []);
      causes.get(cause)!.push(r.code);
    }
    console.log('\nCauses of the mismatches of 1 m or more (codes: count, examples):');
    for (const [cause, codes] of [...causes].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  ${cause}: ${codes.length} (${codes.slice(0, 8).join(', ')})`);
    }
  }
  if (opts.has('json')) fs.writeFileSync(opts.get('json')!, JSON.stringify(results, null, 1));
}

await main();
