import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ogrinfoSummary } from '../../helpers/ogrinfo-summary.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const BIN = path.resolve(__dirname, '../../../electron/cli/bin.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('renewal-atlas CLI', () => {
  let tmp: { dir: string; cleanup: () => void };
  let demo: string;
  beforeAll(() => {
    tmp = makeTempDir();
    demo = path.join(tmp.dir, 'demo.gpkg');
    const r = cli('init', demo, '--demo');
    if (r.code !== 0) throw new Error(r.err);
  });
  afterAll(() => tmp.cleanup());

  it('init --empty creates a project with no layers', () => {
    const file = path.join(tmp.dir, 'empty.gpkg');
    const r = cli('init', file, '--empty');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 layers/);
  });

  it('init refuses to overwrite an existing file (exit 4) and leaves it as it was', () => {
    const before = fs.readFileSync(demo);
    const r = cli('init', demo);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/already exists/);
    expect(fs.readFileSync(demo).equals(before)).toBe(true);
  });

  it('layers --json lists every layer with kind and count', () => {
    const r = cli('layers', demo, '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { demo: boolean; layers: { id: string; kind: string; featureCount: number }[] };
    expect(parsed.demo).toBe(true);
    expect(parsed.layers.find((l) => l.id === 'parking_lots')).toMatchObject({ kind: 'parking_lot', featureCount: 25 });
  });

  it('layers prints a table a person can read', () => {
    const r = cli('layers', demo);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^id\s+kind\s+geometry\s+features\s+title$/m);
    expect(r.out).toMatch(/renewal_parcels\s+renewal_parcel\s+MULTIPOLYGON/);
  });

  it('export writes GeoJSON that GDAL reads with the same count and fields', () => {
    const out = path.join(tmp.dir, 'parks.geojson');
    const r = cli('export', demo, '--layer', 'parks', '--format', 'geojson', '-o', out);
    expect(r.code).toBe(0);
    const ours = JSON.parse(cli('layers', demo, '--json').out).layers.find((l: { id: string }) => l.id === 'parks');
    const gdal = ogrinfoSummary(out)[0];
    expect(gdal.featureCount).toBe(ours.featureCount);
    expect(gdal.fields).toEqual(['名称', '类型', '面积', '状态', '计划年度']);
  });

  it('export to standard output prints the FeatureCollection', () => {
    const r = cli('export', demo, '--layer', 'historic_districts', '--format', 'geojson');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).features).toHaveLength(2);
  });

  it('export of a missing layer exits 5 and names the layers there are', () => {
    const r = cli('export', demo, '--layer', 'nope', '--format', 'geojson');
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/No layer "nope".*parks/);
  });

  it('export of an unknown format is a usage error (exit 2)', () => {
    const r = cli('export', demo, '--layer', 'parks', '--format', 'dwg');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown format "dwg"/);
  });

  it('a text file named .gpkg exits 3 with a message naming it', () => {
    const bad = path.join(tmp.dir, 'bad.gpkg');
    fs.writeFileSync(bad, 'hello');
    const r = cli('layers', bad);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/bad\.gpkg is not a GeoPackage/);
  });

  it('a missing file exits 5', () => {
    expect(cli('layers', path.join(tmp.dir, 'none.gpkg')).code).toBe(5);
  });

  it('an unknown command exits 2 with the usage text', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Usage: renewal-atlas/);
  });
});

describe('renewal-atlas analyze', () => {
  let tmp: { dir: string; cleanup: () => void };
  let demo: string;
  beforeAll(() => {
    tmp = makeTempDir();
    demo = path.join(tmp.dir, 'demo.gpkg');
    expect(cli('init', demo, '--demo').code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('prints the 5-minute green coverage with the standard and the districts', () => {
    const r = cli('analyze', demo, '--preset', 'green-5min');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/5分钟见绿 5-minute green — straight line, 300 m/);
    expect(r.out).toMatch(/standard: ≥ 90\.0% — (met|NOT met)/);
    expect(r.out).toMatch(/南湖区: \d+\.\d%/);
  });

  it('gives figures a script can read with --json, and more facilities after the plan than before', () => {
    const before = JSON.parse(cli('analyze', demo, '--preset', 'green-5min', '--plan', 'before', '--json').out);
    const after = JSON.parse(cli('analyze', demo, '--preset', 'green-5min', '--plan', 'after', '--json').out);
    expect(before.coverage.share).toBeGreaterThan(0);
    expect(before.coverage.share).toBeLessThanOrEqual(1);
    expect(after.facilities).toBeGreaterThan(before.facilities);
    expect(after.coverage.coveredArea).toBeGreaterThanOrEqual(before.coverage.coveredArea);
  });

  it('names the blind spots affecting most residents, in the order and with the figures of --json', () => {
    const text = cli('analyze', demo, '--preset', 'green-5min').out;
    const json = JSON.parse(cli('analyze', demo, '--preset', 'green-5min', '--json').out);
    const top = json.topBlindSpots as { rank: number; name: string; district: string; area: number; affected: number }[];
    expect(top.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    const affected = top.map((s) => s.affected);
    expect(affected).toEqual([...affected].sort((a, b) => b - a));
    expect(text).toContain(`worst blind spots (5 of ${json.blindSpots}):`);
    for (const s of top) expect(text).toContain(`  ${s.rank}. ${s.name} (${s.district}): ${(s.area / 10_000).toFixed(1)} ha uncovered`);
  });

  it('refuses an unknown preset with the list of presets (exit 2)', () => {
    const r = cli('analyze', demo, '--preset', 'green-3min');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/green-5min, park-service/);
  });
});
