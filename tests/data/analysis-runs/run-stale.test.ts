import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisOutcome } from '../../../shared/analysis/request.ts';
import { READERS } from '../../../data/formats/registry.ts';
import { runImport } from '../../../data/import/run-import.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { gdal } from '../../helpers/gdal.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';
import { copyProject, demoWithOutcome, saveInput, saveOne } from './run-fixture.ts';

const tmp = makeTempDir('atlas-runs-stale-');
let template: string;
let outcome: AnalysisOutcome;
let file: string;
let n = 0;
beforeAll(() => {
  template = path.join(tmp.dir, 'template.gpkg');
  outcome = demoWithOutcome(template);
});
beforeEach(() => {
  file = copyProject(template, tmp.dir, `p${++n}.gpkg`);
});
afterAll(() => tmp.cleanup());

const PARK = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { 名称: '新口袋公园', 面积: 800, 状态: '现状' }, geometry: { type: 'Polygon', coordinates: [[[120.75, 30.75], [120.7503, 30.75], [120.7503, 30.7503], [120.75, 30.7503], [120.75, 30.75]]] } }],
};
/** Appends one park to `layerId` through the app's own import (another connection, as the worker does). */
async function append(layerId: string): Promise<void> {
  const src = path.join(tmp.dir, `park${++n}.geojson`);
  fs.writeFileSync(src, JSON.stringify(PARK));
  const target = { mode: 'append' as const, layerId };
  await runImport({ projectPath: file, files: [src], options: {}, layerIndex: 0, target, skipInvalid: false }, READERS, () => {}, new AbortController().signal);
}
const lastChange = (layer: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT last_change FROM gpkg_contents WHERE table_name = ?').get(layer) as { last_change: string }).last_change;
  } finally {
    db.close();
  }
};

describe('stale runs', () => {
  it('a run goes stale when an input layer gets features through an import, seen by a store left open', async () => {
    saveOne(file, outcome);
    const store = ProjectStore.open(file);
    try {
      expect(store.runs().list()[0].stale).toBe(false);
      const changedAt = lastChange('parks');
      await new Promise((r) => setTimeout(r, 5));
      await append('parks');
      expect(lastChange('parks') > changedAt).toBe(true);
      expect(store.runs().list()[0].stale).toBe(true);
      expect(store.runs().get(1).stale).toBe(true);
    } finally {
      store.close();
    }
  });

  it('a change to a layer the run did not read leaves it fresh', async () => {
    saveOne(file, outcome);
    await append('historic_districts');
    const store = ProjectStore.open(file);
    expect(store.runs().list()[0].stale).toBe(false);
    store.close();
  });

  it('an attribute edit by GDAL (same count, same ids, same text length) makes it stale too', () => {
    saveOne(file, outcome);
    const db = new Database(file, { readonly: true });
    const { fid } = db.prepare("SELECT fid FROM parks WHERE 状态 = '现状' LIMIT 1").get() as { fid: number };
    db.close();
    gdal('ogrinfo', [file, '-sql', `UPDATE parks SET 状态 = '新建' WHERE fid = ${fid}`]);
    const store = ProjectStore.open(file);
    expect(store.runs().list()[0].stale).toBe(true);
    store.close();
  });
});

describe('read-only projects and older files', () => {
  it('a read-only project lists and opens runs but refuses changes, byte for byte unchanged', async () => {
    const id = saveOne(file, outcome);
    fs.chmodSync(file, 0o444);
    const before = await fileHash(file);
    const store = ProjectStore.open(file);
    try {
      expect(store.readOnly).toBe(true);
      expect(store.runs().list().map((r) => r.id)).toEqual([id]);
      expect(store.runs().get(id).layerData.sites!.features).toHaveLength(3);
      const codeOf = (f: () => unknown) => { try { f(); } catch (e) { return (e as { code?: string }).code; } return 'no error'; };
      expect(codeOf(() => store.runs().save(saveInput(outcome)))).toBe('read_only');
      expect(codeOf(() => store.runs().rename(id, 'x'))).toBe('read_only');
      expect(codeOf(() => store.runs().delete(id))).toBe('read_only');
    } finally {
      store.close();
    }
    expect(await fileHash(file)).toBe(before);
  });

  it('a schema-1 file opens read-only with no runs, and gets the runs table when opened for writing', async () => {
    const db = new Database(file);
    db.exec("DROP TABLE ra_analysis_runs; DELETE FROM gpkg_contents WHERE table_name = 'ra_analysis_runs'; UPDATE ra_meta SET value = '1' WHERE key = 'schema_version'");
    db.close();
    fs.chmodSync(file, 0o444);
    const before = await fileHash(file);
    const ro = ProjectStore.open(file);
    expect(ro.info().schemaVersion).toBe(1);
    expect(ro.runs().list()).toEqual([]);
    ro.close();
    expect(await fileHash(file)).toBe(before);

    fs.chmodSync(file, 0o644);
    const rw = ProjectStore.open(file);
    try {
      expect(rw.info().schemaVersion).toBe(2);
      expect(rw.runs().list()).toEqual([]);
      expect(rw.runs().save(saveInput(outcome)).id).toBe(1);
    } finally {
      rw.close();
    }
  });
});
