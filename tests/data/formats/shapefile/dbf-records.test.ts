import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, corpus, openFiles } from './corpus.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const JS = corpus('shapefile-js');

describe('DBF records beside the shapes', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  /** senate.* copied to the temp folder, its .dbf passed through `edit` first. */
  function senate(edit: (dbf: Buffer) => void = () => {}): string {
    for (const ext of ['shp', 'shx', 'prj']) fs.copyFileSync(path.join(JS, `senate.${ext}`), path.join(dir, `senate.${ext}`));
    const dbf = Buffer.from(fs.readFileSync(path.join(JS, 'senate.dbf')));
    edit(dbf);
    fs.writeFileSync(path.join(dir, 'senate.dbf'), dbf);
    return path.join(dir, 'senate.shp');
  }
  const recordAt = (dbf: Buffer, i: number): number => dbf.readUInt16LE(8) + i * dbf.readUInt16LE(10);

  it('a record the .dbf marks deleted is skipped with its shape; the rows around it stay aligned', async () => {
    const [original] = await openFiles([path.join(JS, 'senate.shp')]);
    const all = await collect(original);
    const [layer] = await openFiles([senate((dbf) => (dbf[recordAt(dbf, 1)] = 0x2a))]);
    const kept = await collect(layer);
    expect(kept.map((f) => f.index)).toEqual(all.map((f) => f.index).filter((i) => i !== 1));
    expect(kept[1]).toEqual(all[2]); // index, shape and attributes of record 3 together
  });

  it('a memo field is left out with a note', async () => {
    const [layer] = await openFiles([senate((dbf) => (dbf[32 + 32 + 11] = 'M'.charCodeAt(0)))]);
    expect(layer.fields.map((f) => f.key)).not.toContain('SEN_DIST');
    expect(layer.notes.join('\n')).toMatch(/Field SEN_DIST of senate\.dbf is a memo field, which is not read/);
  });

  it('a .dbf with fewer records than the .shp: the rest have empty attributes, noted', async () => {
    const shp = senate((dbf) => dbf.writeUInt32LE(38, 4));
    const features = await collect((await openFiles([shp]))[0]);
    expect(features.length).toBe(40);
    expect(features[39].properties.SENATOR).toBeNull();
    expect((await openFiles([shp]))[0].notes.join('\n')).toMatch(/senate\.dbf has 38 records and senate\.shp has 40/);
  });

  it('language driver 0x57 ("the writer\'s ANSI code page") with GBK text: read as GBK, noted', async () => {
    fs.copyFileSync(corpus('mapshaper-dbf/ldid/chinese.shp'), path.join(dir, 'ansi.shp'));
    fs.copyFileSync(corpus('mapshaper-dbf/ldid/chinese.shx'), path.join(dir, 'ansi.shx'));
    const dbf = Buffer.from(fs.readFileSync(corpus('mapshaper-dbf/gbk.dbf')));
    dbf[29] = 0x57;
    fs.writeFileSync(path.join(dir, 'ansi.dbf'), dbf);
    const [layer] = await openFiles([path.join(dir, 'ansi.shp')]);
    expect(layer.encoding).toBe('gbk');
    expect(layer.notes.join('\n')).toMatch(/language driver 0x57\) and its text reads as gbk/);
    expect((await collect(layer))[0].properties.NAME).toBe('简体国语');
  });
});
