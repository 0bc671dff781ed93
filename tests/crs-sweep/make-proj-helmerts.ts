// Dev-time generator of data/crs/proj-helmerts.ts: the datum shifts to WGS 84 that PROJ (and so GDAL)
// chooses for each geographic CRS behind a usable epsg-index code, where they differ from the
// +towgs84 of the epsg-index proj4 strings (missing, rotations of the wrong sign, another
// transformation, or a shift where PROJ has none).
//
//   node --import tsx tests/crs-sweep/make-proj-helmerts.ts
//
// Needs projinfo (PROJ, Debian package proj-bin) and its proj.db (read through better-sqlite3 for
// the operations' areas of use). The candidates are `projinfo -s EPSG:<geogcrs> -t EPSG:4326
// --spatial-test intersects --grid-check discard_missing -o PROJ`, in PROJ's order, as GDAL takes
// them (GDAL converts each point with the first candidate whose area contains it).
// 'grid' in the table stands for any transformation that is not one plain Helmert shift.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { defaultIndexDir } from '../../data/crs/epsg-index.ts';
import { parseWkt, wktEpsgCode, wktGeographicNode } from '../../shared/crs/wkt-parse.ts';

const USABLE = new Set(['CRS-PROJCRS', 'CRS-GEOGCRS', 'CRS-GEOG3DCRS', 'CRS-COMPOUNDCRS', 'CRS-DRVDCRS']);
const OUT = fileURLToPath(new URL('../../data/crs/proj-helmerts.ts', import.meta.url));

interface Entry {
  code: string;
  kind: string;
  wkt?: string | null;
  proj4?: string | null;
}

/** towgs84 (position vector, as proj4 takes it), null for no shift, 'grid' for what proj4js cannot do. */
type Shift = string | null | 'grid';
type Bbox = [west: number, south: number, east: number, north: number] | null;
/** Accuracy in metres as EPSG states it, null when unknown, 'ballpark' for PROJ's ballpark (no shift). */
type Accuracy = number | null | 'ballpark';
/** A transformation PROJ may take: its shift, area, accuracy, and 1 when its area is offshore only. */
type Candidate = [Shift, Bbox, Accuracy] | [Shift, Bbox, Accuracy, 1];

/** The shift a PROJ pipeline makes between the geographic CRS and WGS 84 (unit, axis and prime-meridian steps aside). */
export function shiftOf(pipeline: string): Shift {
  const steps = pipeline.split(/\s\+step\s/).slice(1);
  if (steps.length === 0) return /^\+proj=noop/.test(pipeline) ? null : 'grid';
  const helmerts = steps.filter((s) => /\+proj=helmert\b/.test(s));
  const known = /\+proj=(axisswap|unitconvert|longlat|push|pop|cart|helmert|noop)\b/;
  if (steps.some((s) => !known.test(s))) return 'grid';
  if (helmerts.length === 0) return null;
  if (helmerts.length > 1) return 'grid';
  const h = helmerts[0];
  if (/\+(dx|dy|dz|drx|dry|drz|ds|t_epoch|t_obs|theta|exact)\b/.test(h)) return 'grid';
  // A prime meridian of the transformation's own (MGI (Ferro) to WGS 84 (1) takes Ferro as -17.66278°).
  if (steps.some((st) => /\+pm=-?\d/.test(st))) return 'grid';
  const num = (k: string) => Number(new RegExp(`\\+${k}=(\\S+)`).exec(h)?.[1] ?? 0);
  let [x, y, z] = ['x', 'y', 'z'].map(num);
  let [rx, ry, rz] = ['rx', 'ry', 'rz'].map(num);
  let s = num('s');
  if (/\+convention=coordinate_frame/.test(h)) [rx, ry, rz] = [-rx, -ry, -rz];
  // An inverse step: the negated parameters (exact to well under a millimetre for datum shifts).
  if (/^\+inv\s/.test(h)) [x, y, z, rx, ry, rz, s] = [x, y, z, rx, ry, rz, s].map((v) => -v);
  const fmt = (v: number) => String(Number(v.toFixed(10)) || 0);
  return rx || ry || rz || s ? [x, y, z, rx, ry, rz, s].map(fmt).join(',') : [x, y, z].map(fmt).join(',');
}

