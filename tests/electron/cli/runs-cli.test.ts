import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ogrinfoSummary } from '../../helpers/ogrinfo-summary.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';

const BIN = path.resolve(__dirname, '../../../electron/cli/bin.mjs');
/** Tests that start the CLI many times (each start loads the app: seconds on a busy machine). */
const SLOW = 240_000;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('renewal-atlas analyze --plan compare, --sites, --save and runs', () => {
  let tmp: { dir: string; cleanup: () => void };
  let demo: string;
  beforeAll(() => {
    tmp = makeTempDir();
    demo = path.join(tmp.dir, 'demo.gpkg');
    expect(cli('init', demo, '--demo').code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('compares before and after the plan and picks sites, with the same numbers in text and JSON', () => {
    const args = ['analyze', demo, '--preset', 'green-5min', '--plan', 'compare', '--sites', 'renewal_parcels', '--k', '3'];
    const text = cli(...args);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/before the plan — \d+ facilities[\s\S]*after the 2023 plan — \d+ facilities/);
    expect(text.out).toMatch(/change: \+\d+\.\d points/);
    expect(text.out).toMatch(/where to build next \(3 of the candidates, by residents/);
    const json = JSON.parse(cli(...args, '--json').out);
    expect(json.stages.map((s: { plan: string }) => s.plan)).toEqual(['before', 'after']);
    expect(json.stages[1].coverage.share).toBeGreaterThanOrEqual(json.stages[0].coverage.share);
    expect(json.coverage).toEqual(json.stages[1].coverage);
    expect(json.sites.picks).toHaveLength(3);
    expect(json.sites.shareBefore).toBeCloseTo(json.stages[1].coverage.share, 12);
    expect(json.run).toBeNull();
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    expect(text.out).toContain(`change: +${((json.stages[1].coverage.share - json.stages[0].coverage.share) * 100).toFixed(1)} points (${pct(json.stages[0].coverage.share)} → ${pct(json.stages[1].coverage.share)})`);
  }, SLOW);

  it('--minutes, --distance and --min-area change the reach and the facilities', () => {
    const at = (...extra: string[]) => JSON.parse(cli('analyze', demo, '--preset', 'green-5min', '--plan', 'after', '--json', ...extra).out);
    const five = at();
    expect(at('--minutes', '5')).toMatchObject({ distance: 300, coverage: { share: five.coverage.share } });
    expect(at('--distance', '600').coverage.share).toBeGreaterThan(five.coverage.share);
    expect(at('--min-area', '1000000').facilities).toBe(0);
    expect(cli('analyze', demo, '--preset', 'green-5min', '--minutes', '5', '--distance', '300').code).toBe(2);
    expect(cli('analyze', demo, '--preset', 'green-5min', '--sites', 'renewal_parcels').code).toBe(2);
    expect(cli('analyze', demo, '--preset', 'green-5min', '--facilities', 'nope').code).toBe(5);
  }, SLOW);

  it('saves a run, lists it, exports it three ways and deletes it; the layers stay as they were', () => {
    const layersBefore = cli('layers', demo, '--json').out;
    const saved = cli('analyze', demo, '--preset', 'green-5min', '--plan', 'compare', '--sites', 'renewal_parcels', '--k', '2', '--save', '--name', '对比运行');
    expect(saved.code, saved.err).toBe(0);
    expect(saved.out).toMatch(/saved as run 1 "对比运行"/);
    expect(cli('layers', demo, '--json').out).toBe(layersBefore);
    const list = cli('runs', demo);
    expect(list.out).toMatch(/^1\s+\S+ \S+\s+green-5min straight compare\s+[\d.]+% → [\d.]+%\s+ok\s+对比运行$/m);
    const [run] = JSON.parse(cli('runs', demo, '--json').out);
    expect(run).toMatchObject({ id: 1, name: '对比运行', stale: false });

    const base = path.join(tmp.dir, 'run1');
    expect(cli('runs', 'export', demo, '1', '--format', 'geojson', '-o', `${base}.geojson`).code).toBe(0);
    expect(ogrinfoSummary(`${base}-sites.geojson`)[0].featureCount).toBe(2);
    expect(cli('runs', 'export', demo, '1', '--format', 'gpkg', '-o', `${base}.gpkg`).code).toBe(0);
    expect(ogrinfoSummary(`${base}.gpkg`).map((l) => l.name)).toEqual(['catchment', 'catchment_before', 'blind_spots', 'sites']);
    expect(cli('runs', 'export', demo, '1', '--format', 'csv', '-o', `${base}.csv`).code).toBe(0);
    expect(fs.readFileSync(`${base}.csv`, 'utf8').startsWith('\uFEFFstage,level,name')).toBe(true);
    expect(cli('runs', 'export', demo, '1', '--format', 'csv', '-o', `${base}.csv`).code).toBe(4);
    expect(cli('runs', 'export', demo, '1', '--format', 'kml', '-o', `${base}.kml`).code).toBe(2);

    expect(cli('runs', 'delete', demo, '1').code).toBe(0);
    expect(cli('runs', 'delete', demo, '1').code).toBe(5);
    expect(cli('runs', demo).out).toMatch(/No saved analysis runs/);
    expect(ogrinfoSummary(demo).some((l) => l.name.startsWith('ra_run_'))).toBe(false);
  }, SLOW);

  it('refuses --save on a read-only project (exit 3) and leaves the file as it was', async () => {
    const ro = path.join(tmp.dir, 'ro.gpkg');
    fs.copyFileSync(demo, ro);
    fs.chmodSync(ro, 0o444);
    const before = await fileHash(ro);
    const r = cli('analyze', ro, '--preset', 'green-5min', '--save');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/read-only/);
    expect(cli('runs', ro).code).toBe(0);
    expect(await fileHash(ro)).toBe(before);
  });
});