function main(): void {
  const dir = defaultIndexDir();
  const db = new Database('/usr/share/proj/proj.db', { readonly: true });
  const usageOf = db.prepare(
    `SELECT e.name, e.west_lon, e.south_lat, e.east_lon, e.north_lat FROM usage u JOIN extent e
     ON e.auth_name = u.extent_auth_name AND e.code = u.extent_code WHERE u.object_auth_name = ? AND u.object_code = ?
     AND u.object_table_name IN ('helmert_transformation', 'grid_transformation', 'other_transformation', 'concatenated_operation')`,
  );
  const extentNamed = db.prepare('SELECT name, west_lon, south_lat, east_lon, north_lat FROM extent WHERE name = ? AND deprecated = 0');
  type Row = { name: string; west_lon: number; south_lat: number; east_lon: number; north_lat: number };
  const bboxOf = (row: Row | undefined): Bbox =>
    !row || (row.west_lon <= -180 && row.east_lon >= 180 && row.south_lat <= -90 && row.north_lat >= 90)
      ? null
      : [row.west_lon, row.south_lat, row.east_lon, row.north_lat];

  // The epsg-index shifts of each geographic CRS, as its own entry and the CRSs based on it state them.
  const ownShift = new Map<number, Set<Shift>>();
  for (const f of fs.readdirSync(dir)) {
    if (!/^\d+\.json$/.test(f)) continue;
    const e = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Entry;
    if (!USABLE.has(e.kind) || !e.proj4) continue;
    const node = e.wkt ? parseWkt(e.wkt) : undefined;
    const geog = node ? wktGeographicNode(node) : undefined;
    const code = geog ? wktEpsgCode(geog) : /GEOG/.test(e.kind) ? Number(e.code) : undefined;
    if (!code) continue;
    const p = e.proj4;
    if (!ownShift.has(code)) ownShift.set(code, new Set());
    ownShift.get(code)!.add(/\+nadgrids=/.test(p) ? 'grid' : /\+datum=(WGS84|NAD83)\b/.test(p) ? '0,0,0' : /\+datum=NAD27/.test(p) ? 'grid' : /\+towgs84=(\S+)/.exec(p)?.[1] ?? null);
  }

  const table: [number, Candidate[]][] = [];
  for (const code of [...ownShift.keys()].sort((a, b) => a - b)) {
    const r = spawnSync(
      'projinfo',
      ['-s', `EPSG:${code}`, '-t', 'EPSG:4326', '-o', 'PROJ', '--single-line', '--spatial-test', 'intersects', '--grid-check', 'discard_missing'],
      { encoding: 'utf8', env: { ...process.env, PROJ_NETWORK: 'OFF' } },
    );
    if (r.status !== 0) continue;
    const candidates: Candidate[] = [];
    for (const block of r.stdout.split(/Operation No\. \d+:/).slice(1)) {
      const head = /^\s*(.+)$/m.exec(block)?.[1] ?? '';
      const pipeline = /^(\+proj=.*)$/m.exec(block)?.[1];
      if (!pipeline) continue;
      const id = /^(\w+):(\w+), /.exec(head);
      let bbox: Bbox;
      const area = /, (?:[\d.]+ m|unknown accuracy), (.*?)(?:, has ballpark transformation)?$/.exec(head)?.[1] ?? '';
      if (id) {
        const rows = usageOf.all(id[1], id[2]) as Row[];
        bbox = bboxOf(rows.find((row) => area.startsWith(row.name)) ?? rows[0]);
      } else {
        bbox = area === 'World' ? null : bboxOf(extentNamed.get(area) as Row | undefined);
      }
      const ballpark = /Ballpark/.test(head);
      const accuracy = /, ([\d.]+) m, /.exec(head)?.[1];
      const candidate: Candidate = [shiftOf(pipeline), bbox, ballpark ? 'ballpark' : accuracy ? Number(accuracy) : null];
      if (area.includes('- offshore')) candidate.push(1); // PROJ takes these only where nothing else covers a point
      candidates.push(candidate);
      if (ballpark) break; // later candidates are never chosen
    }
    if (candidates.length === 0) continue;
    const owns = [...ownShift.get(code)!];
    const same = (s: Shift, own: Shift) => s === own || (s !== null && s !== 'grid' && own !== null && own !== 'grid' && sameTowgs84(s, own));
    if (owns.length === 1 && candidates.every(([s]) => s === 'grid' || same(s, owns[0]))) continue;
    table.push([code, candidates]);
  }

  const lines = table.map(([code, c]) => `  [${code}, ${JSON.stringify(c)}],`);
  const text = `// Generated by tests/crs-sweep/make-proj-helmerts.ts from PROJ ${projVersion()}'s proj.db (EPSG dataset
// ${epsgVersion(db)}, which may be redistributed: see https://epsg.org/terms-of-use.html). Do not edit.
//
// For each geographic CRS (EPSG code) whose epsg-index +towgs84 differs from what PROJ converts
// with: PROJ's candidate transformations to WGS 84, each as [towgs84 (position vector) | null (no
// shift: a null or ballpark transformation) | 'grid' (not one plain Helmert shift), area of use
// [west, south, east, north] | null (world), accuracy (m) | null (unknown) | 'ballpark', and 1 when
// the area is offshore]. For a point, PROJ (so GDAL) takes, of the candidates whose area contains
// it, the most accurate (offshore ones and ballpark only when nothing else covers it; the smaller
// area of equals).

export type ProjShift = string | null | 'grid';
export type ProjArea = [west: number, south: number, east: number, north: number] | null;
export type ProjAccuracy = number | null | 'ballpark';

export type ProjCandidate = readonly [ProjShift, ProjArea, ProjAccuracy] | readonly [ProjShift, ProjArea, ProjAccuracy, 1];

export const PROJ_HELMERTS: ReadonlyMap<number, readonly ProjCandidate[]> = new Map<number, ProjCandidate[]>([
${lines.join('\n')}
]);
`;
  fs.writeFileSync(OUT, text);
  console.log(`${table.length} geographic CRSs written to ${OUT} (${text.length} bytes)`);
}

function sameTowgs84(a: string, b: string): boolean {
  const pa = a.split(',').map(Number);
  const pb = b.split(',').map(Number);
  return [0, 1, 2, 3, 4, 5, 6].every((i) => Math.abs((pa[i] ?? 0) - (pb[i] ?? 0)) < 1e-6);
}

function projVersion(): string {
  const r = spawnSync('projinfo', [], { encoding: 'utf8' });
  return /Rel\. ([^\s,]+)/.exec(r.stdout + r.stderr)?.[1] ?? '?';
}

function epsgVersion(db: Database.Database): string {
  const row = db.prepare("SELECT value FROM metadata WHERE key = 'EPSG.VERSION'").get() as { value: string } | undefined;
  return row?.value ?? '?';
}

main();
